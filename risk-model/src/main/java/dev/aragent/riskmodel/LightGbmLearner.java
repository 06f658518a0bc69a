package dev.aragent.riskmodel;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.spi.RiskLearner;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient-boosted trees for a binary outcome (LightGBM, {@code objective=binary}), early-stopped on the validation rows
 * by log loss and kept at the best round. Categorical columns are passed as such. Deterministic: fixed seed, {@code
 * deterministic=true}, row-wise histograms.
 */
public final class LightGbmLearner implements RiskLearner {
    private static final Logger log = LoggerFactory.getLogger(LightGbmLearner.class);
    /** Rows from which a prediction runs on two threads. */
    static final int PARALLEL_ROWS = 5_000;

    @Override
    public Scorer fit(Dataset train, Dataset valid, Settings s) {
        int width = train.schema().width();
        String datasetParams = datasetParams(train, s);
        try (LGBMDataset trainSet =
                        LGBMDataset.createFromMat(train.x(), train.rows(), width, true, datasetParams, null);
                LGBMDataset validSet =
                        LGBMDataset.createFromMat(valid.x(), valid.rows(), width, true, datasetParams, trainSet)) {
            trainSet.setFeatureNames(train.schema().names());
            trainSet.setField("label", floats(train.labels()));
            validSet.setField("label", floats(valid.labels()));
            try (LGBMBooster booster = LGBMBooster.create(trainSet, boosterParams(s) + monotone(train))) {
                booster.addValidData(validSet);
                double best = Double.MAX_VALUE;
                int bestRound = 0;
                for (int round = 1; round <= s.maxRounds(); round++) {
                    boolean finished = booster.updateOneIter();
                    double loss = booster.getEval(1)[0];
                    if (loss < best - 1e-9) {
                        best = loss;
                        bestRound = round;
                    } else if (round - bestRound >= s.patience()) {
                        break;
                    }
                    if (finished) {
                        break;
                    }
                }
                log.debug("lightgbm: best round {} of {}, validation log loss {}", bestRound, s.maxRounds(), best);
                String text =
                        booster.saveModelToString(0, Math.max(1, bestRound), LGBMBooster.FeatureImportanceType.GAIN);
                return load(text);
            }
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM could not train: " + e.getMessage(), e);
        }
    }

    @Override
    public Scorer load(String saved) {
        try {
            return new Booster(LGBMBooster.loadModelFromString(saved), saved);
        } catch (LGBMException e) {
            throw new IllegalArgumentException("not a LightGBM model: " + e.getMessage(), e);
        }
    }

    private static String datasetParams(Dataset train, Settings s) {
        StringBuilder p = new StringBuilder("max_bin=255 min_data_in_bin=3 verbose=-1");
        int[] categorical = train.schema().categoricalIndexes();
        if (categorical.length > 0) {
            p.append(" categorical_feature=")
                    .append(Arrays.stream(categorical)
                            .mapToObj(Integer::toString)
                            .collect(Collectors.joining(",")));
        }
        p.append(" seed=").append(s.seed());
        return p.toString();
    }

    private static String boosterParams(Settings s) {
        return String.format(
                Locale.ROOT,
                "objective=binary metric=binary_logloss num_leaves=%d learning_rate=%s min_data_in_leaf=%d"
                        + " feature_fraction=0.9 bagging_fraction=0.9 bagging_freq=1 lambda_l2=1.0"
                        + " min_data_per_group=20 cat_smooth=10 seed=%d deterministic=true force_row_wise=true"
                        + " num_threads=%d verbose=-1",
                s.leaves(),
                Double.toString(s.learningRate()),
                s.minRowsPerLeaf(),
                s.seed(),
                s.threads());
    }

    /**
     * The inputs whose direction is known ({@link Features#directions}) are constrained to push only that way, so a
     * small or noisy history cannot teach the model that paying later is a good sign.
     */
    static String monotone(Dataset train) {
        int[] d = Features.directions(train.schema());
        if (Arrays.stream(d).allMatch(v -> v == 0)) {
            return "";
        }
        return " monotone_constraints="
                + Arrays.stream(d).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + " monotone_constraints_method=intermediate";
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** A loaded LightGBM model. Predictions are thread-safe in LightGBM; closing frees the native model. */
    private static final class Booster implements Scorer {
        private final LGBMBooster booster;
        private final String text;
        private final int rounds;

        Booster(LGBMBooster booster, String text) {
            this.booster = booster;
            this.text = text;
            this.rounds = (int) text.lines().filter(l -> l.startsWith("Tree=")).count();
        }

        @Override
        public double[] margins(double[] rows, int width) {
            return predict(rows, width, PredictionType.C_API_PREDICT_RAW_SCORE);
        }

        @Override
        public double[] contributions(double[] rows, int width) {
            return predict(rows, width, PredictionType.C_API_PREDICT_CONTRIB);
        }

        private double[] predict(double[] rows, int width, PredictionType type) {
            int n = rows.length / width;
            if (n == 0) {
                return new double[0];
            }
            try {
                // a second thread pays off on large batches only; on small ones OpenMP's start-up and spinning cost
                // more
                return booster.predictForMat(
                        rows, n, width, true, type, n >= PARALLEL_ROWS ? "num_threads=2" : "num_threads=1");
            } catch (LGBMException e) {
                throw new IllegalStateException("LightGBM could not score: " + e.getMessage(), e);
            }
        }

        @Override
        public int rounds() {
            return rounds;
        }

        @Override
        public String save() {
            return text;
        }

        @Override
        public void close() {
            try {
                booster.close();
            } catch (LGBMException e) {
                log.warn("could not free a LightGBM model: {}", e.getMessage());
            }
        }
    }
}
