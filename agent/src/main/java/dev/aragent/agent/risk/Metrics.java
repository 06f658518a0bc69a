package dev.aragent.agent.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well probabilities fit outcomes: AUC (ranking), log loss and Brier score (probability quality), and a reliability
 * table (calibration) with its expected calibration error.
 */
public record Metrics(int rows, long positives, double auc, double logLoss, double brier, double ece, List<Bin> bins) {
    public Metrics {
        bins = List.copyOf(bins);
    }

    /** One reliability bin: predictions in {@code [from, to)}, their mean, and the observed rate. */
    public record Bin(double from, double to, int count, double meanPredicted, double observed) {}

    private static final double EPS = 1e-6;

    /** The figures for probabilities {@code p} of outcomes {@code y} (1 or 0), with ten reliability bins. */
    public static Metrics of(double[] p, double[] y) {
        if (p.length != y.length) {
            throw new IllegalArgumentException("one prediction per outcome: " + p.length + " vs " + y.length);
        }
        int n = p.length;
        long pos = Arrays.stream(y).filter(v -> v > 0.5).count();
        double ll = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            ll -= y[i] > 0.5 ? Math.log(q) : Math.log(1 - q);
            brier += (p[i] - y[i]) * (p[i] - y[i]);
        }
        List<Bin> bins = bins(p, y, 10);
        double ece = 0;
        for (Bin b : bins) {
            ece += b.count() * Math.abs(b.meanPredicted() - b.observed());
        }
        return new Metrics(
                n,
                pos,
                auc(p, y),
                n == 0 ? Double.NaN : ll / n,
                n == 0 ? Double.NaN : brier / n,
                n == 0 ? Double.NaN : ece / n,
                bins);
    }

    /**
     * Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). NaN when
     * one class is absent.
     */
    public static double auc(double[] score, double[] y) {
        int n = score.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] > 0.5) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static List<Bin> bins(double[] p, double[] y, int count) {
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            double from = (double) b / count;
            double to = (double) (b + 1) / count;
            int c = 0;
            double sp = 0;
            double sy = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= from && (p[i] < to || (b == count - 1 && p[i] <= 1))) {
                    c++;
                    sp += p[i];
                    sy += y[i];
                }
            }
            if (c > 0) {
                out.add(new Bin(from, to, c, sp / c, sy / c));
            }
        }
        return out;
    }
}
