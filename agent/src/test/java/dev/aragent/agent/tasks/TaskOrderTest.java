package dev.aragent.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.Books;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskOrderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 17);
    private static final QueueRules RULES = QueueRules.defaults();

    /** A call task for {@code customer}, made {@code daysAgo} days ago, due {@code due}. */
    private static PersonTask call(String customer, int daysAgo, Optional<LocalDate> due) {
        return new PersonTask(
                UUID.randomUUID(),
                Optional.of(CustomerKey.of(customer)),
                customer,
                "call_debtor",
                "call about what is past due",
                due,
                Optional.empty(),
                Instant.parse("2026-03-17T15:00:00Z").minusSeconds(daysAgo * 86_400L),
                Optional.empty(),
                "open");
    }

    private static final Map<CustomerKey, List<Invoice>> BOOK = Map.of(
            // $30,000 a year late: big, but little of it comes back for a call now
            CustomerKey.of("C-OLD"),
            List.of(Books.open("C-OLD", "INV-1", TODAY.minusDays(365), 3_000_000, 3_000_000)),
            // $8,000 twelve days late: most of it still moves
            CustomerKey.of("C-FRESH"),
            List.of(Books.open("C-FRESH", "INV-2", TODAY.minusDays(12), 800_000, 800_000)),
            // $500 a week late
            CustomerKey.of("C-SMALL"),
            List.of(Books.open("C-SMALL", "INV-3", TODAY.minusDays(7), 50_000, 50_000)),
            // nothing past due yet
            CustomerKey.of("C-CURRENT"),
            List.of(Books.open("C-CURRENT", "INV-4", TODAY.plusDays(10), 900_000, 900_000)));

    @Test
    void theMostAtStakeComesFirstWhatABitOfWorkCanStillRecoverNotTheBiggestOrOldest() {
        List<PersonTask> store = List.of(
                call("C-OLD", 20, Optional.empty()),
                call("C-CURRENT", 15, Optional.empty()),
                call("C-SMALL", 10, Optional.empty()),
                call("C-FRESH", 1, Optional.empty()));

        List<PersonTask> ordered = TaskOrder.order(store, BOOK::get, RULES::recoverable, TODAY);

        assertThat(ordered)
                .extracting(PersonTask::customerName)
                .containsExactly("C-FRESH", "C-OLD", "C-SMALL", "C-CURRENT");
        TaskOrder.Stake fresh = TaskOrder.stake(BOOK.get(CustomerKey.of("C-FRESH")), RULES::recoverable, TODAY);
        TaskOrder.Stake old = TaskOrder.stake(BOOK.get(CustomerKey.of("C-OLD")), RULES::recoverable, TODAY);
        assertThat(fresh.value()).isGreaterThan(old.value());
        assertThat(old.pastDue().minor()).isGreaterThan(fresh.pastDue().minor());
        assertThat(fresh.words()).startsWith("$8,000.00 past due, 12 days: ").endsWith("% recoverable");
        assertThat(TaskOrder.stake(BOOK.get(CustomerKey.of("C-CURRENT")), RULES::recoverable, TODAY)
                        .words())
                .isEqualTo("nothing past due");
    }

    @Test
    void aTaskBookedForALaterDayWaitsForItAndTasksAlikeKeepTheStoresOrder() {
        PersonTask callBack = call("C-FRESH", 3, Optional.of(TODAY.plusDays(2)));
        PersonTask first = call("C-SMALL", 5, Optional.of(TODAY));
        PersonTask second = call("C-SMALL", 2, Optional.empty());
        PersonTask noAccount = new PersonTask(
                UUID.randomUUID(),
                Optional.empty(),
                "",
                "human_review",
                "a message nobody could place",
                Optional.empty(),
                Optional.empty(),
                Instant.parse("2026-03-16T15:00:00Z"),
                Optional.empty(),
                "open");

        List<PersonTask> ordered =
                TaskOrder.order(List.of(callBack, first, second, noAccount), BOOK::get, RULES::recoverable, TODAY);

        assertThat(ordered).containsExactly(first, second, noAccount, callBack);
    }

    @Test
    void callsOnAnAccountAPersonPhonedLatelyWaitBehindTheRestUnlessAskedForOrBooked() {
        PersonTask fresh = call("C-FRESH", 1, Optional.empty());
        PersonTask small = call("C-SMALL", 1, Optional.empty());
        PersonTask booked = call("C-FRESH", 4, Optional.of(TODAY));
        PersonTask asked = new PersonTask(
                UUID.randomUUID(),
                Optional.of(CustomerKey.of("C-FRESH")),
                "C-FRESH",
                "call_debtor",
                "the debtor asked for a call",
                Optional.empty(),
                Optional.empty(),
                Instant.parse("2026-03-16T15:00:00Z"),
                Optional.of(dev.aragent.agent.conversation.ConversationId.random()),
                "for_a_person");
        List<PersonTask> store = List.of(fresh, small, booked, asked);

        // phoned three days ago, within the default fortnight's rest: its cadence's call waits behind C-SMALL's
        TaskOrder.Ordered ranked = TaskOrder.rank(
                store,
                BOOK::get,
                RULES::recoverable,
                TODAY,
                new TaskOrder.Lately(
                        Map.of(CustomerKey.of("C-FRESH"), TODAY.minusDays(3)), RULES.callRestDays(), Map.of()));

        assertThat(ranked.tasks()).containsExactly(booked, asked, small, fresh);
        assertThat(ranked.stakes().get(CustomerKey.of("C-FRESH")).words())
                .endsWith("; a person phoned on Mar 14: its calls wait");
        // a call a fortnight ago has rested: the account is first again
        List<PersonTask> rested = TaskOrder.rank(
                        store,
                        BOOK::get,
                        RULES::recoverable,
                        TODAY,
                        new TaskOrder.Lately(
                                Map.of(CustomerKey.of("C-FRESH"), TODAY.minusDays(14)), RULES.callRestDays(), Map.of()))
                .tasks();
        assertThat(rested.indexOf(fresh)).isLessThan(rested.indexOf(small));
    }

    @Test
    void callsOnAnAccountThatPromisedWaitUntilTheDayItNamedHasPassed() {
        PersonTask fresh = call("C-FRESH", 1, Optional.empty());
        PersonTask small = call("C-SMALL", 1, Optional.empty());
        Map<CustomerKey, LocalDate> promised = Map.of(CustomerKey.of("C-FRESH"), TODAY.plusDays(3));

        TaskOrder.Ordered ranked = TaskOrder.rank(
                List.of(fresh, small),
                BOOK::get,
                RULES::recoverable,
                TODAY,
                new TaskOrder.Lately(Map.of(), RULES.callRestDays(), promised));

        assertThat(ranked.tasks()).containsExactly(small, fresh);
        assertThat(ranked.later(fresh, TODAY)).isTrue();
        assertThat(ranked.later(small, TODAY)).isFalse();
        PersonTask current = call("C-CURRENT", 1, Optional.empty());
        assertThat(TaskOrder.rank(List.of(current), BOOK::get, RULES::recoverable, TODAY)
                        .later(current, TODAY))
                .as("nothing past due: nothing to call about")
                .isTrue();
        assertThat(ranked.stakes().get(CustomerKey.of("C-FRESH")).words())
                .endsWith("; promised to pay by Mar 20: its calls wait");
        // the day passed without the money: the call is first again
        assertThat(TaskOrder.rank(
                                List.of(fresh, small),
                                BOOK::get,
                                RULES::recoverable,
                                TODAY.plusDays(4),
                                new TaskOrder.Lately(Map.of(), RULES.callRestDays(), promised))
                        .tasks())
                .first()
                .isEqualTo(fresh);
    }
}
