package dev.aragent.ragindex;

import dev.aragent.agent.grounding.Chunk;
import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Fusion;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.grounding.Query;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.Retriever;
import dev.aragent.agent.spi.TransientFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded {@link Retriever}: one Lucene index holding, per chunk, its text (BM25) and its vector (HNSW), with
 * tenant and account as exact-match fields. Both searches run with the tenant/account filter inside the query (for
 * HNSW, Lucene's pre-filtered search, exact when the filter is small), and their ranks are fused ({@link Fusion}).
 */
public final class LuceneRetriever implements Retriever, VectorIndex, AutoCloseable {
    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private LuceneRetriever(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = new IndexWriter(
                directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index on disk (the embedded default lives under the data directory). */
    public static LuceneRetriever open(Path dir) {
        try {
            return new LuceneRetriever(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new PermanentFailure(
                    "cannot open the Lucene index at " + dir + ": " + e.getMessage()
                            + " (is another ar-agent using it?)",
                    e);
        }
    }

    /** An index in memory (tests, benchmarks). */
    public static LuceneRetriever inMemory() {
        try {
            return new LuceneRetriever(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void upsert(TenantId tenant, List<Chunk> chunks) {
        try {
            Set<String> docs = new HashSet<>();
            chunks.forEach(c -> docs.add(c.document().key()));
            for (String key : docs) {
                writer.deleteDocuments(scoped(tenant, new TermQuery(new Term("doc", key))));
            }
            for (Chunk c : chunks) {
                writer.addDocument(document(tenant, c));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TransientFailure("cannot write the index: " + e.getMessage(), e);
        }
    }

    private static Document document(TenantId tenant, Chunk c) {
        Document d = new Document();
        d.add(new StringField("id", tenant + "/" + c.id(), Field.Store.YES));
        d.add(new StringField("doc", c.document().key(), Field.Store.NO));
        d.add(new StringField("tenant", tenant.value(), Field.Store.NO));
        d.add(new StringField("account", c.document().account().value(), Field.Store.YES));
        d.add(new StoredField("type", c.document().type().name()));
        d.add(new StoredField("source", c.document().sourceId()));
        d.add(new StoredField("date", c.document().date().toString()));
        d.add(new TextField("text", c.text(), Field.Store.YES));
        d.add(new KnnFloatVectorField("vector", c.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    @Override
    public synchronized void delete(TenantId tenant, List<String> documentKeys) {
        try {
            for (String key : documentKeys) {
                writer.deleteDocuments(scoped(tenant, new TermQuery(new Term("doc", key))));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TransientFailure("cannot delete from the index: " + e.getMessage(), e);
        }
    }

    private static org.apache.lucene.search.Query scoped(TenantId tenant, org.apache.lucene.search.Query q) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term("tenant", tenant.value())), BooleanClause.Occur.FILTER)
                .add(q, BooleanClause.Occur.FILTER)
                .build();
    }

    @Override
    public List<Passage> retrieve(Query q) {
        org.apache.lucene.search.Query scope = scope(q.tenant(), q.account());
        int n = Math.max(q.k() * 4, 40);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Fusion.Candidate> byVector =
                        candidates(searcher, vectorSearch(searcher, q.account(), scope, q.vector(), n, n));
                List<Fusion.Candidate> byKeyword = keywords(q.text()).isEmpty()
                        ? List.of()
                        : candidates(searcher, searcher.search(keywordQuery(q.text(), scope), n));
                return Fusion.fuse(byVector, byKeyword, q.today(), q.k());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new TransientFailure("cannot search the index: " + e.getMessage(), e);
        }
    }

    /**
     * One account's chunks are few (hundreds): scoring each against the question is exact and cheaper than walking the
     * graph under a filter, which Lucene would abandon for exact search anyway. A search across the tenant walks the
     * HNSW graph, exploring {@code candidates}.
     */
    private static TopDocs vectorSearch(
            IndexSearcher searcher,
            Optional<CustomerKey> account,
            org.apache.lucene.search.Query scope,
            float[] vector,
            int candidates,
            int k)
            throws IOException {
        if (account.isEmpty()) {
            return searcher.search(new KnnFloatVectorQuery("vector", vector, candidates, scope), k);
        }
        org.apache.lucene.search.Weight weight = searcher.createWeight(
                searcher.rewrite(scope), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
        java.util.PriorityQueue<ScoreDoc> best =
                new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble((ScoreDoc s) -> s.score));
        for (org.apache.lucene.index.LeafReaderContext leaf :
                searcher.getIndexReader().leaves()) {
            org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
            org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues("vector");
            if (scorer == null || values == null) {
                continue;
            }
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            org.apache.lucene.index.KnnVectorValues.DocIndexIterator vectors = values.iterator();
            org.apache.lucene.search.DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc();
                    doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                    doc = docs.nextDoc()) {
                if ((live != null && !live.get(doc)) || vectors.advance(doc) != doc) {
                    continue;
                }
                float score = VectorSimilarityFunction.DOT_PRODUCT.compare(vector, values.vectorValue(vectors.index()));
                if (best.size() < k) {
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                } else if (score > best.peek().score) {
                    best.poll();
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                }
            }
        }
        ScoreDoc[] out = best.toArray(new ScoreDoc[0]);
        java.util.Arrays.sort(out, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(
                new org.apache.lucene.search.TotalHits(
                        out.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
                out);
    }

    /** The tenant filter, and the account filter when there is one: applied inside both searches. */
    private static org.apache.lucene.search.Query scope(TenantId tenant, Optional<CustomerKey> account) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("tenant", tenant.value())), BooleanClause.Occur.FILTER);
        account.ifPresent(a -> filter.add(new TermQuery(new Term("account", a.value())), BooleanClause.Occur.FILTER));
        return filter.build();
    }

    private org.apache.lucene.search.Query keywordQuery(String text, org.apache.lucene.search.Query scope) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : keywords(text)) {
            words.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(scope, BooleanClause.Occur.FILTER)
                .add(words.build(), BooleanClause.Occur.MUST)
                .build();
    }

    /** The question's terms as the index analysed its text (stemmed, stop words dropped). */
    private List<String> keywords(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < 64) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Fusion.Candidate> candidates(IndexSearcher searcher, TopDocs top) throws IOException {
        List<Fusion.Candidate> out = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.add(new Fusion.Candidate(
                    d.get("id"),
                    new Passage(
                            DocType.valueOf(d.get("type").toUpperCase(Locale.ROOT)),
                            d.get("source"),
                            d.get("account"),
                            LocalDate.parse(d.get("date")),
                            d.get("text"),
                            0)));
        }
        return out;
    }

    @Override
    public List<String> nearest(TenantId tenant, Optional<CustomerKey> account, float[] vector, int k, int candidates) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top =
                        vectorSearch(searcher, account, scope(tenant, account), vector, Math.max(k, candidates), k);
                List<String> ids = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = stored.document(sd.doc).get("id");
                    ids.add(id.substring(id.indexOf('/') + 1));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new TransientFailure("cannot search the index: " + e.getMessage(), e);
        }
    }

    /** Merges the index into one segment (one HNSW graph to search): after a bulk load. */
    public synchronized void forceMerge() {
        try {
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TransientFailure("cannot merge the index: " + e.getMessage(), e);
        }
    }

    /** Chunks held, all tenants. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "LuceneRetriever[" + directory + "]";
    }
}
