package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Workflow;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Batch runs in memory, for tests: the latest of each tenant. */
public final class InMemoryBatchRuns implements BatchRuns {
    private final Map<TenantId, Workflow> latest = new HashMap<>();

    @Override
    public synchronized void record(TenantId tenant, Workflow run) {
        Workflow now = latest.get(tenant);
        if (now == null || !run.at().isBefore(now.at())) {
            latest.put(tenant, run);
        }
    }

    @Override
    public synchronized Optional<Workflow> latest(TenantId tenant) {
        return Optional.ofNullable(latest.get(tenant));
    }
}
