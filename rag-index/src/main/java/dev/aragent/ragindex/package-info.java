/**
 * Grounded retrieval: the {@link dev.aragent.ragindex.OnnxEmbedder} (all-MiniLM-L6-v2 in process) and the {@link
 * dev.aragent.ragindex.LuceneRetriever} (HNSW vectors plus BM25 on disk, pre-filtered by tenant and account, ranks
 * fused). Start with {@link dev.aragent.ragindex.LuceneRetriever}.
 */
@NullMarked
package dev.aragent.ragindex;

import org.jspecify.annotations.NullMarked;
