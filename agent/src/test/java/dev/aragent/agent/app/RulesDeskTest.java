package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyBook;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.rules.QuarterProjection;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.InMemoryAccountHolds;
import dev.aragent.agent.spi.InMemoryContactLog;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryOutreachLog;
import dev.aragent.agent.spi.InMemoryRuleVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The AR manager's rules on the in-memory book: in force, previewed, projected, saved, and their history. */
class RulesDeskTest {
    static final TenantId T = TenantId.of("northwind");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);

    private final InMemoryRuleVersions versions = new InMemoryRuleVersions();
    private final RulesDesk desk = desk();

    private RulesDesk desk() {
        InMemoryLedger ledger = new InMemoryLedger(CLOCK);
        List<dev.aragent.agent.ledger.Customer> customers = new ArrayList<>();
        List<dev.aragent.agent.ledger.Invoice> invoices = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            String id = "C-" + (1000 + k);
            customers.add(Books.customer(id, "Customer " + k));
            invoices.add(Books.open(
                    id,
                    "INV-" + id,
                    LocalDate.of(2026, 10, 1).plusDays(k),
                    100_000 + k * 5_000L,
                    100_000 + k * 5_000L));
        }
        ledger.apply(T, Books.aging(customers, invoices, List.of()), Books.audit(ImportKind.AGING, 40));
        return RulesDesk.create(new RulesDesk.Parts(
                versions,
                t -> RuleSheet.write(QueueRules.defaults(), PolicyBook.of(Policy.standard())),
                t -> Currency.getInstance("USD"),
                ZoneId.of("America/New_York"),
                ledger,
                new InMemoryContactLog(),
                new InMemoryOutreachLog(),
                new InMemoryAccountHolds(),
                t -> Optional.empty(),
                CLOCK));
    }

    private static Principal as(Role role) {
        return new Principal(
                UUID.randomUUID(),
                "dana@northwind.example",
                "Dana Reyes",
                T,
                role,
                EnumSet.allOf(Permission.class),
                "session");
    }

    private RuleSheet inForce() {
        return desk.current(T).sheet();
    }

    @Test
    void beforeAnySaveTheRulesInForceAreVersionZero() {
        assertThat(desk.current(T).version()).isZero();
        assertThat(desk.queueRules(T)).isEqualTo(QueueRules.defaults());
        assertThat(desk.history(T, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.version().number()).isZero());
    }

    @Test
    void aPreviewShowsWhatADraftDoesToTodaysQueue() {
        RulesDesk.Preview p = desk.preview(T, inForce().with("customers.C-1005.channel", "human"));

        assertThat(p.problems()).isEmpty();
        assertThat(p.changes()).extracting(RuleSheet.Change::key).containsExactly("customers.C-1005.channel");
        RulesDesk.Shift s = p.queue().orElseThrow();
        assertThat(s.before()).isEqualTo(s.after()).isPositive();
        assertThat(s.rechanneled()).singleElement().satisfies(m -> {
            assertThat(m.customer()).isEqualTo(CustomerKey.of("C-1005"));
            assertThat(m.channelAfter()).isEqualTo("human");
        });
        assertThat(s.added()).isEmpty();
        assertThat(s.dropped()).isEmpty();
    }

    @Test
    void aSegmentThatComesLaterReordersTheQueueAndATighterCadenceDropsAccounts() {
        RulesDesk.Preview later = desk.preview(T, inForce().with("customers.C-1039.priority", "0.01"));
        assertThat(later.queue().orElseThrow().reordered()).isNotEmpty();
        assertThat(later.queue().orElseThrow().reordered().getFirst().customer())
                .isEqualTo(CustomerKey.of("C-1039"));

        RulesDesk.Preview caps = desk.preview(
                T,
                inForce()
                        .with("cadence.0", "200")
                        .without("cadence.1")
                        .without("cadence.2")
                        .without("cadence.3")
                        .without("cadence.4"));
        assertThat(caps.queue().orElseThrow().dropped()).isNotEmpty();
        assertThat(caps.queue().orElseThrow().after())
                .isLessThan(caps.queue().orElseThrow().before());
    }

    @Test
    void aDraftWithProblemsIsNeitherPlannedNorSaved() {
        RuleSheet bad = inForce().with("caps.email.max", "lots");

        assertThat(desk.preview(T, bad).queue()).isEmpty();
        assertThat(desk.save(as(Role.AR_MANAGER), 0, bad, "")).isInstanceOf(RulesDesk.Saved.Invalid.class);
        assertThat(desk.project(T, bad).getKey()).isEmpty();
        assertThat(versions.latest(T)).isEmpty();
    }

    @Test
    void aSaveBecomesTheRulesInForceWithWhoAndWhyAndThePolicyNamesItsVersion() {
        RuleSheet draft = inForce().with("caps.email.max", "2").with("policy.auto.max-installments", "4");

        RulesDesk.Saved saved = desk.save(as(Role.AR_MANAGER), 0, draft, " restaurants first ");

        assertThat(saved).isInstanceOfSatisfying(RulesDesk.Saved.Done.class, d -> {
            assertThat(d.version().number()).isEqualTo(1);
            assertThat(d.version().comment()).isEqualTo("restaurants first");
            assertThat(d.version().by()).startsWith("dana@northwind.example");
            assertThat(d.changes()).hasSize(2);
        });
        assertThat(desk.queueRules(T).caps().get(Reach.EMAIL).max()).isEqualTo(2);
        assertThat(desk.policies(T).standard().auto().maxInstallments()).isEqualTo(4);
        assertThat(desk.policies(T).standard().version()).isEqualTo("rules-v1");
        assertThat(desk.history(T, 10))
                .extracting(e -> e.version().number(), e -> e.changes().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(0, 0));
    }

    @Test
    void aSaveOnAnOlderVersionOrThatChangesNothingOrByACollectorIsRefused() {
        assertThat(desk.save(as(Role.COLLECTOR), 0, inForce().with("caps.sms.max", "1"), ""))
                .isInstanceOf(RulesDesk.Saved.Refused.class);
        assertThat(desk.save(as(Role.AR_MANAGER), 0, inForce(), "")).isInstanceOf(RulesDesk.Saved.Unchanged.class);
        RuleSheet begun = inForce();
        assertThat(desk.save(as(Role.CONTROLLER), 0, begun.with("caps.sms.max", "1"), ""))
                .isInstanceOf(RulesDesk.Saved.Done.class);
        assertThat(desk.save(as(Role.AR_MANAGER), 0, begun.with("caps.sms.max", "2"), ""))
                .isInstanceOfSatisfying(
                        RulesDesk.Saved.Stale.class, s -> assertThat(s.latest()).isEqualTo(1));
        assertThat(desk.queueRules(T).caps().get(Reach.SMS).max()).isEqualTo(1);
    }

    @Test
    void theQuarterIsProjectedInTheBackgroundUnderBothRuleSetsWithTheSameDraws() throws Exception {
        RuleSheet same = inForce().with("customers.C-1001.note", "a note changes no figure");

        var started = desk.project(T, same);
        UUID id = started.getKey().orElseThrow();
        RulesDesk.Projection p = desk.projection(T, id.toString()).orElseThrow();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!p.done() && Instant.now().isBefore(until)) {
            Thread.sleep(50);
            p = desk.projection(T, id.toString()).orElseThrow();
        }

        assertThat(p.failed()).isEmpty();
        assertThat(p.percent()).isEqualTo(100);
        QuarterProjection.Outcome a = p.inForce().orElseThrow();
        assertThat(p.draft()).contains(a);
        assertThat(a.collectedMinor()).isPositive();
        assertThat(a.allTouches()).isPositive();
        assertThat(desk.projection(TenantId.of("other"), id.toString()))
                .as("another tenant's")
                .isEmpty();
        assertThat(desk.projection(T, "not-an-id")).isEmpty();
    }
}
