package dev.aragent.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrendsTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25); // a Wednesday
    static final Currency USD = Currency.getInstance("USD");

    @Test
    void weeksCountCashTouchesAndPromisesInTheWeekTheyHappenedOnTheTenantsDay() {
        AccountActivity activity = new AccountActivity(
                List.of(),
                List.of(
                        new AccountActivity.PromiseFact(
                                TODAY.minusDays(3),
                                "kept",
                                Instant.parse("2026-11-16T15:00:00Z"),
                                Optional.of(Instant.parse("2026-11-23T15:00:00Z"))),
                        new AccountActivity.PromiseFact(
                                TODAY, "open", Instant.parse("2026-11-24T15:00:00Z"), Optional.empty())),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());
        AccountRecord a = new AccountRecord(
                Books.customer("C-1", "Blue Fern Bistro"),
                List.of(),
                List.of(Books.payment("C-1", "P-1", "INV-1", 50_000), Books.payment("C-1", "P-2", "INV-2", 70_000)),
                List.of(),
                List.of(),
                activity,
                Map.of());
        List<OutreachLog.Executed> executed = List.of(
                executed(Reach.EMAIL, "2026-11-23T14:00:00Z"),
                executed(Reach.EMAIL, "2026-11-24T14:00:00Z"),
                executed(Reach.HUMAN, "2026-11-24T14:00:00Z"),
                // Monday 04:00 UTC is still Sunday in New York: the week before
                executed(Reach.SMS, "2026-11-23T04:00:00Z"),
                executed(Reach.CALL, "2026-01-05T14:00:00Z"));

        Trends.Report r = Trends.compute(List.of(a), executed, USD, TODAY, NY);

        assertThat(r.weeks()).hasSize(Trends.WEEKS);
        assertThat(r.weeks().getLast().from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(r.weeks().getFirst().from()).isEqualTo(LocalDate.of(2026, 8, 31));
        Trends.Week now = r.weeks().getLast();
        assertThat(now.touches(Reach.EMAIL)).isEqualTo(2);
        assertThat(now.touches(Reach.HUMAN)).isEqualTo(1);
        assertThat(now.promisesMade()).isEqualTo(1);
        assertThat(now.kept()).isEqualTo(1);
        Trends.Week before = r.weeks().get(Trends.WEEKS - 2);
        assertThat(before.touches(Reach.SMS)).isEqualTo(1);
        assertThat(before.promisesMade()).isEqualTo(1);
        assertThat(r.humanTouches()).isEqualTo(1);
        assertThat(r.agentTouches()).as("January's call is outside the quarter").isEqualTo(3);
        // both payments came in on Thursday 15 October: the week from Monday the 12th
        assertThat(r.weeks())
                .filteredOn(w -> w.from().equals(LocalDate.of(2026, 10, 12)))
                .singleElement()
                .satisfies(w -> assertThat(w.collected().minor()).isEqualTo(120_000));
        assertThat(r.collected().minor()).isEqualTo(120_000);
    }

    private static OutreachLog.Executed executed(Reach channel, String at) {
        return new OutreachLog.Executed(
                CustomerKey.of("C-1"), "", 1, Outreach.GENTLE_REMINDER, channel, Instant.parse(at), List.of("INV-1"));
    }
}
