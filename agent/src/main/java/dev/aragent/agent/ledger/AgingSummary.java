package dev.aragent.agent.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AR book at a glance, per currency: open balance by aging bucket, invoice counts, and days sales outstanding
 * (DSO = open AR ÷ credit sales of the last {@value #DSO_PERIOD_DAYS} days × {@value #DSO_PERIOD_DAYS}).
 */
public record AgingSummary(LocalDate asOf, List<CurrencyAging> currencies) {
    public static final int DSO_PERIOD_DAYS = 90;

    /** The aging of one currency's invoices. */
    public record CurrencyAging(
            Currency currency,
            Map<AgingBucket, Money> balance,
            Map<AgingBucket, Integer> count,
            Money totalOpen,
            int openInvoices,
            Money salesInPeriod,
            Optional<BigDecimal> dso) {}

    /**
     * @param open the open invoices
     * @param salesInPeriod credit sales (invoice amounts, any status) issued in the {@value #DSO_PERIOD_DAYS} days up
     *     to {@code asOf}, per currency
     */
    public static AgingSummary of(LocalDate asOf, Collection<Invoice> open, Map<Currency, Money> salesInPeriod) {
        Map<Currency, List<Invoice>> byCurrency =
                new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        for (Invoice invoice : open) {
            byCurrency
                    .computeIfAbsent(invoice.openBalance().currency(), c -> new java.util.ArrayList<>())
                    .add(invoice);
        }
        List<CurrencyAging> rows = byCurrency.entrySet().stream()
                .map(e -> aging(
                        asOf, e.getKey(), e.getValue(), salesInPeriod.getOrDefault(e.getKey(), Money.zero(e.getKey()))))
                .toList();
        return new AgingSummary(asOf, rows);
    }

    private static CurrencyAging aging(LocalDate asOf, Currency currency, List<Invoice> invoices, Money sales) {
        Map<AgingBucket, Money> balance = new EnumMap<>(AgingBucket.class);
        Map<AgingBucket, Integer> count = new EnumMap<>(AgingBucket.class);
        for (AgingBucket bucket : AgingBucket.values()) {
            balance.put(bucket, Money.zero(currency));
            count.put(bucket, 0);
        }
        Money total = Money.zero(currency);
        for (Invoice invoice : invoices) {
            AgingBucket bucket = AgingBucket.of(invoice.daysPastDue(asOf));
            balance.merge(bucket, invoice.openBalance(), Money::plus);
            count.merge(bucket, 1, Integer::sum);
            total = total.plus(invoice.openBalance());
        }
        Optional<BigDecimal> dso = sales.isZero()
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(total.minor())
                        .multiply(BigDecimal.valueOf(DSO_PERIOD_DAYS))
                        .divide(BigDecimal.valueOf(sales.minor()), 1, RoundingMode.HALF_UP));
        return new CurrencyAging(currency, balance, count, total, invoices.size(), sales, dso);
    }
}
