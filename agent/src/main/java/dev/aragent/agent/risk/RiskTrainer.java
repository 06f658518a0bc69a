package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.spi.RiskLearner;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds training rows from account histories and fits a calibrated model on a time split: the earliest part trains
 * (its last fifth stops boosting early and fits the calibration), the latest part is held out and scored, next to the
 * aging-only baseline. With too little history the result is the cold-start model.
 */
public final class RiskTrainer {
    /** Fewer rows or outcomes of either kind than this and the model would be noise: aging only. */
    public static final int MIN_ROWS = 200, MIN_OF_EACH = 20;

    private final RiskLearner learner;
    private final Clock clock;

    public RiskTrainer(RiskLearner learner, Clock clock) {
        this.learner = learner;
        this.clock = clock;
    }

    /**
     * One row per invoice open at the start of each weekly snapshot day, labelled 1 when it was settled within {@code
     * horizonDays} without a dispute. Only days whose horizon has fully passed by {@code asOf} are used.
     */
    public static Dataset snapshots(
            Collection<AccountRecord> accounts, Features features, LocalDate asOf, int horizonDays, int stepDays) {
        LocalDate first = accounts.stream()
                .flatMap(a -> a.invoices().stream())
                .map(Invoice::issueDate)
                .min(LocalDate::compareTo)
                .orElse(asOf);
        Rows rows = new Rows(features.schema());
        LocalDate last = asOf.minusDays(horizonDays);
        for (LocalDate d = first.plusDays(stepDays); !d.isAfter(last); d = d.plusDays(stepDays)) {
            LocalDate day = d;
            for (AccountRecord account : accounts) {
                Features.Summary summary = null;
                for (Invoice i : account.invoices()) {
                    if (i.issueDate().isAfter(day)
                            || i.settledDate().map(s -> s.isBefore(day)).orElse(false)) {
                        continue;
                    }
                    if (summary == null) {
                        summary = features.summary(account, day);
                    }
                    LocalDate horizon = day.plusDays(horizonDays);
                    boolean paid = !i.disputed()
                            && i.settledDate().map(s -> s.isBefore(horizon)).orElse(false);
                    double[] row = rows.next(paid ? 1 : 0, day, i.number());
                    features.row(
                            account,
                            i,
                            day,
                            day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                            summary,
                            row,
                            rows.offset());
                }
            }
        }
        return rows.dataset();
    }

    /**
     * One row per invoice on its issue day, labelled 1 when it was settled on or before its due date; invoices still
     * open and not yet due on {@code end} have no outcome and are left out, open ones past due count as late.
     */
    public static Dataset atIssue(Collection<AccountRecord> accounts, Features features, LocalDate end) {
        Rows rows = new Rows(features.schema());
        for (AccountRecord account : accounts) {
            for (Invoice i : account.invoices()) {
                Optional<LocalDate> settled = i.settledDate();
                if (settled.isEmpty() && !i.dueDate().isBefore(end)) {
                    continue;
                }
                boolean onTime = settled.map(s -> !s.isAfter(i.dueDate())).orElse(false);
                double[] row = rows.next(onTime ? 1 : 0, i.issueDate(), i.number());
                features.row(account, i, i.issueDate(), row, rows.offset());
            }
        }
        return rows.dataset();
    }

    /**
     * Outcomes learned since {@code since}: invoices settled, promises kept or broken, disputes opened after it. The scheduler
     * retrains when enough have accumulated.
     */
    public static int newOutcomes(Collection<AccountRecord> accounts, java.time.Instant since) {
        LocalDate day = LocalDate.ofInstant(since, java.time.ZoneOffset.UTC);
        int n = 0;
        for (AccountRecord a : accounts) {
            for (Invoice i : a.invoices()) {
                if (i.settledDate().map(d -> d.isAfter(day)).orElse(false)) {
                    n++;
                }
            }
            for (AccountActivity.PromiseFact p : a.activity().promises()) {
                if (p.resolvedAt().map(r -> r.isAfter(since)).orElse(false)) {
                    n++;
                }
            }
            n += (int) a.activity().disputesOpened().stream()
                    .filter(t -> t.isAfter(since))
                    .count();
        }
        return n;
    }

    /** A trained model and the figures it earned. */
    public record Trained(RiskModel model, Dataset train, Dataset test, double[] testProbabilities) {}

    /**
     * Trains on the earliest {@code trainFraction} of {@code data} by day and scores the rest, next to the simple rules
     * of {@link #RULES} and the aging baseline fitted on the same training rows. The learned model orders the queue
     * only when its held-out AUC beats every simple rule's; otherwise the best rule does, and the model's {@code why}
     * says so. The model's version is {@code version}; its horizon is {@code horizonDays}.
     */
    public Trained train(
            Dataset data, double trainFraction, int horizonDays, int version, RiskLearner.Settings settings) {
        Dataset[] split = data.splitByTime(trainFraction);
        Dataset train = split[0];
        Dataset test = split[1];
        AgingBaseline baseline = AgingBaseline.fit(train);
        double[] baselineP = test.rows() == 0 ? new double[0] : baseline.probabilities(test);
        Optional<Metrics> baselineTest =
                test.rows() == 0 ? Optional.empty() : Optional.of(Metrics.of(baselineP, test.labels()));
        List<RiskModel.Candidate> candidates = new ArrayList<>();
        baselineTest.ifPresent(m -> candidates.add(
                new RiskModel.Candidate("rule:" + Features.AGING, "the share paid in time per aging bucket", m)));
        ColumnBaseline bestRule = null;
        Metrics bestRuleTest = null;
        double[] bestRuleP = null;
        for (var r : RULES.entrySet()) {
            if (data.schema().indexOf(r.getKey()) < 0 || test.rows() == 0) {
                continue;
            }
            ColumnBaseline rule = ColumnBaseline.fit(train, r.getKey(), r.getValue());
            double[] p = rule.probabilities(test);
            Metrics m = Metrics.of(p, test.labels());
            candidates.add(new RiskModel.Candidate(RiskModel.RULE_PREFIX + r.getKey(), rule.describe(), m));
            if (bestRuleTest == null || m.auc() > bestRuleTest.auc()) {
                bestRule = rule;
                bestRuleTest = m;
                bestRuleP = p;
            }
        }
        InfoOf infoOf = (kind, rounds, metrics, why) -> new RiskModel.Info(
                version,
                clock.instant(),
                horizonDays,
                kind,
                train.rows(),
                train.span(),
                test.rows(),
                test.span(),
                rounds,
                metrics,
                baselineTest,
                candidates,
                why);
        long pos = train.positives();
        if (train.rows() < MIN_ROWS || pos < MIN_OF_EACH || train.rows() - pos < MIN_OF_EACH) {
            RiskModel.Info info = infoOf.info(
                    "aging-baseline",
                    0,
                    baselineTest,
                    "too little history to learn from (fewer than " + MIN_ROWS + " rows or " + MIN_OF_EACH
                            + " outcomes of each kind): aging alone orders the queue");
            RiskModel model = RiskModel.agingOnly(info, data.schema(), baseline);
            return new Trained(model, train, test, baselineP);
        }
        Dataset[] inner = train.splitByTime(0.8);
        Dataset fit = inner[0];
        Dataset valid = inner[1].rows() == 0 ? fit : inner[1];
        RiskLearner.Scorer scorer = learner.fit(fit, valid, settings);
        Calibrator calibrator =
                Calibrator.fit(scorer.margins(valid.x(), data.schema().width()), valid.labels());
        double[] testP = new double[test.rows()];
        double[] margins = test.rows() == 0
                ? new double[0]
                : scorer.margins(test.x(), data.schema().width());
        for (int r = 0; r < testP.length; r++) {
            testP[r] = calibrator.probability(margins[r]);
        }
        Optional<Metrics> testMetrics =
                test.rows() == 0 ? Optional.empty() : Optional.of(Metrics.of(testP, test.labels()));
        testMetrics.ifPresent(m ->
                candidates.add(0, new RiskModel.Candidate("lightgbm", "gradient-boosted trees over every input", m)));
        Metrics best = bestRuleTest;
        if (best == null || testMetrics.isEmpty() || testMetrics.get().auc() > best.auc()) {
            String why = testMetrics.isEmpty() || best == null
                    ? "no held-out rows to compare with a simple rule: the learned model orders the queue"
                    : String.format(
                            Locale.ROOT,
                            "the learned model's held-out AUC %.3f beats the best simple rule (%s, %.3f): it orders"
                                    + " the queue",
                            testMetrics.get().auc(),
                            bestRule.describe(),
                            best.auc());
            RiskModel.Info info = infoOf.info("lightgbm", scorer.rounds(), testMetrics, why);
            return new Trained(
                    RiskModel.learned(info, data.schema(), scorer, calibrator, baseline), train, test, testP);
        }
        scorer.close();
        String why = String.format(
                Locale.ROOT,
                "the learned model's held-out AUC %.3f does not beat %s (%.3f): the simple rule orders the queue",
                testMetrics.get().auc(),
                bestRule.describe(),
                best.auc());
        RiskModel.Info info = infoOf.info(RiskModel.RULE_PREFIX + bestRule.column(), 0, Optional.of(best), why);
        return new Trained(RiskModel.rule(info, data.schema(), bestRule, baseline), train, test, bestRuleP);
    }

    /** What every outcome of one training shares, with what differs: kind, rounds, held-out figures and why. */
    @FunctionalInterface
    private interface InfoOf {
        RiskModel.Info info(String kind, int rounds, Optional<Metrics> test, String why);
    }

    /**
     * The simple rules a learned model is compared with, each with the direction it pushes the chance of being paid in
     * time: the customer's own record (share paid late, recent and average lateness) and the invoice's age.
     */
    public static final java.util.Map<String, Integer> RULES = orderedRules();

    private static java.util.Map<String, Integer> orderedRules() {
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        m.put(Features.SHARE_LATE, -1);
        m.put(Features.RECENT_LATE, -1);
        m.put(Features.MEAN_LATE, -1);
        m.put(Features.DAYS_PAST_DUE, -1);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Grows one row-major array a row at a time. */
    private static final class Rows {
        private final Schema schema;
        private double[] x = new double[1024];
        private final List<Double> labels = new ArrayList<>();
        private final List<LocalDate> days = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private int offset;

        Rows(Schema schema) {
            this.schema = schema;
        }

        double[] next(double label, LocalDate day, String id) {
            offset = labels.size() * schema.width();
            if (offset + schema.width() > x.length) {
                x = java.util.Arrays.copyOf(x, Math.max(x.length * 2, offset + schema.width()));
            }
            labels.add(label);
            days.add(day);
            ids.add(id);
            return x;
        }

        int offset() {
            return offset;
        }

        Dataset dataset() {
            int n = labels.size();
            return new Dataset(
                    schema,
                    java.util.Arrays.copyOf(x, n * schema.width()),
                    labels.stream().mapToDouble(Double::doubleValue).toArray(),
                    days.toArray(LocalDate[]::new),
                    ids.toArray(String[]::new));
        }
    }
}
