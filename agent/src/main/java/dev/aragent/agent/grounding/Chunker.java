package dev.aragent.agent.grounding;

import java.util.ArrayList;
import java.util.List;

/** Splits long text into overlapping windows of words, so a long note is found by any of its parts. */
public final class Chunker {
    private final int words;
    private final int overlap;

    private Chunker(int words, int overlap) {
        if (overlap >= words) {
            throw new IllegalArgumentException("overlap must be smaller than the chunk");
        }
        this.words = words;
        this.overlap = overlap;
    }

    /** About 120 words a chunk (MiniLM reads 256 word pieces), 30 words shared with the next. */
    public static Chunker standard() {
        return new Chunker(120, 30);
    }

    public static Chunker of(int words, int overlap) {
        return new Chunker(words, overlap);
    }

    public List<String> split(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length <= words) {
            return List.of(text.strip());
        }
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < tokens.length; start += words - overlap) {
            int end = Math.min(tokens.length, start + words);
            chunks.add(String.join(" ", java.util.Arrays.copyOfRange(tokens, start, end)));
            if (end == tokens.length) {
                break;
            }
        }
        return chunks;
    }
}
