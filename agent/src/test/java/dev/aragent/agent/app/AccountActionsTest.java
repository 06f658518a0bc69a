package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.InMemoryAccountHolds;
import dev.aragent.agent.spi.InMemoryLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person pauses, takes over and hands back an account: checked, by whom, and only the tenant's own. */
class AccountActionsTest {
    static final TenantId T = TenantId.of("northwind");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

    final InMemoryAccountHolds holds = new InMemoryAccountHolds();
    final InMemoryLedger ledger = new InMemoryLedger(CLOCK);
    final dev.aragent.agent.spi.InMemoryContactLog contacts = new dev.aragent.agent.spi.InMemoryContactLog();
    final dev.aragent.agent.spi.InMemoryCrmOutbox crm = new dev.aragent.agent.spi.InMemoryCrmOutbox();
    final dev.aragent.agent.spi.InMemoryPeopleTasks tasks =
            new dev.aragent.agent.spi.InMemoryPeopleTasks(contacts, crm);
    final AccountActions actions;
    final Principal sam = new Principal(
            UUID.randomUUID(), "sam@northwind.example", "Sam", T, Role.COLLECTOR, EnumSet.allOf(Permission.class), "s");

    AccountActionsTest() {
        ledger.apply(
                T,
                Books.aging(
                        List.of(Books.customer("C-1041", "Blue Fern Bistro")),
                        List.of(Books.open("C-1041", "INV-1041", LocalDate.of(2026, 10, 1), 100, 100)),
                        List.of()),
                Books.audit(ImportKind.AGING, 1));
        actions =
                AccountActions.create(holds, ledger, tasks, t -> dev.aragent.agent.queue.QueueRules.defaults(), CLOCK);
    }

    @Test
    void aPauseNeedsItsReasonATakeOverReplacesItAndHandingBackEndsIt() {
        assertThat(actions.act(sam, "C-1041", "pause", " "))
                .isInstanceOfSatisfying(
                        AccountActions.Result.Refused.class,
                        r -> assertThat(r.reason()).contains("say why"));
        assertThat(holds.holds(T)).isEmpty();

        actions.act(sam, "C-1041", "pause", "credit memo on its way");
        assertThat(holds.hold(T, CustomerKey.of("C-1041")))
                .hasValueSatisfying(
                        h -> assertThat(h.why()).isEqualTo("paused by sam@northwind.example: credit memo on its way"));
        actions.act(sam, "C-1041", "take_over", "");
        assertThat(holds.hold(T, CustomerKey.of("C-1041"))).map(Hold::kind).contains(Hold.Kind.TAKEN_OVER);

        assertThat(actions.act(sam, "C-1041", "release", ""))
                .isInstanceOfSatisfying(
                        AccountActions.Result.Done.class,
                        d -> assertThat(d.hold()).isEmpty());
        assertThat(actions.act(sam, "C-1041", "release", ""))
                .isInstanceOfSatisfying(
                        AccountActions.Result.Refused.class,
                        r -> assertThat(r.reason()).contains("not on hold"));
    }

    @Test
    void anUnknownAccountOrStepChangesNothing() {
        assertThat(actions.act(sam, "C-9999", "take_over", "")).isInstanceOf(AccountActions.Result.Unknown.class);
        assertThat(actions.act(sam, "C-1041", "<script>", ""))
                .isInstanceOfSatisfying(
                        AccountActions.Result.Refused.class,
                        r -> assertThat(r.reason()).contains("choose"));
        Principal other = new Principal(
                sam.person(), sam.login(), sam.name(), TenantId.of("globex"), sam.role(), sam.scopes(), "s");
        assertThat(actions.act(other, "C-1041", "take_over", "")).isInstanceOf(AccountActions.Result.Unknown.class);
        assertThat(holds.holds(T)).isEmpty();
    }

    @Test
    void aCallLoggedOnTheAccountBecomesItsDispositionAndAnOutcomeLackingWhatItNeedsIsRefused() {
        assertThat(actions.log(sam, "C-1041", "promised", "", "paying Friday"))
                .isInstanceOfSatisfying(
                        AccountActions.Logged.Refused.class,
                        r -> assertThat(r.reason()).contains("date"));
        assertThat(actions.log(sam, "C-1041", "disputed", "", ""))
                .isInstanceOfSatisfying(
                        AccountActions.Logged.Refused.class,
                        r -> assertThat(r.reason()).contains("note"));
        assertThat(actions.log(sam, "C-1041", "teleported", "", "")).isInstanceOf(AccountActions.Logged.Refused.class);
        assertThat(actions.log(sam, "C-9999", "no_answer", "", "")).isInstanceOf(AccountActions.Logged.Unknown.class);
        assertThat(contacts.activity(T, CustomerKey.of("C-1041")).lastOutcome()).isEmpty();

        assertThat(actions.log(sam, "C-1041", "promised", "2026-11-27", "paying Friday after payroll"))
                .isInstanceOfSatisfying(AccountActions.Logged.Done.class, d -> {
                    assertThat(d.task().kind()).isEqualTo("logged_call");
                    assertThat(d.task().open()).isFalse();
                    assertThat(d.closing().by()).isEqualTo("sam@northwind.example");
                });
        assertThat(contacts.activity(T, CustomerKey.of("C-1041")).lastOutcome())
                .map(dev.aragent.agent.risk.AccountActivity.Outcome::paymentStatus)
                .contains("promised");
        assertThat(crm.claim(T, 10, CLOCK.instant(), java.time.Duration.ofMinutes(1)))
                .singleElement()
                .satisfies(c -> assertThat(c.event().note()).contains("paying Friday after payroll"));
    }

    @Test
    void aContactIsChangedOrAddedWithItsValuesCheckedAndAnOptOutKept() {
        assertThat(actions.contact(sam, "C-1041", java.util.Map.of("email", "not an email")))
                .isInstanceOfSatisfying(
                        AccountActions.Changed.Refused.class,
                        r -> assertThat(r.reason()).contains("not an email"));
        assertThat(actions.contact(sam, "C-1041", java.util.Map.of("name", "Li Wei")))
                .as("neither email nor phone")
                .isInstanceOf(AccountActions.Changed.Refused.class);
        assertThat(actions.contact(sam, "C-9999", java.util.Map.of("email", "li@bluefern.example")))
                .isInstanceOf(AccountActions.Changed.Unknown.class);

        assertThat(actions.contact(
                        sam,
                        "C-1041",
                        java.util.Map.of(
                                "name",
                                "Li Wei",
                                "email",
                                "li@bluefern.example",
                                "phone",
                                "+1 (555) 123-0002",
                                "sms_opt_out",
                                "on")))
                .isInstanceOf(AccountActions.Changed.Done.class);
        assertThat(actions.contact(
                        sam,
                        "C-1041",
                        java.util.Map.of(
                                "replacing",
                                "li@bluefern.example",
                                "name",
                                "Li Wei",
                                "email",
                                "li.wei@bluefern.example",
                                "phone",
                                "+15551230002")))
                .isInstanceOf(AccountActions.Changed.Done.class);
        assertThat(actions.contact(
                        sam,
                        "C-1041",
                        java.util.Map.of("replacing", "gone@bluefern.example", "email", "x@bluefern.example")))
                .isInstanceOf(AccountActions.Changed.Refused.class);
        assertThat(ledger.customer(T, CustomerKey.of("C-1041")).orElseThrow().contacts())
                .filteredOn(k -> k.name().equals("Li Wei"))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.email()).contains("li.wei@bluefern.example");
                    assertThat(k.phone()).contains("+15551230002");
                    assertThat(k.smsOptOut())
                            .as("the opt-out stays though the form sent none")
                            .isTrue();
                });
    }
}
