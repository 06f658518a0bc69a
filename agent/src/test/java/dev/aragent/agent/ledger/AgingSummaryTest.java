package dev.aragent.agent.ledger;

import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgingSummaryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void shouldBucketByDaysPastDueAndComputeDso() {
        List<Invoice> open = List.of(
                open("c", "A", TODAY.plusDays(5), 10_000, 10_000), // current
                open("c", "B", TODAY.minusDays(30), 20_000, 20_000), // 1-30
                open("c", "C", TODAY.minusDays(31), 30_000, 30_000), // 31-60
                open("c", "D", TODAY.minusDays(90), 40_000, 40_000), // 61-90
                open("c", "E", TODAY.minusDays(91), 50_000, 25_000)); // 90+

        AgingSummary summary =
                AgingSummary.of(TODAY, open, Map.of(Currency.getInstance("USD"), Money.of(1_250_000, "USD")));

        var usd = summary.currencies().getFirst();
        assertThat(usd.balance())
                .containsEntry(AgingBucket.CURRENT, Money.of(10_000, "USD"))
                .containsEntry(AgingBucket.DAYS_1_30, Money.of(20_000, "USD"))
                .containsEntry(AgingBucket.DAYS_31_60, Money.of(30_000, "USD"))
                .containsEntry(AgingBucket.DAYS_61_90, Money.of(40_000, "USD"))
                .containsEntry(AgingBucket.DAYS_90_PLUS, Money.of(25_000, "USD"));
        assertThat(usd.totalOpen()).isEqualTo(Money.of(125_000, "USD"));
        // 125,000 / 1,250,000 × 90 days
        assertThat(usd.dso()).contains(new BigDecimal("9.0"));
    }

    @Test
    void dsoShouldBeAbsentWithoutSalesAndCurrenciesKeptApart() {
        Invoice eur = new Invoice(
                CustomerKey.of("c"),
                "X",
                java.util.Optional.empty(),
                TODAY.minusDays(40),
                TODAY.minusDays(10),
                Money.of(500, "EUR"),
                Money.of(500, "EUR"),
                InvoiceStatus.OPEN,
                java.util.Optional.empty(),
                false);
        AgingSummary summary = AgingSummary.of(TODAY, List.of(eur, open("c", "Y", TODAY, 100, 100)), Map.of());

        assertThat(summary.currencies())
                .extracting(c -> c.currency().getCurrencyCode())
                .containsExactly("EUR", "USD");
        assertThat(summary.currencies()).allSatisfy(c -> assertThat(c.dso()).isEmpty());
    }
}
