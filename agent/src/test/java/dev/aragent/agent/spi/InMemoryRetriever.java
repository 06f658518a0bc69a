package dev.aragent.agent.spi;

import dev.aragent.agent.grounding.Chunk;
import dev.aragent.agent.grounding.Fusion;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.grounding.Query;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link Retriever} in memory: exact vector search and word-overlap keyword search, fused like the real ones. */
public final class InMemoryRetriever implements Retriever {
    private record Entry(TenantId tenant, Chunk chunk) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void upsert(TenantId tenant, List<Chunk> chunks) {
        Set<String> docs = new HashSet<>();
        chunks.forEach(c -> docs.add(c.document().key()));
        delete(tenant, List.copyOf(docs));
        chunks.forEach(c -> entries.put(tenant + "/" + c.id(), new Entry(tenant, c)));
    }

    @Override
    public synchronized void delete(TenantId tenant, List<String> documentKeys) {
        entries.values()
                .removeIf(e -> e.tenant().equals(tenant)
                        && documentKeys.contains(e.chunk().document().key()));
    }

    @Override
    public synchronized List<Passage> retrieve(Query q) {
        List<Chunk> scope = entries.values().stream()
                .filter(e -> e.tenant().equals(q.tenant()))
                .filter(e -> q.account()
                        .map(a -> a.equals(e.chunk().document().account()))
                        .orElse(true))
                .map(Entry::chunk)
                .toList();
        int n = Math.max(q.k() * 4, 40);
        List<Fusion.Candidate> byVector = scope.stream()
                .sorted(Comparator.comparingDouble((Chunk c) -> -dot(c.vector(), q.vector()))
                        .thenComparing(Chunk::id))
                .limit(n)
                .map(InMemoryRetriever::candidate)
                .toList();
        List<String> words = Fusion.words(q.text());
        List<Fusion.Candidate> byKeyword = scope.stream()
                .filter(c -> overlap(c, words) > 0)
                .sorted(Comparator.comparingInt((Chunk c) -> -overlap(c, words)).thenComparing(Chunk::id))
                .limit(n)
                .map(InMemoryRetriever::candidate)
                .toList();
        return Fusion.fuse(byVector, byKeyword, q.today(), q.k());
    }

    private static Fusion.Candidate candidate(Chunk c) {
        var d = c.document();
        return new Fusion.Candidate(
                c.id(), new Passage(d.type(), d.sourceId(), d.account().value(), d.date(), c.text(), 0));
    }

    private static int overlap(Chunk c, List<String> words) {
        Set<String> have = new HashSet<>(Fusion.words(c.text()));
        return (int) words.stream().filter(have::contains).count();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** All chunk ids held, for tests. */
    public synchronized List<String> ids() {
        return new ArrayList<>(entries.keySet());
    }
}
