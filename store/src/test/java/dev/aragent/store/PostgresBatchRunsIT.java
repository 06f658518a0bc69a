package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.BatchRuns;
import dev.aragent.agent.spi.BatchRunsContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** Batch runs in the store ({@code batch_runs}, steps and lines): the contract. */
class PostgresBatchRunsIT implements BatchRunsContract {
    private static Database db;
    private static BatchRuns runs;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        runs = PostgresBatchRuns.create(db);
    }

    @Override
    public BatchRuns runs() {
        return runs;
    }

    @Override
    public void givenTenant(TenantId tenant) {
        LedgerRows.owingOneEach(db, NOW, tenant, List.of(), 100);
    }
}
