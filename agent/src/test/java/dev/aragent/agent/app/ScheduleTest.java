package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AgingBaseline;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Tone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the batch runs and what it tells staff once a week (the default rules: Monday and Thursday, 07:00 New York). */
class ScheduleTest {
    private static final QueueRules RULES = QueueRules.defaults();

    private static Instant newYork(String local) {
        return ZonedDateTime.parse(local + "-05:00[America/New_York]").toInstant();
    }

    @Test
    void theNextRunIsTheNextRunDayAtItsHourInTheTenantsZone() {
        // Tuesday noon → Thursday 07:00
        assertThat(Schedule.nextRun(RULES, newYork("2026-12-01T12:00")).toLocalDateTime())
                .hasToString("2026-12-03T07:00");
        // Monday before seven → the same Monday at seven; at seven exactly → now
        assertThat(Schedule.nextRun(RULES, newYork("2026-11-30T06:30")).toLocalDateTime())
                .hasToString("2026-11-30T07:00");
        assertThat(Schedule.nextRun(RULES, newYork("2026-11-30T07:00")).toInstant())
                .isEqualTo(newYork("2026-11-30T07:00"));
        // Thursday evening → next Monday
        assertThat(Schedule.nextRun(RULES, newYork("2026-12-03T20:00")).toLocalDateTime())
                .hasToString("2026-12-07T07:00");
    }

    @Test
    void theBatchPassesFromTheRunHourUntilTheRunDayEnds() {
        assertThat(Schedule.running(RULES, newYork("2026-11-30T06:59"))).isFalse();
        assertThat(Schedule.running(RULES, newYork("2026-11-30T07:00"))).isTrue();
        assertThat(Schedule.running(RULES, newYork("2026-11-30T23:45"))).isTrue();
        assertThat(Schedule.running(RULES, newYork("2026-12-01T08:00")))
                .as("Tuesday")
                .isFalse();
    }

    @Test
    void theWeeklyReportIsWrittenOnTheWeeksFirstRunDayOnly() {
        assertThat(Schedule.reportDay(RULES, LocalDate.of(2026, 11, 30)))
                .as("Monday")
                .isTrue();
        assertThat(Schedule.reportDay(RULES, LocalDate.of(2026, 12, 3)))
                .as("Thursday")
                .isFalse();
        assertThat(Schedule.reportDay(RULES, LocalDate.of(2026, 12, 1)))
                .as("Tuesday")
                .isFalse();
    }

    @Test
    void theWriteOffNoticeNamesEachLikelyWriteOffAndWhereTheReportIs() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        Instant now = Instant.parse("2026-11-24T15:00:00Z");
        CustomerKey k = CustomerKey.of("c1");
        AccountRecord account = new AccountRecord(
                Customer.named(k, "Blue Fern Bistro"),
                List.of(Invoice.unpaid(
                        k, "INV-1041", today.minusDays(160), today.minusDays(130), Money.of(184_250, "USD"), false)),
                List.of(),
                List.of(),
                List.of(),
                new AccountActivity(List.of(), List.of(), List.of(), 0, Optional.empty(), false, Optional.empty()),
                Map.of());
        Features features = Features.forAccounts(List.of(account), Tone.lexicon());
        RiskModel cold = RiskModel.coldStart(features.schema(), now, 30, AgingBaseline.cold());
        Portfolio.Report report =
                Portfolio.compute(List.of(account), cold, features, Currency.getInstance("USD"), today, now);

        String notice = Schedule.writeOffNotice(report, "/srv/ar/reports/report-acme-2026-11-24.html");

        assertThat(notice)
                .startsWith("Likely write-offs this week: 1 invoices of 1 accounts, ")
                .contains("over 60 days, risk ≥ 0.7")
                .contains("\n• Blue Fern Bistro ")
                .contains("INV-1041")
                .contains("130 days")
                .endsWith("\nReport: /srv/ar/reports/report-acme-2026-11-24.html");
    }
}
