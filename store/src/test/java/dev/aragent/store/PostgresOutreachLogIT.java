package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.OutreachLog;
import dev.aragent.agent.spi.OutreachLogContract;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PostgresOutreachLog} against the contract: steps in {@code outreach}, hand-offs in {@code tasks}, whose status
 * the tests move as a call task or a person would (the owner's connections, as {@link PostgresContactLogIT} does).
 */
class PostgresOutreachLogIT implements OutreachLogContract {
    private static Database db;
    private static OutreachLog log;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        log = PostgresOutreachLog.create(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    public OutreachLog log() {
        return log;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        LedgerRows.imported(db, NOW, tenant, customers, List.of());
    }

    @Override
    public List<String> tasksForPeople(TenantId tenant) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("""
                                select customer_key, kind, detail from tasks
                                where tenant_id = :t and status in ('open', 'for_a_person')""")
                        .bind("t", tenant.value())
                        .map((rs, ctx) -> OutreachLogContract.task(
                                CustomerKey.of(rs.getString("customer_key")),
                                rs.getString("kind"),
                                rs.getString("detail")))
                        .list());
    }

    @Override
    public void givenWithAPerson(TenantId tenant, CustomerKey customer, String kind, String detail) {
        settle(tenant, customer, kind, detail, "for_a_person");
    }

    @Override
    public void givenDone(TenantId tenant, CustomerKey customer, String kind, String detail) {
        settle(tenant, customer, kind, detail, "done");
    }

    private static void settle(TenantId tenant, CustomerKey customer, String kind, String detail, String status) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("""
                                update tasks set status = :s
                                where tenant_id = :t and customer_key = :c and kind = :k and detail = :d
                                  and status in ('open', 'for_a_person')""")
                        .bind("s", status)
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .bind("k", kind)
                        .bind("d", detail)
                        .execute());
    }
}
