package dev.aragent.agent.spi;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product measures similarity. Adapters: rag-index ({@code
 * OnnxEmbedder}: all-MiniLM-L6-v2 in process), agent tests ({@code HashingEmbedder}).
 */
public interface Embedder {
    int dimensions();

    /** One vector per text, in order. */
    List<float[]> embed(List<String> texts);
}
