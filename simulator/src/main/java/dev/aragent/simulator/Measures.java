package dev.aragent.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * How an AR team measures a period, from receivables at each day's end and sales by day: standard DSO (receivables ÷
 * the trailing period's sales × its days), countback DSO (the days of most recent sales the receivables amount to) and
 * the collection effectiveness index (what of the collectible was collected, current receivables excepted), and the
 * best possible DSO (what DSO would be were every invoice paid on its due date: the current receivables alone) with the
 * average days delinquent, DSO less the best possible — the part of DSO collection work can move.
 *
 * <p>Sales run from {@link #TRAILING} days before the first simulated day: {@code sales[TRAILING + i]} is day
 * {@code i}'s.
 */
final class Measures {
    /** The trailing period standard DSO is taken over, in days. */
    static final int TRAILING = 90;
    /** A month, as the report counts them. */
    static final int MONTH = 30;

    private Measures() {}

    /**
     * One month of an arm: DSO at its end, both ways, the best possible DSO (current receivables only) and its CEI
     * (percent).
     */
    record Month(int number, int lastDay, double dso, double countbackDso, double bestPossibleDso, double cei) {
        /** Average days delinquent: the days of DSO that are past due. */
        double daysDelinquent() {
            return dso - bestPossibleDso;
        }
    }

    /** Standard DSO at the end of simulated day {@code day}: receivables ÷ the trailing 90 days' sales × 90. */
    static double dso(long receivables, long[] sales, int day) {
        long sold = 0;
        for (int i = day + 1; i <= day + TRAILING; i++) {
            sold += sales[i];
        }
        return sold == 0 ? 0 : receivables * (double) TRAILING / sold;
    }

    /**
     * Countback DSO at the end of simulated day {@code day}: walking back from that day, the days of sales the
     * receivables use up (the last one in part).
     */
    static double countback(long receivables, long[] sales, int day) {
        long left = receivables;
        double days = 0;
        for (int i = TRAILING + day; i >= 0 && left > 0; i--) {
            if (sales[i] >= left) {
                return days + (double) left / sales[i];
            }
            left -= sales[i];
            days++;
        }
        return days;
    }

    /**
     * CEI of a period: (receivables at its start + its sales − receivables at its end) ÷ (receivables at its start + its
     * sales − what at its end was not yet due), in percent.
     */
    static double cei(long begin, long sold, long end, long endCurrent) {
        long collectible = begin + sold - endCurrent;
        return collectible <= 0 ? 100 : 100.0 * (begin + sold - end) / collectible;
    }

    /** The arm's months (30 days each; the last may be shorter), from its receivables by day and the book's sales. */
    static List<Month> months(long openAtStart, long[] receivables, long[] current, long[] sales) {
        List<Month> out = new ArrayList<>();
        int days = receivables.length;
        for (int m = 0; m * MONTH < days; m++) {
            int first = m * MONTH;
            int last = Math.min(days, first + MONTH) - 1;
            long begin = first == 0 ? openAtStart : receivables[first - 1];
            long sold = 0;
            for (int i = first; i <= last; i++) {
                sold += sales[TRAILING + i];
            }
            out.add(new Month(
                    m + 1,
                    last + 1,
                    dso(receivables[last], sales, last),
                    countback(receivables[last], sales, last),
                    dso(current[last], sales, last),
                    cei(begin, sold, receivables[last], current[last])));
        }
        return out;
    }
}
