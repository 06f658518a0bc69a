package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Access;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.FastPasswordHasher;
import dev.aragent.agent.spi.InMemoryAccessBook;
import dev.aragent.agent.spi.InMemoryAccountHistory;
import dev.aragent.agent.spi.InMemoryAccountHolds;
import dev.aragent.agent.spi.InMemoryContactLog;
import dev.aragent.agent.spi.InMemoryCrmOutbox;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryOutreachLog;
import dev.aragent.agent.spi.InMemoryPeopleTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the console reads, on the in-memory book: the worklist and who works it, and one account. */
class WorkbenchTest {
    static final TenantId T = TenantId.of("northwind");
    /** 03:00 UTC on 25 November is still the 24th in New York, the default rules' zone. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

    static Workbench workbench(Access access) {
        return workbench(access, new InMemoryLedger(CLOCK));
    }

    static Workbench workbench(Access access, InMemoryLedger ledger) {
        InMemoryContactLog contacts = new InMemoryContactLog();
        return workbench(access, ledger, contacts, new InMemoryPeopleTasks(contacts, new InMemoryCrmOutbox()));
    }

    static Workbench workbench(
            Access access, InMemoryLedger ledger, InMemoryContactLog contacts, InMemoryPeopleTasks tasks) {
        ledger.apply(
                T,
                Books.aging(
                        List.of(Books.customer("C-1041", "Blue Fern Bistro"), Books.customer("C-2002", "Harbor Foods")),
                        List.of(
                                Books.open("C-1041", "INV-1041", LocalDate.of(2026, 10, 1), 1_842_000, 1_842_000),
                                Books.open("C-2002", "INV-2002", LocalDate.of(2026, 11, 10), 96_000, 96_000)),
                        List.of()),
                Books.audit(ImportKind.AGING, 2));
        ActionQueue queue = ActionQueue.create(
                ledger,
                contacts,
                new InMemoryOutreachLog(),
                t -> Optional.empty(),
                t -> QueueRules.defaults(),
                Tone.lexicon(),
                CLOCK);
        return Workbench.create(new Workbench.Parts(
                queue,
                tasks,
                new InMemoryAccountHistory(),
                new InMemoryAccountHolds(),
                access,
                ledger,
                (t, k) -> AccountRecords.load(ledger, contacts, t, k),
                t -> Optional.empty(),
                t -> QueueRules.defaults(),
                CLOCK,
                new dev.aragent.agent.spi.InMemoryBatchRuns(),
                contacts));
    }

    static Access team() {
        Access access =
                Access.create(new InMemoryAccessBook(), new FastPasswordHasher(), CLOCK, Access.Settings.defaults());
        for (var p : List.of(
                new Object[] {"sam@northwind.example", Role.COLLECTOR},
                new Object[] {"dana@northwind.example", Role.AR_MANAGER},
                new Object[] {"ada@northwind.example", Role.ADMIN},
                new Object[] {"vic@northwind.example", Role.VIEWER},
                new Object[] {"dee@northwind.example", Role.COLLECTOR})) {
            access.enroll((String) p[0], "Someone", (Role) p[1], T, Optional.empty(), Optional.empty(), "test");
        }
        access.disable("dee@northwind.example", true, "test");
        return access;
    }

    @Test
    void theWorklistCountsThePeopleWhoWorkTheQueueOnTheTenantsDay() {
        Workbench.Worklist w = workbench(team()).today(T, 50);

        assertThat(w.people())
                .as("a collector and the AR manager; not the admin, the viewer or the disabled")
                .isEqualTo(2);
        assertThat(w.day()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(w.plan().entries()).extracting(e -> e.customer().value()).contains("C-1041");
    }

    @Test
    void theQueueIsPlannedOnceAndAgainWhenSomethingChangedHere() {
        InMemoryLedger ledger = new InMemoryLedger(CLOCK);
        Workbench bench = workbench(team(), ledger);
        Workbench.Worklist first = bench.today(T, 50);

        ledger.apply(
                T,
                Books.aging(
                        List.of(Books.customer("C-3003", "Corner Bakery")),
                        List.of(Books.open("C-3003", "INV-3003", LocalDate.of(2026, 10, 1), 50_000, 50_000)),
                        List.of()),
                Books.audit(ImportKind.AGING, 1));
        Workbench.Worklist cached = bench.today(T, 50);
        bench.changed(T);
        Workbench.Worklist replanned = bench.today(T, 50);

        assertThat(cached.plan()).as("planned once, shown again").isSameAs(first.plan());
        assertThat(replanned.plan()).isNotSameAs(first.plan());
        assertThat(replanned.plan().entries())
                .extracting(e -> e.customer().value())
                .containsExactly("C-3003");
        assertThat(bench.today(T, 80).plan())
                .as("a longer list than was planned")
                .isNotSameAs(replanned.plan());
    }

    @Test
    void anAccountComesWithItsRiskAndAnUnknownOrMalformedKeyWithNothing() {
        Workbench bench = workbench(team());

        Optional<Workbench.AccountPage> page = bench.account(T, "C-1041");
        assertThat(page).hasValueSatisfying(p -> {
            assertThat(p.record().customer().key()).isEqualTo(CustomerKey.of("C-1041"));
            assertThat(p.risk())
                    .hasValueSatisfying(r -> assertThat(r.probability()).isBetween(0.0, 1.0));
            assertThat(p.today()).isEqualTo(LocalDate.of(2026, 11, 24));
        });
        assertThat(bench.account(T, "C-9999")).isEmpty();
        assertThat(bench.account(T, "   ")).isEmpty();
        assertThat(bench.account(TenantId.of("other"), "C-1041"))
                .as("another tenant's account")
                .isEmpty();
        assertThat(bench.find(T, "harbor", 10))
                .extracting(h -> h.customer().name())
                .containsExactly("Harbor Foods");
    }

    @Test
    void aCallTaskOnAnAccountPaidSinceShouldBeToldSoBeforeThePhoneIsPickedUp() {
        InMemoryLedger ledger = new InMemoryLedger(CLOCK);
        InMemoryContactLog contacts = new InMemoryContactLog();
        InMemoryPeopleTasks tasks = new InMemoryPeopleTasks(contacts, new InMemoryCrmOutbox());
        Workbench bench = workbench(team(), ledger, contacts, tasks);
        for (String c : List.of("C-1041", "C-2002")) {
            call(tasks, c, CLOCK.instant());
        }
        ledger.receive(
                T,
                new dev.aragent.agent.ledger.Payment(
                        CustomerKey.of("C-2002"),
                        "BANK-1",
                        LocalDate.of(2026, 11, 24),
                        dev.aragent.agent.ledger.Money.of(96_000, "USD"),
                        Optional.of("bank transfer"),
                        List.of(new dev.aragent.agent.ledger.Payment.Allocation(
                                "INV-2002", dev.aragent.agent.ledger.Money.of(96_000, "USD")))),
                "agent:cash");

        assertThat(bench.today(T, 50).paidUp()).containsExactly(CustomerKey.of("C-2002"));
    }

    @Test
    void theTasksComeMostAtStakeFirstNotInTheOrderTheyWereMade() {
        InMemoryLedger ledger = new InMemoryLedger(CLOCK);
        InMemoryContactLog contacts = new InMemoryContactLog();
        InMemoryPeopleTasks tasks = new InMemoryPeopleTasks(contacts, new InMemoryCrmOutbox());
        Workbench bench = workbench(team(), ledger, contacts, tasks);
        // Harbor Foods' $960 two weeks late was asked for first; Blue Fern Bistro's $18,420 is 54 days late
        call(tasks, "C-2002", CLOCK.instant().minusSeconds(86_400));
        call(tasks, "C-1041", CLOCK.instant());

        Workbench.Worklist w = bench.today(T, 50);
        assertThat(w.tasks())
                .extracting(t -> t.customer().orElseThrow().value())
                .containsExactly("C-1041", "C-2002");
        assertThat(w.stakes().get(CustomerKey.of("C-1041")).words())
                .as("what the list is ordered by, for the row to say")
                .startsWith("$18,420.00 past due, 54 days: ");
        assertThat(bench.tasks(T, 1))
                .as("the first of the ordered list, not of the store's")
                .singleElement()
                .satisfies(t -> assertThat(t.customer()).contains(CustomerKey.of("C-1041")));
    }

    @Test
    void aCallOnAnAccountAPersonPhonedTwoDaysAgoIsListedButNotTodaysWork() {
        InMemoryLedger ledger = new InMemoryLedger(CLOCK);
        InMemoryContactLog contacts = new InMemoryContactLog();
        InMemoryPeopleTasks tasks = new InMemoryPeopleTasks(contacts, new InMemoryCrmOutbox());
        Workbench bench = workbench(team(), ledger, contacts, tasks);
        call(tasks, "C-1041", CLOCK.instant().minusSeconds(3 * 86_400));
        UUID phoned = tasks.open(T, 10).getFirst().id();
        tasks.close(
                T,
                phoned,
                new dev.aragent.agent.tasks.Closing(
                        dev.aragent.agent.tasks.TaskOutcome.NO_ANSWER,
                        Optional.empty(),
                        "",
                        "sam@northwind.example",
                        CLOCK.instant().minusSeconds(2 * 86_400),
                        LocalDate.of(2026, 11, 22)));
        call(tasks, "C-1041", CLOCK.instant());
        call(tasks, "C-2002", CLOCK.instant());

        assertThat(bench.tasks(T, 10))
                .extracting(t -> t.customer().orElseThrow().value())
                .containsExactly("C-2002", "C-1041");
        assertThat(bench.today(T, 50).stakes().get(CustomerKey.of("C-1041")).words())
                .endsWith("; a person phoned on Nov 22: its calls wait");
        assertThat(bench.dueToday(T, 10))
                .extracting(t -> t.customer().orElseThrow().value())
                .containsExactly("C-2002");
    }

    /** A call task for a person on {@code customer}'s account, made at {@code made}. */
    private static void call(InMemoryPeopleTasks tasks, String customer, Instant made) {
        tasks.add(
                T,
                new dev.aragent.agent.spi.PeopleTasksContract.Given(
                        CustomerKey.of(customer),
                        "call_debtor",
                        "open",
                        "personal follow-up",
                        Optional.empty(),
                        Optional.empty(),
                        made));
    }
}
