package dev.aragent.store;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ApprovalBook;
import dev.aragent.agent.spi.ApprovalBookContract;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

class PostgresApprovalBookIT implements ApprovalBookContract {
    private static Database db;
    private static ApprovalBook book;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        book = PostgresApprovalBook.create(db);
    }

    @Override
    public ApprovalBook book() {
        return book;
    }

    /** The rows a turn's approval request finds or writes, as {@link ApprovalRows} writes them. */
    @Override
    public void givenRequested(TenantId tenant, Approval a) {
        ApprovalRows.requested(db, tenant, a);
    }

    @Override
    public List<UUID> queuedMessages(TenantId tenant) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select message_id from messages where tenant_id = :t and direction = 'outbound' order by seq")
                        .bind("t", tenant.value())
                        .mapTo(UUID.class)
                        .list());
    }
}
