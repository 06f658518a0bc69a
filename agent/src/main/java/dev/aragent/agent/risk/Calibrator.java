package dev.aragent.agent.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Isotonic calibration: a non-decreasing map from a model's raw score to the observed rate, fitted by pooling adjacent
 * violators on rows the model did not train on; between fitted points it interpolates linearly. Probabilities are kept
 * inside {@code [0.005, 0.995]}: a payment forecast is never certain.
 */
public record Calibrator(double[] scores, double[] rates) {
    private static final double FLOOR = 0.005;

    public Calibrator {
        if (scores.length != rates.length || scores.length == 0) {
            throw new IllegalArgumentException("a calibrator needs as many rates as scores, at least one");
        }
        scores = scores.clone();
        rates = rates.clone();
    }

    /** Fits on raw scores and 0/1 outcomes; with no rows, the logistic function stands in. */
    public static Calibrator fit(double[] raw, double[] y) {
        if (raw.length == 0) {
            return identity();
        }
        Integer[] order = IntStream.range(0, raw.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        List<double[]> blocks = new ArrayList<>(); // {sumY, weight, sumScore}
        for (Integer i : order) {
            blocks.add(new double[] {y[i], 1, raw[i]});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[0] / prev[1] <= last[0] / last[1]) {
                    break;
                }
                prev[0] += last[0];
                prev[1] += last[1];
                prev[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] s = new double[blocks.size()];
        double[] r = new double[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            double[] b = blocks.get(k);
            s[k] = b[2] / b[1];
            r[k] = clamp(b[0] / b[1]);
        }
        return new Calibrator(s, r);
    }

    /** The logistic function, for a model that was not calibrated. */
    public static Calibrator identity() {
        double[] s = new double[121];
        double[] r = new double[121];
        for (int i = 0; i < s.length; i++) {
            s[i] = -12 + i * 0.2;
            r[i] = clamp(1 / (1 + Math.exp(-s[i])));
        }
        return new Calibrator(s, r);
    }

    /** The calibrated probability for a raw score. */
    public double probability(double raw) {
        int i = Arrays.binarySearch(scores, raw);
        if (i >= 0) {
            return rates[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return rates[0];
        }
        if (hi == scores.length) {
            return rates[scores.length - 1];
        }
        double t = (raw - scores[hi - 1]) / (scores[hi] - scores[hi - 1]);
        return rates[hi - 1] + t * (rates[hi] - rates[hi - 1]);
    }

    private static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibrator c && Arrays.equals(scores, c.scores) && Arrays.equals(rates, c.rates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(rates);
    }

    @Override
    public String toString() {
        return "Calibrator[" + scores.length + " points]";
    }
}
