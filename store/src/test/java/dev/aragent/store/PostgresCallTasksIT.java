package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CallTasks;
import dev.aragent.agent.spi.CallTasksContract;
import dev.aragent.agent.spi.VoiceJournal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** Call tasks in the store ({@code tasks} of kind {@code call_debtor}, joined to {@code calls}): the contract. */
class PostgresCallTasksIT implements CallTasksContract {
    private static Database db;
    private static PostgresCallTasks tasks;
    private static PostgresVoiceJournal calls;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        tasks = PostgresCallTasks.create(db);
        calls = PostgresVoiceJournal.create(db);
    }

    @Override
    public CallTasks tasks() {
        return tasks;
    }

    @Override
    public VoiceJournal calls() {
        return calls;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        LedgerRows.owingOneEach(db, NOW, tenant, customers, 120_000);
    }
}
