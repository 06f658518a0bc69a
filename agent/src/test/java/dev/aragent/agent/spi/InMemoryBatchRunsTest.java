package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;

class InMemoryBatchRunsTest implements BatchRunsContract {
    private final InMemoryBatchRuns runs = new InMemoryBatchRuns();

    @Override
    public BatchRuns runs() {
        return runs;
    }

    @Override
    public void givenTenant(TenantId tenant) {}
}
