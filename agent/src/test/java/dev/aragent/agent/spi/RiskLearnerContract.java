package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aragent.agent.risk.Column;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Metrics;
import dev.aragent.agent.risk.Schema;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RiskLearner} adapter must do, on rows an outcome follows exactly: the fitted scores rank the good
 * outcomes first and are log-odds of it, the contributions add up to them, a fit is the same fit every time, it stops
 * early when the validation rows stop improving, and a saved model loads back scoring the same. Scores are the port's
 * raw margins (log-odds); the core turns them into probabilities. Too few rows is left out: the port does not say what
 * a learner does with them ({@code RiskTrainer} keeps such books on the aging baseline before a learner is asked). Run
 * by {@code LightGbmLearner} (risk-model) and {@link LogisticRiskLearner}, the fake for core tests without natives.
 */
public interface RiskLearnerContract {
    RiskLearner learner();

    /** Small and quick: at most 100 rounds of 7 leaves, 10 rows a leaf, patience 10, one thread. */
    RiskLearner.Settings SETTINGS = new RiskLearner.Settings(100, 7, 0.1, 10, 10, 7, 1);

    /** An input that decides the outcome, an input of noise and a categorical input of noise. */
    Schema SCHEMA = new Schema(List.of(
            Column.numeric("signal"),
            Column.numeric("noise"),
            Column.categorical("segment", List.of("retail", "restaurants"))));

    LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    /** Rows whose outcome is good (label 1) exactly when the signal is above one half. */
    static Dataset separable(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        int w = SCHEMA.width();
        double[] x = new double[rows * w];
        double[] labels = new double[rows];
        LocalDate[] days = new LocalDate[rows];
        String[] ids = new String[rows];
        for (int r = 0; r < rows; r++) {
            double signal = random.nextDouble();
            x[r * w] = signal;
            x[r * w + 1] = random.nextDouble();
            x[r * w + 2] = random.nextInt(2);
            labels[r] = signal > 0.5 ? 1 : 0;
            days[r] = FIRST_DAY.plusDays(r);
            ids[r] = "row-" + seed + "-" + r;
        }
        return new Dataset(SCHEMA, x, labels, days, ids);
    }

    /** The same rows with every outcome turned over. */
    static Dataset flipped(Dataset d) {
        double[] labels = Arrays.stream(d.labels()).map(l -> 1 - l).toArray();
        return new Dataset(d.schema(), d.x(), labels, d.days(), d.ids());
    }

    Dataset TRAIN = separable(1, 400);
    Dataset VALID = separable(2, 200);

    static double probability(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    @Test
    default void aFitShouldRankTheGoodOutcomesAboveTheOthers() {
        try (RiskLearner.Scorer scorer = learner().fit(TRAIN, VALID, SETTINGS)) {
            double[] margins = scorer.margins(TRAIN.x(), SCHEMA.width());

            assertThat(margins).hasSize(TRAIN.rows());
            assertThat(Metrics.auc(margins, TRAIN.labels())).isGreaterThan(0.9);
            assertThat(Metrics.auc(scorer.margins(VALID.x(), SCHEMA.width()), VALID.labels()))
                    .as("rows the fit never saw")
                    .isGreaterThan(0.9);
        }
    }

    @Test
    default void scoresShouldBeLogOddsOfTheGoodOutcome() {
        try (RiskLearner.Scorer scorer = learner().fit(TRAIN, VALID, SETTINGS)) {
            double[] margins = scorer.margins(TRAIN.x(), SCHEMA.width());
            double good = 0;
            double other = 0;
            for (int r = 0; r < margins.length; r++) {
                assertThat(margins[r]).isFinite();
                double p = probability(margins[r]);
                assertThat(p).isBetween(0.0, 1.0);
                if (TRAIN.labels()[r] > 0.5) {
                    good += p / TRAIN.positives();
                } else {
                    other += p / (TRAIN.rows() - TRAIN.positives());
                }
            }

            assertThat(good).as("mean probability of the good outcomes").isGreaterThan(0.5);
            assertThat(other).as("mean probability of the others").isLessThan(0.5);
        }
    }

    @Test
    default void contributionsShouldAddUpToTheScoreRowByRow() {
        int w = SCHEMA.width();
        try (RiskLearner.Scorer scorer = learner().fit(TRAIN, VALID, SETTINGS)) {
            double[] rows = Arrays.copyOf(VALID.x(), 20 * w);
            double[] margins = scorer.margins(rows, w);
            double[] contributions = scorer.contributions(rows, w);

            assertThat(contributions).hasSize(20 * (w + 1));
            for (int r = 0; r < 20; r++) {
                double sum = 0;
                for (int c = 0; c <= w; c++) {
                    sum += contributions[r * (w + 1) + c];
                }
                assertThat(sum).as("row %d", r).isCloseTo(margins[r], within(1e-6));
            }
        }
    }

    @Test
    default void noRowsShouldGetNoScores() {
        try (RiskLearner.Scorer scorer = learner().fit(TRAIN, VALID, SETTINGS)) {
            assertThat(scorer.margins(new double[0], SCHEMA.width())).isEmpty();
            assertThat(scorer.contributions(new double[0], SCHEMA.width())).isEmpty();
        }
    }

    @Test
    default void fittingTheSameRowsWithTheSameSettingsShouldGiveTheSameModel() {
        try (RiskLearner.Scorer a = learner().fit(TRAIN, VALID, SETTINGS);
                RiskLearner.Scorer b = learner().fit(TRAIN, VALID, SETTINGS)) {
            assertThat(b.save()).isEqualTo(a.save());
            assertThat(b.rounds()).isEqualTo(a.rounds());
            assertThat(b.margins(VALID.x(), SCHEMA.width())).containsExactly(a.margins(VALID.x(), SCHEMA.width()));
        }
    }

    @Test
    default void aFitShouldStopEarlyWhenTheValidationRowsStopImproving() {
        try (RiskLearner.Scorer learned = learner().fit(TRAIN, VALID, SETTINGS);
                RiskLearner.Scorer misled = learner().fit(TRAIN, flipped(VALID), SETTINGS)) {
            assertThat(learned.rounds()).isBetween(1, SETTINGS.maxRounds());
            assertThat(misled.rounds())
                    .as("every round past the first fits the validation rows worse")
                    .isBetween(1, SETTINGS.maxRounds() - 1)
                    .isLessThan(learned.rounds());
        }
    }

    @Test
    default void aSavedModelShouldLoadBackScoringTheSame() {
        int w = SCHEMA.width();
        try (RiskLearner.Scorer fitted = learner().fit(TRAIN, VALID, SETTINGS);
                RiskLearner.Scorer loaded = learner().load(fitted.save())) {
            assertThat(loaded.rounds()).isEqualTo(fitted.rounds());
            assertThat(loaded.margins(VALID.x(), w)).containsExactly(fitted.margins(VALID.x(), w));
            assertThat(loaded.contributions(VALID.x(), w)).containsExactly(fitted.contributions(VALID.x(), w));
            assertThat(loaded.save()).isEqualTo(fitted.save());
        }
    }
}
