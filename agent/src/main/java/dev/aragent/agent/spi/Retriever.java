package dev.aragent.agent.spi;

import dev.aragent.agent.grounding.Chunk;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.grounding.Query;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;

/**
 * Finds passages relevant to a question, hybrid (vector and keyword ranks fused) with a recency boost, always filtered
 * by tenant (and account, when the query names one) inside the index query. Adapters: rag-index ({@code
 * LuceneRetriever}), agent tests ({@code InMemoryRetriever}).
 */
public interface Retriever {

    /** Adds or replaces the chunks of these documents (a document's earlier chunks are removed first). */
    void upsert(TenantId tenant, List<Chunk> chunks);

    /** Removes documents by key ({@code type:sourceId}). */
    void delete(TenantId tenant, List<String> documentKeys);

    List<Passage> retrieve(Query query);
}
