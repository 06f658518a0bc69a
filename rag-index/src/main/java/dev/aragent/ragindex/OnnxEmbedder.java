package dev.aragent.ragindex;

import dev.aragent.agent.spi.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, shipped inside its Maven artifact: nothing is downloaded) run in process through
 * langchain4j. 384 dimensions, vectors normalised to unit length.
 */
public final class OnnxEmbedder implements Embedder {
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

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
        var response = model.embedAll(texts.stream().map(TextSegment::from).toList());
        List<float[]> out = new ArrayList<>(texts.size());
        for (var e : response.content()) {
            out.add(unit(e.vector()));
        }
        return out;
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
