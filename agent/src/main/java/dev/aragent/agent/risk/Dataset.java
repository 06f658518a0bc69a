package dev.aragent.agent.risk;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rows of features (row-major), each with its label (1 = the good outcome: paid in time) and the day it describes, so
 * that splits follow time and never let the future train on the past.
 */
public record Dataset(Schema schema, double[] x, double[] labels, LocalDate[] days, String[] ids) {
    public Dataset {
        if (x.length != (long) labels.length * schema.width()) {
            throw new IllegalArgumentException(
                    "rows of " + schema.width() + " features expected: " + x.length + " values for " + labels.length);
        }
        if (days.length != labels.length || ids.length != labels.length) {
            throw new IllegalArgumentException("labels, days and ids must have one entry per row");
        }
    }

    public int rows() {
        return labels.length;
    }

    public double value(int row, int column) {
        return x[row * schema.width() + column];
    }

    /** The rows at {@code indexes}, in that order. */
    public Dataset rows(int[] indexes) {
        int w = schema.width();
        double[] nx = new double[indexes.length * w];
        double[] nl = new double[indexes.length];
        LocalDate[] nd = new LocalDate[indexes.length];
        String[] ni = new String[indexes.length];
        for (int k = 0; k < indexes.length; k++) {
            int r = indexes[k];
            System.arraycopy(x, r * w, nx, k * w, w);
            nl[k] = labels[r];
            nd[k] = days[r];
            ni[k] = ids[r];
        }
        return new Dataset(schema, nx, nl, nd, ni);
    }

    /**
     * Splits by day: the earliest {@code fraction} of rows (whole days kept together) and the rest. A day never falls
     * on both sides.
     */
    public Dataset[] splitByTime(double fraction) {
        Integer[] order = IntStream.range(0, rows())
                .boxed()
                .sorted(Comparator.comparing(i -> days[i]))
                .toArray(Integer[]::new);
        int cut = (int) Math.round(rows() * fraction);
        while (cut > 0 && cut < rows() && days[order[cut]].equals(days[order[cut - 1]])) {
            cut++;
        }
        int[] all = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        return new Dataset[] {rows(Arrays.copyOfRange(all, 0, cut)), rows(Arrays.copyOfRange(all, cut, all.length))};
    }

    public long positives() {
        return Arrays.stream(labels).filter(l -> l > 0.5).count();
    }

    /** The first and last day the rows describe, for reports. */
    public String span() {
        if (rows() == 0) {
            return "no rows";
        }
        LocalDate min = Arrays.stream(days).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate max = Arrays.stream(days).max(Comparator.naturalOrder()).orElseThrow();
        return min + " … " + max;
    }
}
