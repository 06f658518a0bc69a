package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MeasuresTest {
    /** $1,000 of sales a day, from 90 days before the first simulated day through 30 simulated days. */
    private static long[] flat() {
        long[] sales = new long[Measures.TRAILING + 30];
        Arrays.fill(sales, 1_000_00);
        return sales;
    }

    @Test
    void standardDsoIsReceivablesOverTheTrailingNinetyDaysSales() {
        assertThat(Measures.dso(45_000_00, flat(), 29)).isCloseTo(45.0, within(1e-9));
    }

    @Test
    void countbackDsoWalksBackThroughTheMostRecentSales() {
        long[] sales = flat();
        sales[Measures.TRAILING + 29] = 10_000_00; // a big last day uses up ten days' worth at once
        assertThat(Measures.countback(10_500_00, sales, 29)).isCloseTo(1.5, within(1e-9));
        assertThat(Measures.countback(45_000_00, flat(), 29)).isCloseTo(45.0, within(1e-9));
    }

    @Test
    void ceiIsWhatOfTheCollectibleWasCollectedCurrentExcepted() {
        // begin 100, sold 50, end 60 of which 30 not yet due: collected 90 of 120 collectible
        assertThat(Measures.cei(100, 50, 60, 30)).isCloseTo(75.0, within(1e-9));
        assertThat(Measures.cei(0, 0, 0, 0)).isEqualTo(100.0);
    }

    @Test
    void monthsAreThirtyDaysTheLastOneShorter() {
        long[] receivables = new long[45];
        long[] current = new long[45];
        Arrays.fill(receivables, 45_000_00);
        Arrays.fill(current, 30_000_00);
        long[] sales = new long[Measures.TRAILING + 45];
        Arrays.fill(sales, 1_000_00);

        var months = Measures.months(45_000_00, receivables, current, sales);

        assertThat(months).extracting(Measures.Month::lastDay).containsExactly(30, 45);
        assertThat(months.getFirst().dso()).isCloseTo(45.0, within(1e-9));
        // were every invoice paid when due, only the 30 days of current receivables would stay: 15 days past due
        assertThat(months.getFirst().bestPossibleDso()).isCloseTo(30.0, within(1e-9));
        assertThat(months.getFirst().daysDelinquent()).isCloseTo(15.0, within(1e-9));
        // 30 days of sales all collected, nothing else: (45k + 30k − 45k) ÷ (45k + 30k − 30k)
        assertThat(months.getFirst().cei()).isCloseTo(100.0 * 30 / 45, within(1e-9));
    }
}
