package dev.aragent.agent.spi;

import dev.aragent.agent.risk.Dataset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link RiskLearner} for core tests, with no native code: logistic regression on standardised inputs by full-batch
 * gradient descent, one step a round, early-stopped on the validation rows by log loss and kept at the best round. A
 * categorical input is read as its level's index; an unknown value (NaN) as the training mean. Contributions are exact
 * for a linear model: each input's weight times its standardised value, then the bias (the mean score of the training
 * rows). Of the settings it uses the round cap, the learning rate (the step) and the patience; the rest are for trees.
 * {@link RiskLearnerContract} checks it behaves as the real one.
 */
public final class LogisticRiskLearner implements RiskLearner {
    private static final String HEADER = "logistic-risk-learner v1";

    @Override
    public Scorer fit(Dataset train, Dataset valid, Settings s) {
        if (train.rows() == 0) {
            throw new IllegalArgumentException("no rows to learn from");
        }
        int w = train.schema().width();
        double[] mean = new double[w];
        double[] scale = new double[w];
        standardisation(train, mean, scale);
        Model model = new Model(mean, scale, new double[w], 0, 0);
        double[] weights = new double[w];
        double bias = 0;
        double best = Double.MAX_VALUE;
        for (int round = 1; round <= s.maxRounds(); round++) {
            Model current = model.with(weights, bias);
            double[] gradient = new double[w + 1];
            for (int r = 0; r < train.rows(); r++) {
                double g = sigmoid(margin(current, train.x(), r, w)) - train.labels()[r];
                for (int c = 0; c < w; c++) {
                    gradient[c] += g * current.standardised(train.x()[r * w + c], c);
                }
                gradient[w] += g;
            }
            for (int c = 0; c < w; c++) {
                weights[c] -= s.learningRate() * gradient[c] / train.rows();
            }
            bias -= s.learningRate() * gradient[w] / train.rows();
            double loss = logLoss(model.with(weights, bias), valid, w);
            if (round == 1 || loss < best - 1e-9) {
                best = loss;
                model = new Model(mean, scale, weights.clone(), bias, round);
            } else if (round - model.rounds() >= s.patience()) {
                break;
            }
        }
        return model;
    }

    @Override
    public Scorer load(String saved) {
        List<String> lines = saved.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new IllegalArgumentException("not a logistic model");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (!fields.keySet().containsAll(List.of("rounds", "mean", "scale", "weights", "bias"))) {
            throw new IllegalArgumentException("a logistic model without all of its fields: " + fields.keySet());
        }
        return new Model(
                numbers(fields.get("mean")),
                numbers(fields.get("scale")),
                numbers(fields.get("weights")),
                Double.parseDouble(fields.get("bias")),
                Integer.parseInt(fields.get("rounds")));
    }

    /** Mean and spread of each input's known values in the training rows (0 and 1 when there is nothing to learn). */
    private static void standardisation(Dataset train, double[] mean, double[] scale) {
        int w = mean.length;
        for (int c = 0; c < w; c++) {
            double sum = 0;
            double squares = 0;
            int known = 0;
            for (int r = 0; r < train.rows(); r++) {
                double v = train.value(r, c);
                if (!Double.isNaN(v)) {
                    sum += v;
                    squares += v * v;
                    known++;
                }
            }
            mean[c] = known == 0 ? 0 : sum / known;
            double variance = known == 0 ? 0 : squares / known - mean[c] * mean[c];
            scale[c] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
    }

    private static double margin(Model m, double[] rows, int r, int w) {
        double out = m.bias();
        for (int c = 0; c < w; c++) {
            out += m.weights()[c] * m.standardised(rows[r * w + c], c);
        }
        return out;
    }

    private static double logLoss(Model m, Dataset rows, int w) {
        double loss = 0;
        for (int r = 0; r < rows.rows(); r++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(margin(m, rows.x(), r, w))));
            loss -= rows.labels()[r] > 0.5 ? Math.log(p) : Math.log(1 - p);
        }
        return rows.rows() == 0 ? 0 : loss / rows.rows();
    }

    private static double sigmoid(double margin) {
        return 1 / (1 + Math.exp(-margin));
    }

    private static double[] numbers(String csv) {
        return csv.isEmpty()
                ? new double[0]
                : Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String text(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /** A fitted model; holds no native resource. */
    private static final class Model implements Scorer {
        private final double[] mean;
        private final double[] scale;
        private final double[] weights;
        private final double bias;
        private final int rounds;

        Model(double[] mean, double[] scale, double[] weights, double bias, int rounds) {
            this.mean = mean;
            this.scale = scale;
            this.weights = weights;
            this.bias = bias;
            this.rounds = rounds;
        }

        /** The same inputs with other parameters, for one step of the fit. */
        Model with(double[] weights, double bias) {
            return new Model(mean, scale, weights, bias, rounds);
        }

        double[] weights() {
            return weights;
        }

        double bias() {
            return bias;
        }

        double standardised(double value, int column) {
            return Double.isNaN(value) ? 0 : (value - mean[column]) / scale[column];
        }

        @Override
        public double[] margins(double[] rows, int width) {
            int n = rows.length / width;
            double[] out = new double[n];
            for (int r = 0; r < n; r++) {
                out[r] = margin(this, rows, r, width);
            }
            return out;
        }

        @Override
        public double[] contributions(double[] rows, int width) {
            int n = rows.length / width;
            double[] out = new double[n * (width + 1)];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < width; c++) {
                    out[r * (width + 1) + c] = weights[c] * standardised(rows[r * width + c], c);
                }
                out[r * (width + 1) + width] = bias;
            }
            return out;
        }

        @Override
        public int rounds() {
            return rounds;
        }

        @Override
        public String save() {
            return String.join(
                    "\n",
                    HEADER,
                    "rounds=" + rounds,
                    "mean=" + text(mean),
                    "scale=" + text(scale),
                    "weights=" + text(weights),
                    "bias=" + bias);
        }

        @Override
        public void close() {}
    }
}
