package dev.aragent.agent.spi;

import dev.aragent.agent.grounding.Fusion;
import java.util.ArrayList;
import java.util.List;

/** A deterministic {@link Embedder} for tests: words hashed into buckets, normalised. Similar words, similar vectors. */
public final class HashingEmbedder implements Embedder {
    private static final int DIMENSIONS = 64;

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            float[] v = new float[DIMENSIONS];
            for (String w : Fusion.words(t)) {
                v[Math.floorMod(w.hashCode(), DIMENSIONS)] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < v.length && norm > 0; i++) {
                v[i] /= (float) norm;
            }
            out.add(v);
        }
        return out;
    }
}
