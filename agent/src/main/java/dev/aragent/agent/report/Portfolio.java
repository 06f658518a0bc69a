package dev.aragent.agent.report;

import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the portfolio figures of one currency's book on one day. Definitions (stated again in the report):
 *
 * <ul>
 *   <li>DSO = open receivables ÷ amount invoiced in the last 90 days × 90;
 *   <li>CEI (last 30 days) = (receivables at the start + invoiced − receivables now) ÷ (receivables at the start +
 *       invoiced − receivables not yet due now) × 100;
 *   <li>promise-to-pay conversion = accounts that promised or agreed a plan ÷ accounts that answered us;
 *   <li>promises kept = kept ÷ (kept + broken);
 *   <li>write-off exposure = open more than 120 days past due ÷ invoiced in the last 365 days (the book records no
 *       write-offs; this is what is likely to become one);
 *   <li>likely write-offs: open invoices over 60 days past due whose risk is at least 0.7 — counted and totalled in
 *       full, listed one row per account (largest first, at most 50 rows).
 * </ul>
 */
public final class Portfolio {
    public static final double WRITE_OFF_RISK = 0.7;
    public static final int WRITE_OFF_DAYS = 60;
    private static final int LIST_MAX = 50;

    private Portfolio() {}

    /** The report. Amounts are of {@code currency}; invoices in other currencies are left out of the figures. */
    public record Report(
            LocalDate day,
            Currency currency,
            Money open,
            Map<AgingBucket, Money> buckets,
            Optional<Double> dso,
            Optional<Double> cei,
            Optional<Double> promiseConversion,
            Optional<Double> promisesKept,
            Optional<Double> writeOffExposure,
            int accountsAnswered,
            int accountsPromised,
            int promisesKeptCount,
            int promisesBrokenCount,
            List<WriteOff> likelyWriteOffs,
            int likelyWriteOffInvoices,
            int likelyWriteOffAccounts,
            Money likelyWriteOffTotal,
            int invoicedLast90Count,
            double[] riskHistogram,
            RiskModel.Info model) {
        public Report {
            buckets = Map.copyOf(buckets);
            likelyWriteOffs = List.copyOf(likelyWriteOffs);
            riskHistogram = riskHistogram.clone();
        }

        @Override
        public double[] riskHistogram() {
            return riskHistogram.clone();
        }

        /**
         * Why a figure may mislead on this book, if it may: DSO over a handful of recent invoices swings with each one
         * (a 12-invoice book showed 156 days).
         */
        public Optional<String> caveat() {
            return invoicedLast90Count < SMALL_BOOK
                    ? Optional.of("DSO and CEI rest on " + invoicedLast90Count + " invoice"
                            + (invoicedLast90Count == 1 ? "" : "s") + " issued in the last 90 days (fewer than "
                            + SMALL_BOOK + "): read them as indicative only")
                    : Optional.empty();
        }
    }

    /** Below this many invoices issued in 90 days, DSO and CEI carry a caveat. */
    public static final int SMALL_BOOK = 50;

    /**
     * One account's invoices likely to be written off: which, their open total, the oldest one's days past due, and the
     * risk with its reasons of the largest.
     */
    public record WriteOff(
            String customer,
            String customerName,
            List<String> invoices,
            Money open,
            long daysPastDue,
            Assessment assessment) {
        public WriteOff {
            invoices = List.copyOf(invoices);
        }

        /** "INV-1, INV-2 and 3 more". */
        public String invoiceList() {
            return listed(invoices);
        }
    }

    /** Invoice numbers as a line has room for them: all of up to three, else the first two "and N more". */
    public static String listed(List<String> invoices) {
        return invoices.size() <= 3
                ? String.join(", ", invoices)
                : String.join(", ", invoices.subList(0, 2)) + " and " + (invoices.size() - 2) + " more";
    }

    public static Report compute(
            Collection<AccountRecord> accounts,
            RiskModel model,
            Features features,
            Currency currency,
            LocalDate today,
            Instant now) {
        Money zero = Money.zero(currency);
        Money open = zero;
        Money notDue = zero;
        Map<AgingBucket, Money> buckets = new EnumMap<>(AgingBucket.class);
        for (AgingBucket b : AgingBucket.values()) {
            buckets.put(b, zero);
        }
        Money invoiced90 = zero;
        Money invoiced30 = zero;
        Money invoiced365 = zero;
        Money startOf30 = zero;
        Money over120 = zero;
        LocalDate start30 = today.minusDays(30);
        int invoicedLast90 = 0;
        int answered = 0;
        int promised = 0;
        int kept = 0;
        int broken = 0;
        List<Integer> candidates = new ArrayList<>();
        List<Invoice> candidateInvoices = new ArrayList<>();
        List<AccountRecord> candidateAccounts = new ArrayList<>();
        int width = features.schema().width();
        List<Invoice> scored = new ArrayList<>();
        java.util.stream.DoubleStream.Builder scoredRows = java.util.stream.DoubleStream.builder();
        for (AccountRecord a : accounts) {
            AccountActivity act = a.activity();
            if (act.touches().stream().anyMatch(AccountActivity.Touch::inbound)) {
                answered++;
                if (!act.promises().isEmpty()) {
                    promised++;
                }
            }
            for (AccountActivity.PromiseFact p : act.promises()) {
                if (p.keptBy(now)) {
                    kept++;
                } else if (p.brokenBy(now)) {
                    broken++;
                }
            }
            Features.Summary summary = null;
            for (Invoice i : a.invoices()) {
                if (!i.amount().currency().equals(currency)) {
                    continue;
                }
                LocalDate issued = i.issueDate();
                if (!issued.isAfter(today)) {
                    if (issued.isAfter(today.minusDays(90))) {
                        invoiced90 = invoiced90.plus(i.amount());
                        invoicedLast90++;
                    }
                    if (issued.isAfter(start30)) {
                        invoiced30 = invoiced30.plus(i.amount());
                    }
                    if (issued.isAfter(today.minusDays(365))) {
                        invoiced365 = invoiced365.plus(i.amount());
                    }
                }
                boolean openAtStart = !issued.isAfter(start30)
                        && i.settledDate().map(s -> s.isAfter(start30)).orElse(true);
                if (openAtStart) {
                    startOf30 = startOf30.plus(i.settledDate().isPresent() ? i.amount() : i.openBalance());
                }
                if (!i.owing()) {
                    continue;
                }
                long dpd = i.daysPastDue(today);
                open = open.plus(i.openBalance());
                buckets.merge(AgingBucket.of(dpd), i.openBalance(), Money::plus);
                if (dpd <= 0) {
                    notDue = notDue.plus(i.openBalance());
                }
                if (dpd > 120) {
                    over120 = over120.plus(i.openBalance());
                }
                if (summary == null) {
                    summary = features.summary(a, today, now);
                }
                double[] row = new double[width];
                features.row(a, i, today, now, summary, row, 0);
                for (double v : row) {
                    scoredRows.add(v);
                }
                scored.add(i);
                if (dpd > WRITE_OFF_DAYS) {
                    candidates.add(scored.size() - 1);
                    candidateInvoices.add(i);
                    candidateAccounts.add(a);
                }
            }
        }
        double[] rows = scoredRows.build().toArray();
        double[] paid = model.probabilities(rows);
        double[] histogram = new double[10];
        for (double p : paid) {
            histogram[Math.min(9, (int) ((1 - p) * 10))]++;
        }
        // every likely write-off counts; the list has one row per account, its largest invoice explained
        Map<String, List<Integer>> byAccount = new java.util.LinkedHashMap<>();
        Money likelyTotal = zero;
        int likelyInvoices = 0;
        for (int c = 0; c < candidates.size(); c++) {
            int k = candidates.get(c);
            if (1 - paid[k] >= WRITE_OFF_RISK) {
                byAccount
                        .computeIfAbsent(
                                candidateAccounts.get(c).customer().key().value(), x -> new ArrayList<>())
                        .add(c);
                likelyTotal = likelyTotal.plus(candidateInvoices.get(c).openBalance());
                likelyInvoices++;
            }
        }
        record Row(AccountRecord account, List<Invoice> invoices, Money open, int largest) {}
        List<Row> ranked = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byAccount.entrySet()) {
            List<Invoice> invs =
                    e.getValue().stream().map(candidateInvoices::get).toList();
            Money sum = invs.stream().map(Invoice::openBalance).reduce(zero, Money::plus);
            int largest = e.getValue().stream()
                    .max(Comparator.comparing(
                            (Integer c) -> candidateInvoices.get(c).openBalance()))
                    .map(candidates::get)
                    .orElseThrow();
            ranked.add(new Row(candidateAccounts.get(e.getValue().getFirst()), invs, sum, largest));
        }
        ranked.sort(Comparator.comparing(Row::open).reversed());
        List<Row> shown = ranked.stream().limit(LIST_MAX).toList();
        List<WriteOff> writeOffs = new ArrayList<>();
        if (!shown.isEmpty()) {
            double[] subset = new double[shown.size() * width];
            for (int k = 0; k < shown.size(); k++) {
                System.arraycopy(rows, shown.get(k).largest() * width, subset, k * width, width);
            }
            List<Assessment> assessed = model.assess(subset);
            for (int k = 0; k < shown.size(); k++) {
                Row row = shown.get(k);
                writeOffs.add(new WriteOff(
                        row.account().customer().key().value(),
                        row.account().customer().name(),
                        row.invoices().stream().map(Invoice::number).toList(),
                        row.open(),
                        row.invoices().stream()
                                .mapToLong(i -> i.daysPastDue(today))
                                .max()
                                .orElse(0),
                        assessed.get(k)));
            }
        }
        Optional<Double> dso = invoiced90.isZero()
                ? Optional.empty()
                : Optional.of(
                        open.toMajor().doubleValue() / invoiced90.toMajor().doubleValue() * 90);
        double ceiDen = startOf30.plus(invoiced30).minus(notDue).toMajor().doubleValue();
        double ceiNum = startOf30.plus(invoiced30).minus(open).toMajor().doubleValue();
        return new Report(
                today,
                currency,
                open,
                buckets,
                dso,
                ceiDen > 0 ? Optional.of(ceiNum / ceiDen * 100) : Optional.empty(),
                answered == 0 ? Optional.empty() : Optional.of((double) promised / answered),
                kept + broken == 0 ? Optional.empty() : Optional.of((double) kept / (kept + broken)),
                invoiced365.isZero()
                        ? Optional.empty()
                        : Optional.of(over120.toMajor().doubleValue()
                                / invoiced365.toMajor().doubleValue()),
                answered,
                promised,
                kept,
                broken,
                writeOffs,
                likelyInvoices,
                byAccount.size(),
                likelyTotal,
                invoicedLast90,
                histogram,
                model.info());
    }
}
