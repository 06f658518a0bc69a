package dev.aragent.agent.grounding;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion of a vector ranking and a keyword ranking, with a small recency term, so every retriever
 * ranks the same way: score = Σ 1/(60 + rank) over the rankings a passage appears in, plus a twentieth of a rank for
 * being recent (a half-life of 180 days).
 */
public final class Fusion {
    private static final int K = 60;
    private static final double HALF_LIFE_DAYS = 180;
    /** A twentieth of a top rank: enough to order equals by date, too little to overturn relevance. */
    private static final double RECENCY_WEIGHT = 0.05;

    private Fusion() {}

    /** A candidate from one ranking: its chunk id and the passage it would be. */
    public record Candidate(String chunkId, Passage passage) {}

    public static List<Passage> fuse(List<Candidate> byVector, List<Candidate> byKeyword, LocalDate today, int k) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Passage> passages = new HashMap<>();
        add(byVector, score, passages);
        add(byKeyword, score, passages);
        List<Passage> out = new ArrayList<>();
        for (var e : score.entrySet()) {
            Passage p = passages.get(e.getKey());
            double age = Math.max(0, ChronoUnit.DAYS.between(p.date(), today));
            double recency = RECENCY_WEIGHT / (K + 1) * Math.pow(0.5, age / HALF_LIFE_DAYS);
            out.add(new Passage(p.type(), p.sourceId(), p.account(), p.date(), p.snippet(), e.getValue() + recency));
        }
        // best first; ties broken by source id so results are stable
        out.sort(Comparator.comparingDouble(Passage::score).reversed().thenComparing(Passage::sourceId));
        // one passage per document: its best chunk
        List<Passage> unique = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Passage p : out) {
            if (seen.add(p.type() + ":" + p.sourceId()) && unique.size() < k) {
                unique.add(p);
            }
        }
        return unique;
    }

    private static void add(List<Candidate> ranking, Map<String, Double> score, Map<String, Passage> passages) {
        for (int r = 0; r < ranking.size(); r++) {
            Candidate c = ranking.get(r);
            score.merge(c.chunkId(), 1.0 / (K + r + 1), Double::sum);
            passages.putIfAbsent(c.chunkId(), c.passage());
        }
    }

    /** Lower-case word tokens, for keyword scoring by retrievers without a text engine. */
    public static List<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
