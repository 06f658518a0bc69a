package dev.aragent.agent.risk;

import java.util.Locale;

/**
 * A simple rule a learned model must beat: one input, read in its known direction and calibrated on the training rows
 * (isotonic, so the rule's probabilities mean what they say); rows where the input is unknown get the training rows'
 * rate for unknowns. The customer's share of earlier invoices paid late is the one real AR histories make hard to beat.
 */
public record ColumnBaseline(String column, int sign, Calibrator calibrator, double missingRate) {
    private static final int PRIOR_WEIGHT = 20;

    public ColumnBaseline {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign is +1 or −1");
        }
    }

    /** Fits the rule for {@code column} on {@code train}; {@code sign} −1 when more means later. */
    public static ColumnBaseline fit(Dataset train, String column, int sign) {
        int col = train.schema().indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        int known = 0;
        double unknownPaid = 0;
        double all = 0;
        for (int r = 0; r < train.rows(); r++) {
            all += train.labels()[r];
            if (!Double.isNaN(train.value(r, col))) {
                known++;
            } else {
                unknownPaid += train.labels()[r];
            }
        }
        double[] raw = new double[known];
        double[] y = new double[known];
        for (int r = 0, k = 0; r < train.rows(); r++) {
            double v = train.value(r, col);
            if (!Double.isNaN(v)) {
                raw[k] = sign * v;
                y[k++] = train.labels()[r];
            }
        }
        double overall = train.rows() == 0 ? 0.5 : all / train.rows();
        int unknown = train.rows() - known;
        double missing = (unknownPaid + PRIOR_WEIGHT * overall) / (unknown + PRIOR_WEIGHT);
        return new ColumnBaseline(column, sign, Calibrator.fit(raw, y), missing);
    }

    public double probability(double value) {
        return Double.isNaN(value) ? missingRate : calibrator.probability(sign * value);
    }

    /** The rule's probabilities for every row of {@code data}. */
    public double[] probabilities(Dataset data) {
        int col = data.schema().indexOf(column);
        double[] p = new double[data.rows()];
        for (int r = 0; r < p.length; r++) {
            p[r] = probability(data.value(r, col));
        }
        return p;
    }

    /** The rule in words, for reports. */
    public String describe() {
        return switch (column) {
            case Features.SHARE_LATE -> "the share of the customer's earlier invoices paid late";
            case Features.RECENT_LATE -> "how late the customer paid its last three invoices";
            case Features.MEAN_LATE -> "how late the customer pays on average";
            case Features.DAYS_PAST_DUE -> "days past due";
            default -> String.format(Locale.ROOT, "%s alone", column);
        };
    }
}
