package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Workflow;
import java.util.Optional;

/**
 * The batch runs of each tenant, step by step, for the AR manager to read. Adapters: store
 * ({@code PostgresBatchRuns}), agent tests ({@code InMemoryBatchRuns}).
 */
public interface BatchRuns {

    /** Keeps one run (a tenant keeps its recent runs; how many is the adapter's). */
    void record(TenantId tenant, Workflow run);

    /** The tenant's latest run, if it had one. */
    Optional<Workflow> latest(TenantId tenant);

    /** Runs kept nowhere: for a book being evaluated or simulated without anyone to read them. */
    static BatchRuns none() {
        return new BatchRuns() {
            @Override
            public void record(TenantId tenant, Workflow run) {}

            @Override
            public Optional<Workflow> latest(TenantId tenant) {
                return Optional.empty();
            }
        };
    }
}
