package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaIT {
    private static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
    }

    @Test
    void everyTableShouldLeadItsPrimaryKeyWithTheTenant() {
        // people are the one table without a tenant: a person may belong to several (their memberships are per tenant);
        // unknown_logins counts sign-ins as logins that are nobody's, before any tenant is known
        List<Map<String, Object>> keys =
                db.jdbi().withHandle(h -> h.createQuery("""
                        select c.relname as table_name, a.attname as first_column
                        from pg_index i
                        join pg_class c on c.oid = i.indrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                        where i.indisprimary and n.nspname = 'public'
                          and c.relname not in ('flyway_schema_history', 'people', 'unknown_logins')""").mapToMap().list());

        assertThat(keys)
                .extracting(k -> k.get("table_name"))
                .contains(
                        "tenants",
                        "customers",
                        "contacts",
                        "invoices",
                        "credit_memos",
                        "payments",
                        "payment_allocations",
                        "notes",
                        "imports",
                        "conversations",
                        "messages",
                        "promises",
                        "disputes",
                        "dispositions",
                        "approvals",
                        "outbox",
                        "audit_log",
                        "memberships",
                        "sessions",
                        "api_tokens");
        assertThat(keys)
                .allSatisfy(k -> assertThat(k.get("first_column"))
                        .as(k.get("table_name").toString())
                        .isEqualTo("tenant_id"));
    }

    @Test
    void theAuditLogShouldRefuseUpdatesAndDeletes() {
        db.jdbi().useHandle(h -> {
            h.execute("insert into tenants (tenant_id, name, created_at) values ('t1', 't1', now())");
            h.execute(
                    "insert into audit_log (tenant_id, occurred_at, actor, action, subject, detail) values ('t1', now(), 'test', 'x', 'y', '{}')");
        });

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("update audit_log set actor = 'someone else'")))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("delete from audit_log")))
                .hasMessageContaining("append-only");
        int rows = db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void moneyColumnsShouldRejectANegativeOpenBalance() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> {
                    h.execute(
                            "insert into tenants (tenant_id, name, created_at) values ('t2', 't2', now()) on conflict do nothing");
                    h.execute(
                            "insert into customers (tenant_id, customer_key, name, created_at, updated_at) values ('t2', 'c', 'c', now(), now())");
                    h.execute("""
                            insert into invoices (tenant_id, number, customer_key, issue_date, due_date, currency, amount_minor,
                                open_minor, status, updated_at)
                            values ('t2', 'I', 'c', '2026-01-01', '2026-01-31', 'USD', 100, -1, 'open', now())""");
                }))
                .hasMessageContaining("invoices_check");
    }

    @Test
    void migratingAgainShouldBeANoOp() {
        int before = appliedMigrations();
        db.migrate();

        assertThat(appliedMigrations()).isEqualTo(before).isGreaterThanOrEqualTo(3);
        assertThat(db.healthy()).isTrue();
    }

    private static int appliedMigrations() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from flyway_schema_history where success")
                        .mapTo(Integer.class)
                        .one());
    }
}
