package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.AgingBucket;
import java.util.Arrays;

/**
 * The rule of thumb a model must beat: the share of invoices paid in time per aging bucket, as seen in training (each
 * bucket pulled toward the overall rate when it has few rows). With no rows it falls back on a published recovery
 * curve, which also serves as the cold-start model.
 */
public record AgingBaseline(double[] rates) {
    private static final int PRIOR_WEIGHT = 20;
    /** P(paid in time) per bucket with no data: recovery falls from about three in four early to under one in five. */
    private static final double[] COLD = {0.85, 0.74, 0.55, 0.35, 0.18};

    public AgingBaseline {
        if (rates.length != AgingBucket.values().length) {
            throw new IllegalArgumentException("one rate per aging bucket");
        }
        rates = rates.clone();
    }

    public static AgingBaseline cold() {
        return new AgingBaseline(COLD);
    }

    /** Fits on a dataset whose rows hold {@link Features#AGING}. */
    public static AgingBaseline fit(Dataset data) {
        int col = data.schema().indexOf(Features.AGING);
        int buckets = AgingBucket.values().length;
        double[] pos = new double[buckets];
        double[] n = new double[buckets];
        double all = 0;
        for (int r = 0; r < data.rows(); r++) {
            int b = (int) data.value(r, col);
            pos[b] += data.labels()[r];
            n[b]++;
            all += data.labels()[r];
        }
        double overall = data.rows() == 0 ? 0.5 : all / data.rows();
        double[] rates = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            double prior = data.rows() == 0 ? COLD[b] : overall;
            rates[b] = (pos[b] + PRIOR_WEIGHT * prior) / (n[b] + PRIOR_WEIGHT);
        }
        return new AgingBaseline(rates);
    }

    public double probability(double agingBucketOrdinal) {
        return rates[(int) agingBucketOrdinal];
    }

    /** The baseline's probabilities for every row of {@code data}. */
    public double[] probabilities(Dataset data) {
        int col = data.schema().indexOf(Features.AGING);
        double[] p = new double[data.rows()];
        for (int r = 0; r < p.length; r++) {
            p[r] = probability(data.value(r, col));
        }
        return p;
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgingBaseline a && Arrays.equals(rates, a.rates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return "AgingBaseline" + Arrays.toString(rates);
    }
}
