package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CashBook;
import dev.aragent.agent.spi.CashBookContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The cash book in the store ({@code bank_files}, {@code bank_lines}, {@code payer_aliases}): the contract. */
class PostgresCashBookIT implements CashBookContract {
    private static Database db;
    private static CashBook cash;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        cash = PostgresCashBook.create(db);
    }

    @Override
    public CashBook cash() {
        return cash;
    }

    @Override
    public void givenTenant(TenantId tenant) {
        LedgerRows.owingOneEach(db, AT, tenant, List.of(new CustomerKey("C-1")), 100);
    }
}
