package dev.aragent.store;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.note;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security, probed as the service role: every tenant table is bound by it, and random reads through the
 * stores and raw SQL that forgets its tenant filter find no other tenant's row.
 */
class RowLevelSecurityIT {
    private static final int TENANTS = 5;
    private static final int ACCOUNTS = 8;
    private static Database db;
    private static PostgresLedger ledger;
    private static final List<TenantId> TENANT_IDS = new ArrayList<>();

    @BeforeAll
    static void seed() {
        db = TestDatabase.fresh();
        ledger = PostgresLedger.create(db, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));
        for (int t = 0; t < TENANTS; t++) {
            TenantId tenant = TenantId.of("rls-" + t);
            TENANT_IDS.add(tenant);
            List<Customer> customers = new ArrayList<>();
            List<Invoice> invoices = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                // the same customer keys in every tenant; names and invoice numbers say whose they are
                customers.add(customer("C-" + a, tenant.value() + " customer " + a));
                invoices.add(open("C-" + a, tenant.value() + "-INV-" + a, LocalDate.of(2026, 10, 1), 10_000, 10_000));
            }
            ledger.apply(tenant, aging(customers, invoices, List.of()), audit(ImportKind.AGING, ACCOUNTS));
            ledger.apply(
                    tenant,
                    new ImportBatch(
                            ImportKind.NOTES,
                            "notes.csv",
                            "notes-" + tenant.value(),
                            java.util.Optional.empty(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(note("C-0", tenant.value() + "-note", "note of " + tenant.value()))),
                    audit(ImportKind.NOTES, 1));
        }
    }

    private static List<String> tenantTables() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'r'
                          and exists (select 1 from pg_attribute a
                                      where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                          and c.relname not in ('tenants', 'memberships', 'sessions', 'api_tokens')
                        order by 1""").mapTo(String.class).list());
    }

    @Test
    void everyTenantTableIsBoundByAPolicyAndTheServiceRoleCannotEscapeIt() {
        List<String> tables = tenantTables();
        assertThat(tables)
                .contains("customers", "invoices", "messages", "audit_log", "approvals")
                .hasSizeGreaterThan(20);
        List<Map<String, Object>> unguarded = db.jdbi()
                .withHandle(h -> h.createQuery("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               (select count(*) from pg_policy p where p.polrelid = c.oid) as policies,
                               pg_get_userbyid(c.relowner) as owner
                        from pg_class c where c.relname in (<tables>) and c.relnamespace = 'public'::regnamespace""").bindList("tables", tables).mapToMap().list().stream()
                        .filter(r -> !(Boolean) r.get("relrowsecurity")
                                || ((Number) r.get("policies")).intValue() == 0
                                || db.serviceRole().equals(r.get("owner")))
                        .toList());
        assertThat(unguarded).isEmpty();
        Map<String, Object> role = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = :r")
                        .bind("r", db.serviceRole())
                        .mapToMap()
                        .one());
        assertThat(role.values()).containsOnly(false);
        assertThat(db.serviceRole()).startsWith("ar_agent_service_test_");
        String timeout = db.service()
                .withHandle(h -> h.createQuery("show statement_timeout")
                        .mapTo(String.class)
                        .one());
        assertThat(timeout).as("no statement of the service runs for ever").isEqualTo("1min");
        String user = db.service()
                .withHandle(h ->
                        h.createQuery("select current_user").mapTo(String.class).one());
        assertThat(user).isEqualTo(db.serviceRole());
    }

    @Test
    void rawSqlWithoutATenantFilterSeesOnlyTheScopedTenantAndNothingUnscoped() {
        for (String table : tenantTables()) {
            for (TenantId tenant : TENANT_IDS) {
                List<String> seen = db.tenanted()
                        .withHandle(
                                tenant,
                                h -> h.createQuery("select distinct tenant_id from " + table)
                                        .mapTo(String.class)
                                        .list());
                assertThat(seen).as(table + " as " + tenant).allMatch(tenant.value()::equals);
            }
            long unscoped = db.service()
                    .withHandle(h -> h.createQuery("select count(*) from " + table)
                            .mapTo(Long.class)
                            .one());
            assertThat(unscoped).as(table + " without a tenant").isZero();
        }
        long owner = db.jdbi()
                .withHandle(h -> h.createQuery("select count(distinct tenant_id) from invoices")
                        .mapTo(Long.class)
                        .one());
        assertThat(owner)
                .as("the owner sees every tenant (so the rows are there)")
                .isEqualTo(TENANTS);
    }

    @Test
    void workForOneTenantCannotNestWorkForAnother() {
        TenantId a = TENANT_IDS.get(0);
        TenantId b = TENANT_IDS.get(1);
        assertThatThrownBy(() -> db.tenanted().withHandle(a, h -> db.tenanted().withHandle(b, inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside work for " + a.value());
        long seen = db.tenanted()
                .withHandle(
                        a,
                        h -> db.tenanted()
                                .withHandle(
                                        a,
                                        inner -> inner.createQuery("select count(distinct tenant_id) from invoices")
                                                .mapTo(Long.class)
                                                .one()));
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void theServiceCannotRunCommandsOnTheDatabaseMachine() {
        assertThatThrownBy(() -> db.service().useHandle(h -> h.execute("copy (select 1) to program 'true'")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.tenanted()
                        .useHandle(
                                TENANT_IDS.get(0), h -> h.execute("alter table invoices disable row level security")))
                .hasMessageContaining("must be owner");
    }

    @Test
    void aRowForAnotherTenantCannotBeWrittenOrChanged() {
        TenantId a = TENANT_IDS.get(0);
        TenantId b = TENANT_IDS.get(1);
        assertThatThrownBy(() -> db.tenanted().useHandle(a, h -> h.execute("""
                        insert into customers (tenant_id, customer_key, name, created_at, updated_at)
                        values (?, 'C-X', 'planted', now(), now())""", b.value())))
                .hasMessageContaining("row-level security");
        int changed = db.tenanted()
                .withHandle(
                        a,
                        h -> h.createUpdate("update invoices set open_minor = 0 where tenant_id = :b")
                                .bind("b", b.value())
                                .execute());
        assertThat(changed).isZero();
        int deleted = db.tenanted()
                .withHandle(
                        a,
                        h -> h.createUpdate("delete from notes where tenant_id = :b")
                                .bind("b", b.value())
                                .execute());
        assertThat(deleted).isZero();
        assertThat(ledger.accountFile(b, CustomerKey.of("C-1")).invoices())
                .singleElement()
                .satisfies(i -> assertThat(i.openBalance()).isEqualTo(i.amount()));
    }

    @Test
    void randomReadsThroughTheStoresFindNoOtherTenantsRows() {
        SplittableRandom random = new SplittableRandom(20261203);
        int leaks = 0;
        for (int i = 0; i < 200; i++) {
            TenantId tenant = TENANT_IDS.get(random.nextInt(TENANTS));
            CustomerKey key = CustomerKey.of("C-" + random.nextInt(ACCOUNTS));
            var file = ledger.accountFile(tenant, key);
            leaks += (int) file.invoices().stream()
                    .filter(inv -> !inv.number().startsWith(tenant.value() + "-"))
                    .count();
            leaks += (int) file.notes().stream()
                    .filter(n -> !n.body().contains(tenant.value()))
                    .count();
            leaks += (int) ledger.customers(tenant).stream()
                    .filter(c -> !c.name().startsWith(tenant.value()))
                    .count();
        }
        assertThat(leaks).isZero();
    }
}
