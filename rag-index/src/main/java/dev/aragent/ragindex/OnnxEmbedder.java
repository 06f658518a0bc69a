package dev.aragent.ragindex;

import dev.aragent.agent.spi.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, shipped inside its Maven artifact: nothing is downloaded) run in process through
 * langchain4j. 384 dimensions, vectors normalised to unit length. The last {@link #REMEMBERED} texts' vectors are
 * kept: a reply is embedded to read its intent, again as the grounding question and again when the message is indexed.
 */
public final class OnnxEmbedder implements Embedder {
    static final int REMEMBERED = 4_096;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    private OnnxEmbedder(AllMiniLmL6V2QuantizedEmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model (about 0.6 s). */
    public static OnnxEmbedder create() {
        return new OnnxEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (int i = 0; i < out.length; i++) {
                out[i] = recent.get(texts.get(i));
                if (out[i] == null) {
                    missing.add(texts.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            var response =
                    model.embedAll(missing.stream().map(TextSegment::from).toList());
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                fresh.put(missing.get(i), unit(response.content().get(i).vector()));
            }
            synchronized (recent) {
                recent.putAll(fresh);
            }
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = fresh.get(texts.get(i));
                }
            }
        }
        return Arrays.asList(out);
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    @Override
    public String toString() {
        return "OnnxEmbedder[all-MiniLM-L6-v2-q, 384]";
    }
}
