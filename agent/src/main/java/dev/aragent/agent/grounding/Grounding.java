package dev.aragent.agent.grounding;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.Retriever;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Keeps the retrieval index in step with the book and answers questions from it: documents are chunked, embedded in
 * batches and upserted; a question is embedded and retrieved, filtered to one account.
 */
public final class Grounding {
    private static final int BATCH = 64;

    private final Embedder embedder;
    private final Retriever retriever;
    private final Chunker chunker;
    private final Clock clock;

    private Grounding(Embedder embedder, Retriever retriever, Chunker chunker, Clock clock) {
        this.embedder = embedder;
        this.retriever = retriever;
        this.chunker = chunker;
        this.clock = clock;
    }

    public static Grounding create(Embedder embedder, Retriever retriever, Clock clock) {
        return new Grounding(embedder, retriever, Chunker.standard(), clock);
    }

    /** Indexes (or re-indexes) documents; {@code progress} hears how many documents are done. Returns the chunk count. */
    public int index(TenantId tenant, List<Document> documents, IntConsumer progress) {
        int chunks = 0;
        for (int from = 0; from < documents.size(); from += BATCH) {
            List<Document> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
            List<String> texts = new ArrayList<>();
            List<Document> owners = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (Document d : batch) {
                List<String> parts = chunker.split(d.text());
                for (int p = 0; p < parts.size(); p++) {
                    texts.add(parts.get(p));
                    owners.add(d);
                    positions.add(p);
                }
            }
            List<float[]> vectors = embedder.embed(texts);
            List<Chunk> out = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                Document d = owners.get(i);
                out.add(new Chunk(d.key() + "#" + positions.get(i), d, positions.get(i), texts.get(i), vectors.get(i)));
            }
            retriever.upsert(tenant, out);
            chunks += out.size();
            progress.accept(from + batch.size());
        }
        return chunks;
    }

    /** Re-indexes everything the book holds about one account; returns the number of documents. */
    public int indexAccount(TenantId tenant, dev.aragent.agent.spi.Ledger.AccountFile file) {
        return indexAccount(tenant, java.util.Optional.empty(), file);
    }

    /** The same, with the customer's terms as a contract-term document. */
    public int indexAccount(
            TenantId tenant,
            java.util.Optional<dev.aragent.agent.ledger.Customer> customer,
            dev.aragent.agent.spi.Ledger.AccountFile file) {
        List<Document> docs = new ArrayList<>();
        customer.ifPresent(c -> docs.add(Documents.terms(tenant, c, file.invoices())));
        file.invoices().forEach(i -> docs.add(Documents.of(tenant, i)));
        file.creditMemos().forEach(m -> docs.add(Documents.of(tenant, m)));
        file.payments().forEach(p -> docs.add(Documents.of(tenant, p)));
        file.notes().forEach(n -> docs.add(Documents.of(tenant, n)));
        index(tenant, docs, n -> {});
        return docs.size();
    }

    /** What the account's documents say about {@code question}, best first, at most {@code k}. */
    public List<Passage> ask(TenantId tenant, CustomerKey account, String question, int k) {
        return retriever.retrieve(query(tenant, Optional.of(account), question, k));
    }

    /** Across the tenant's whole book (staff use: similar disputes, notes mentioning a topic). */
    public List<Passage> askBook(TenantId tenant, String question, int k) {
        return retriever.retrieve(query(tenant, Optional.empty(), question, k));
    }

    private Query query(TenantId tenant, Optional<CustomerKey> account, String question, int k) {
        return new Query(
                tenant, account, question, embedder.embed(List.of(question)).getFirst(), k, LocalDate.now(clock));
    }
}
