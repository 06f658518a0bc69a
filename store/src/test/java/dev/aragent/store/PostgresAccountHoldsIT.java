package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.AccountHoldsContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** Account holds in the store ({@code account_holds}): the contract. */
class PostgresAccountHoldsIT implements AccountHoldsContract {
    private static Database db;
    private static AccountHolds holds;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        holds = PostgresAccountHolds.create(db);
    }

    @Override
    public AccountHolds holds() {
        return holds;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        LedgerRows.owingOneEach(db, NOW, tenant, customers, 100);
    }
}
