package dev.aragent.simulator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntPredicate;

/** Clustered low-rank unit vectors for retrieval benchmarks, and exact nearest neighbours to check recall against. */
final class SyntheticVectors {
    private static final int LATENT = 24;
    private static final int CLUSTERS = 500;
    private static final double NOISE = 0.10;

    private SyntheticVectors() {}

    static float[][] clustered(int n, int dim, Random random) {
        double[][] projection = new double[LATENT][dim];
        for (double[] row : projection) {
            for (int j = 0; j < dim; j++) {
                row[j] = random.nextGaussian() / Math.sqrt(LATENT);
            }
        }
        double[][] centers = new double[CLUSTERS][LATENT];
        for (double[] c : centers) {
            for (int j = 0; j < LATENT; j++) {
                c[j] = random.nextGaussian();
            }
        }
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            double[] center = centers[random.nextInt(CLUSTERS)];
            double[] latent = new double[LATENT];
            for (int j = 0; j < LATENT; j++) {
                latent[j] = center[j] + 0.35 * random.nextGaussian();
            }
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                double s = 0;
                for (int j = 0; j < LATENT; j++) {
                    s += latent[j] * projection[j][d];
                }
                v[d] = (float) (s + NOISE * random.nextGaussian());
            }
            out[i] = unit(v);
        }
        return out;
    }

    /** A query near a stored vector: the vector plus a little noise. */
    static float[] near(float[] v, Random random) {
        float[] q = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = (float) (v[i] + 0.02 * random.nextGaussian());
        }
        return unit(q);
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) n;
        }
        return v;
    }

    /** Ids ("c" + index) of the k vectors with the largest dot product among those {@code in} admits. */
    static List<String> exact(float[][] vectors, float[] q, int k, IntPredicate in) {
        PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < vectors.length; i++) {
            if (!in.test(i)) {
                continue;
            }
            float[] v = vectors[i];
            double s = 0;
            for (int d = 0; d < v.length; d++) {
                s += v[d] * q[d];
            }
            if (best.size() < k) {
                best.add(new double[] {s, i});
            } else if (s > best.peek()[0]) {
                best.poll();
                best.add(new double[] {s, i});
            }
        }
        List<String> out = new ArrayList<>();
        while (!best.isEmpty()) {
            out.addFirst("c" + (int) best.poll()[1]);
        }
        return out;
    }
}
