package dev.aragent.agent.app;

import dev.aragent.agent.grounding.Document;
import dev.aragent.agent.grounding.Grounding;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes conversation messages off the threads that answer debtors: one writer, in order, taking whatever has queued
 * up (up to {@link #BATCH}) in one go, so a busy hour costs one embedding call and one index commit per batch rather
 * than per message. A message the index misses is indexed again with its account.
 */
public final class MessageIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageIndexer.class);
    public static final int BATCH = 64;

    private final Supplier<Grounding> grounding;
    private final LinkedBlockingQueue<Document> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    public MessageIndexer(Supplier<Grounding> grounding) {
        this.grounding = grounding;
        this.writer = Thread.ofVirtual().name("message-indexer").start(this::run);
    }

    /** Queues a message; it is searchable once the writer has taken it (usually within milliseconds). */
    public void add(Document message) {
        if (closing) {
            throw new IllegalStateException("the message indexer is closed");
        }
        pending.add(message);
    }

    private void run() {
        while (!closing || !pending.isEmpty()) {
            try {
                Document first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Document> batch = new ArrayList<>(BATCH);
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                index(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void index(List<Document> batch) {
        Map<TenantId, List<Document>> byTenant = new LinkedHashMap<>();
        batch.forEach(d ->
                byTenant.computeIfAbsent(d.tenant(), t -> new ArrayList<>()).add(d));
        byTenant.forEach((tenant, documents) -> {
            try {
                grounding.get().index(tenant, documents, n -> {});
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue("error", e.toString())
                        .addKeyValue("messages", documents.size())
                        .log("could not index messages");
            }
        });
    }

    /** Indexes what is queued (waiting up to 30 s), then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            if (!writer.join(java.time.Duration.ofSeconds(30))) {
                writer.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
