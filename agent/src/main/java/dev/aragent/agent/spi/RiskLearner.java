package dev.aragent.agent.spi;

import dev.aragent.agent.risk.Dataset;

/**
 * Learns a binary classifier of payment outcomes and restores saved ones. Adapter: risk-model ({@code
 * LightGbmLearner}, gradient-boosted trees with SHAP contributions).
 */
public interface RiskLearner {

    /**
     * Fits on {@code train}, stopping early on {@code valid} (rows the fit never sees). Deterministic for the same
     * rows and settings.
     */
    Scorer fit(Dataset train, Dataset valid, Settings settings);

    /** A scorer from what {@link Scorer#save()} wrote. */
    Scorer load(String saved);

    /** How hard to fit: tree count cap, leaves per tree, learning rate, rows per leaf, patience, seed, threads. */
    record Settings(
            int maxRounds, int leaves, double learningRate, int minRowsPerLeaf, int patience, long seed, int threads) {
        public static Settings defaults() {
            return new Settings(400, 15, 0.05, 20, 30, 7, 2);
        }

        public Settings withThreads(int n) {
            return new Settings(maxRounds, leaves, learningRate, minRowsPerLeaf, patience, seed, n);
        }
    }

    /** A fitted model: raw scores (log-odds of the good outcome) and their per-feature contributions. */
    interface Scorer extends AutoCloseable {
        /** One raw score per row of {@code rows} (row-major, {@code width} values each). */
        double[] margins(double[] rows, int width);

        /**
         * Per-row SHAP contributions in log-odds, {@code width + 1} values per row: one per feature, then the expected
         * value; each row sums to its margin.
         */
        double[] contributions(double[] rows, int width);

        /** How many boosting rounds the model kept. */
        int rounds();

        /** The model as text, for {@link RiskLearner#load(String)}. */
        String save();

        @Override
        void close();
    }
}
