package dev.aragent.simulator.cli;

import dev.aragent.agent.grounding.Chunk;
import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Document;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Progress;
import dev.aragent.ragindex.LuceneRetriever;
import dev.aragent.ragindex.OnnxEmbedder;
import dev.aragent.ragindex.PgVectorRetriever;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ar-agent bench rag}: recall@10 against exact search and latency, account-filtered and unfiltered, for Lucene
 * and (when {@code AR_PGVECTOR_URL} is set) pgvector, on clustered low-rank synthetic vectors for scale (uniformly
 * random ones have no neighbourhoods, so HNSW recall on them means nothing: STACK.md) or on MiniLM embeddings of the
 * sample book for quality.
 */
@Command(
        name = "rag",
        mixinStandardHelpOptions = true,
        header = "Vector retrieval recall@10 and latency, Lucene and pgvector side by side.",
        description = "Builds each store with N synthetic 384-d vectors (24-d latent space, 500 clusters, 10%% noise,"
                + " normalised; about 400 chunks per account), then runs account-filtered and unfiltered queries and"
                + " compares their top 10 with exact search. pgvector runs when AR_PGVECTOR_URL is set"
                + " (scripts/pgvector-dev.sh).")
final class RagBench implements Callable<Integer> {
    private static final int DIM = 384;
    private static final TenantId TENANT = TenantId.of("bench");

    @Option(
            names = "--chunks",
            paramLabel = "N",
            defaultValue = "200000",
            description = "vectors per store (default: ${DEFAULT-VALUE}; the issue's targets are 200000 and 1000000)")
    int chunks = 200_000;

    @Option(
            names = "--queries",
            paramLabel = "N",
            defaultValue = "200",
            description = "queries of each kind (default: ${DEFAULT-VALUE})")
    int queries = 200;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "HNSW candidates explored per query (Lucene k, pgvector ef_search; default: ${DEFAULT-VALUE})")
    int candidates = 100;

    @Option(
            names = "--vectors",
            paramLabel = "KIND",
            defaultValue = "synthetic",
            description = "synthetic (clustered low-rank vectors, for scale) or book (MiniLM embeddings of the sample"
                    + " book's invoices, payments, notes and tickets, for quality; --chunks caps the documents, about"
                    + " 60000; embedding runs at ~230 per second)")
    String source = "synthetic";

    @Option(
            names = "--stores",
            paramLabel = "WHICH",
            defaultValue = "both",
            description = "lucene, pgvector or both (default: ${DEFAULT-VALUE})")
    String stores = "both";

    @Override
    public Integer call() {
        if (!List.of("lucene", "pgvector", "both").contains(stores)) {
            throw new IllegalArgumentException("--stores must be lucene, pgvector or both");
        }
        if (!List.of("synthetic", "book").contains(source)) {
            throw new IllegalArgumentException("--vectors must be synthetic or book");
        }
        Random random = new Random(2026);
        float[][] vectors;
        String[] accountOf;
        List<float[]> filteredQueries = new ArrayList<>();
        List<String> filteredAccounts = new ArrayList<>();
        List<float[]> openQueries = new ArrayList<>();
        if (source.equals("book")) {
            OnnxEmbedder embedder = OnnxEmbedder.create();
            BookVectors.Corpus corpus = BookVectors.embed(embedder, chunks, random);
            vectors = corpus.vectors();
            accountOf = corpus.accounts();
            List<String> fText = new ArrayList<>();
            List<String> oText = new ArrayList<>();
            for (int q = 0; q < queries; q++) {
                int seed = random.nextInt(vectors.length);
                filteredAccounts.add(accountOf[seed]);
                fText.add(BookVectors.accountQuestion(corpus, seed, random));
                oText.add(BookVectors.bookQuestion(random));
            }
            filteredQueries.addAll(embedder.embed(fText));
            openQueries.addAll(embedder.embed(oText));
        } else {
            vectors = SyntheticVectors.clustered(chunks, DIM, random);
            int accounts = Math.max(1, chunks / 400);
            accountOf = new String[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                accountOf[i] = "A-" + (i % accounts);
            }
            for (int q = 0; q < queries; q++) {
                int seed = random.nextInt(chunks);
                filteredAccounts.add(accountOf[seed]);
                filteredQueries.add(SyntheticVectors.near(vectors[seed], random));
                openQueries.add(SyntheticVectors.near(vectors[random.nextInt(chunks)], random));
            }
        }
        long accounts = java.util.Arrays.stream(accountOf).distinct().count();
        System.out.println("rag.vectors: " + source);
        System.out.println("rag.chunks: " + vectors.length);
        System.out.println("rag.dimensions: " + DIM);
        System.out.println("rag.accounts: " + accounts);
        long t0 = System.nanoTime();
        List<List<String>> exactFiltered = new ArrayList<>();
        List<List<String>> exactOpen = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            String acct = filteredAccounts.get(q);
            exactFiltered.add(
                    SyntheticVectors.exact(vectors, filteredQueries.get(q), 10, i -> accountOf[i].equals(acct)));
            exactOpen.add(SyntheticVectors.exact(vectors, openQueries.get(q), 10, i -> true));
        }
        System.out.printf(Locale.ROOT, "rag.exact.seconds: %.1f%n", (System.nanoTime() - t0) / 1e9);

        if (!stores.equals("pgvector")) {
            try (LuceneRetriever lucene = LuceneRetriever.inMemory()) {
                long heap0 = usedHeap();
                double build = load((batch) -> lucene.upsert(TENANT, batch), vectors, accountOf, "lucene");
                long m0 = System.nanoTime();
                lucene.forceMerge();
                build += (System.nanoTime() - m0) / 1e9;
                System.out.printf(Locale.ROOT, "rag.lucene.build.seconds: %.1f%n", build);
                System.out.printf(Locale.ROOT, "rag.lucene.heap.mib: %d%n", (usedHeap() - heap0) / (1024 * 1024));
                measure(
                        "rag.lucene",
                        (acct, v) -> lucene.nearest(TENANT, acct.map(CustomerKey::of), v, 10, candidates),
                        filteredQueries,
                        filteredAccounts,
                        exactFiltered,
                        openQueries,
                        exactOpen);
            }
        }
        if (stores.equals("lucene")) {
            return 0;
        }
        String url = System.getenv("AR_PGVECTOR_URL");
        if (url == null || url.isBlank()) {
            System.out.println(
                    "rag.pgvector: skipped (set AR_PGVECTOR_URL; sudo scripts/pgvector-dev.sh builds a server)");
            return 0;
        }
        PGSimpleDataSource pgds = new PGSimpleDataSource();
        pgds.setUrl(url);
        javax.sql.DataSource ds = OneConnection.of(pgds);
        PgVectorRetriever pg = PgVectorRetriever.create(ds, "rag_bench", DIM);
        try {
            pg.drop();
            pg = PgVectorRetriever.create(ds, "rag_bench", DIM);
            PgVectorRetriever store = pg;
            long started = System.nanoTime();
            double[] loaded = new double[1];
            store.bulkLoad(
                    () -> loaded[0] = load((batch) -> store.upsert(TENANT, batch), vectors, accountOf, "pgvector"),
                    "4GB",
                    2);
            System.out.printf(Locale.ROOT, "rag.pgvector.load.seconds: %.1f%n", loaded[0]);
            System.out.printf(Locale.ROOT, "rag.pgvector.build.seconds: %.1f%n", (System.nanoTime() - started) / 1e9);
            measure(
                    "rag.pgvector",
                    (acct, v) -> store.nearest(TENANT, acct.map(CustomerKey::of), v, 10, candidates),
                    filteredQueries,
                    filteredAccounts,
                    exactFiltered,
                    openQueries,
                    exactOpen);
        } finally {
            pg.drop();
        }
        return 0;
    }

    private interface Search {
        List<String> nearest(Optional<String> account, float[] vector);
    }

    private interface Sink {
        void accept(List<Chunk> batch);
    }

    private static double load(Sink sink, float[][] vectors, String[] accountOf, String name) {
        long t0 = System.nanoTime();
        Progress progress = new Progress(System.err, vectors.length / 10_000 + 1);
        List<Chunk> batch = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < vectors.length; i++) {
            Document d = new Document(TENANT, CustomerKey.of(accountOf[i]), DocType.NOTE, "c" + i, day, "chunk " + i);
            batch.add(new Chunk("c" + i, d, 0, d.text(), vectors[i]));
            if (batch.size() == 10_000 || i == vectors.length - 1) {
                sink.accept(batch);
                batch = new ArrayList<>();
                progress.advance(name + " " + (i + 1) + " vectors");
            }
        }
        progress.finish(name + " built");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void measure(
            String prefix,
            Search search,
            List<float[]> fq,
            List<String> fa,
            List<List<String>> fx,
            List<float[]> oq,
            List<List<String>> ox) {
        report(prefix + ".filtered", fq.size(), q -> search.nearest(Optional.of(fa.get(q)), fq.get(q)), fx);
        report(prefix + ".unfiltered", oq.size(), q -> search.nearest(Optional.empty(), oq.get(q)), ox);
    }

    private static void report(
            String prefix, int n, java.util.function.IntFunction<List<String>> run, List<List<String>> exact) {
        for (int q = 0; q < n; q++) { // warm-up: every query once, so both stores are measured with warm caches
            int warm = run.apply(q).size();
            assert warm >= 0;
        }
        long[] nanos = new long[n];
        double recall = 0;
        for (int q = 0; q < n; q++) {
            long t = System.nanoTime();
            List<String> got = run.apply(q);
            nanos[q] = System.nanoTime() - t;
            Set<String> want = new HashSet<>(exact.get(q));
            recall += got.stream().filter(want::contains).count() / (double) Math.max(1, want.size());
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s.recall@10: %.3f%n", prefix, recall / n);
        System.out.printf(Locale.ROOT, "%s.p50: %.2f ms%n", prefix, nanos[n / 2] / 1e6);
        System.out.printf(Locale.ROOT, "%s.p99: %.2f ms%n", prefix, nanos[Math.min(n - 1, (int) (n * 0.99))] / 1e6);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
