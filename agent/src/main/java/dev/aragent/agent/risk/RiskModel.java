package dev.aragent.agent.risk;

import dev.aragent.agent.spi.RiskLearner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A trained (or cold-start) payment-risk model: a schema, an optional learned scorer, its calibration and the aging
 * baseline it was compared with, plus what it was trained on and how it scored on held-out rows. Scores rows built by
 * {@link Features} for the same schema.
 */
public final class RiskModel implements AutoCloseable {
    private static final int TOP_FACTORS = 3;

    private final Info info;
    private final Schema schema;
    private final Optional<RiskLearner.Scorer> scorer;
    private final Calibrator calibrator;
    private final AgingBaseline baseline;
    private final Optional<ColumnBaseline> rule;

    /**
     * Where a model came from and how it did on rows it never saw: {@code test} are the figures of what orders the
     * queue, {@code candidates} what it was chosen from (the learned model and each simple rule, on the same held-out
     * rows) and {@code why} the choice in a sentence.
     */
    public record Info(
            int version,
            Instant trainedAt,
            int horizonDays,
            String kind,
            int trainRows,
            String trainSpan,
            int testRows,
            String testSpan,
            int rounds,
            Optional<Metrics> test,
            Optional<Metrics> baselineTest,
            List<Candidate> candidates,
            String why) {
        public Info {
            candidates = List.copyOf(candidates);
        }

        /** Whether a simple rule, not the learned model, orders the queue though a model was trained. */
        public boolean ruleWon() {
            return kind.startsWith(RULE_PREFIX);
        }
    }

    /** The kind of a model that is a simple rule: {@code rule:<column>}. */
    public static final String RULE_PREFIX = "rule:";

    /** One contender on the held-out rows. */
    public record Candidate(String name, String description, Metrics test) {}

    private RiskModel(
            Info info,
            Schema schema,
            Optional<RiskLearner.Scorer> scorer,
            Calibrator calibrator,
            AgingBaseline baseline,
            Optional<ColumnBaseline> rule) {
        this.info = info;
        this.schema = schema;
        this.scorer = scorer;
        this.calibrator = calibrator;
        this.baseline = baseline;
        this.rule = rule;
    }

    /** A learned model: its scorer's raw scores, calibrated. */
    public static RiskModel learned(
            Info info, Schema schema, RiskLearner.Scorer scorer, Calibrator calibrator, AgingBaseline baseline) {
        return new RiskModel(info, schema, Optional.of(scorer), calibrator, baseline, Optional.empty());
    }

    /** A simple rule that beat the learned model on held-out rows and orders the queue in its place. */
    public static RiskModel rule(Info info, Schema schema, ColumnBaseline rule, AgingBaseline baseline) {
        return new RiskModel(info, schema, Optional.empty(), rule.calibrator(), baseline, Optional.of(rule));
    }

    /** A model that is the aging baseline: too little history to learn from. */
    public static RiskModel agingOnly(Info info, Schema schema, AgingBaseline baseline) {
        return new RiskModel(info, schema, Optional.empty(), Calibrator.identity(), baseline, Optional.empty());
    }

    /** The fallback when history is too thin to learn from: aging only. */
    public static RiskModel coldStart(Schema schema, Instant now, int horizonDays, AgingBaseline baseline) {
        Info info = new Info(
                0,
                now,
                horizonDays,
                "aging-baseline",
                0,
                "none",
                0,
                "none",
                0,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                "no history to learn from yet: aging alone orders the queue");
        return agingOnly(info, schema, baseline);
    }

    public Info info() {
        return info;
    }

    public Schema schema() {
        return schema;
    }

    public Optional<RiskLearner.Scorer> scorer() {
        return scorer;
    }

    public Calibrator calibrator() {
        return calibrator;
    }

    public AgingBaseline baseline() {
        return baseline;
    }

    public boolean learned() {
        return scorer.isPresent();
    }

    /** The simple rule standing in for the learned model, when one beat it. */
    public Optional<ColumnBaseline> rule() {
        return rule;
    }

    /** Calibrated probabilities of being paid in time, one per row. */
    public double[] probabilities(double[] rows) {
        int n = rows.length / schema.width();
        double[] p = new double[n];
        if (rule.isPresent()) {
            int col = schema.indexOf(rule.get().column());
            for (int r = 0; r < n; r++) {
                p[r] = rule.get().probability(rows[r * schema.width() + col]);
            }
            return p;
        }
        if (scorer.isEmpty()) {
            int aging = schema.indexOf(Features.AGING);
            for (int r = 0; r < n; r++) {
                p[r] = baseline.probability(rows[r * schema.width() + aging]);
            }
            return p;
        }
        double[] margins = scorer.get().margins(rows, schema.width());
        for (int r = 0; r < n; r++) {
            p[r] = calibrator.probability(margins[r]);
        }
        return p;
    }

    /** Probabilities with the top three factors of each row. */
    public List<Assessment> assess(double[] rows) {
        double[] p = probabilities(rows);
        int w = schema.width();
        List<Assessment> out = new ArrayList<>(p.length);
        if (scorer.isEmpty()) {
            int col = schema.indexOf(rule.map(ColumnBaseline::column).orElse(Features.DAYS_PAST_DUE));
            String note = rule.isPresent() ? " (a simple rule: it beat the model)" : " (no model yet: aging only)";
            for (int r = 0; r < p.length; r++) {
                double v = rows[r * w + col];
                Factor f =
                        new Factor(schema.column(col).name(), v, 0, Explanations.words(schema.column(col), v) + note);
                out.add(new Assessment(p[r], List.of(f), info.kind()));
            }
            return out;
        }
        double[] contrib = scorer.get().contributions(rows, w);
        for (int r = 0; r < p.length; r++) {
            List<Factor> factors = new ArrayList<>(w);
            for (int c = 0; c < w; c++) {
                double towardRisk = -contrib[r * (w + 1) + c];
                double v = rows[r * w + c];
                factors.add(
                        new Factor(schema.column(c).name(), v, towardRisk, Explanations.words(schema.column(c), v)));
            }
            factors.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.contribution())));
            out.add(new Assessment(p[r], factors.subList(0, Math.min(TOP_FACTORS, factors.size())), info.kind()));
        }
        return out;
    }

    /**
     * The top factors of a group of rows (one account's invoices), each contribution averaged with {@code weights}
     * (e.g. open amounts) and worded with the values of the heaviest row.
     */
    public List<Factor> explainGroup(double[] rows, double[] weights) {
        return explainGroups(List.of(rows), List.of(weights)).getFirst();
    }

    /** {@link #explainGroup} for many groups with one call to the scorer (contributions cost per call, not per row). */
    public List<List<Factor>> explainGroups(List<double[]> groups, List<double[]> weights) {
        int w = schema.width();
        int total = groups.stream().mapToInt(g -> g.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, all, at, g.length);
            at += g.length;
        }
        double[] contrib = scorer.isPresent() && total > 0 ? scorer.get().contributions(all, w) : new double[0];
        List<List<Factor>> out = new ArrayList<>(groups.size());
        int row0 = 0;
        for (int g = 0; g < groups.size(); g++) {
            double[] rows = groups.get(g);
            double[] weight = weights.get(g);
            int n = weight.length;
            if (n == 0) {
                out.add(List.of());
                continue;
            }
            int heaviest = 0;
            double sumWeights = 0;
            for (int r = 0; r < n; r++) {
                sumWeights += weight[r];
                if (weight[r] > weight[heaviest]) {
                    heaviest = r;
                }
            }
            if (scorer.isEmpty()) {
                out.add(assess(java.util.Arrays.copyOfRange(rows, heaviest * w, heaviest * w + w))
                        .getFirst()
                        .factors());
                row0 += n;
                continue;
            }
            List<Factor> factors = new ArrayList<>(w);
            for (int c = 0; c < w; c++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    double share = sumWeights > 0 ? weight[r] / sumWeights : 1.0 / n;
                    sum += -contrib[(row0 + r) * (w + 1) + c] * share;
                }
                double v = rows[heaviest * w + c];
                factors.add(new Factor(schema.column(c).name(), v, sum, Explanations.words(schema.column(c), v)));
            }
            factors.sort(Comparator.comparingDouble((Factor f) -> -Math.abs(f.contribution())));
            out.add(List.copyOf(factors.subList(0, Math.min(TOP_FACTORS, factors.size()))));
            row0 += n;
        }
        return out;
    }

    @Override
    public void close() {
        scorer.ifPresent(RiskLearner.Scorer::close);
    }
}
