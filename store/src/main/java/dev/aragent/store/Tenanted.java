package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The service's connections to a tenant's rows: every call runs in a transaction that first sets {@code ar.tenant}
 * (local to the transaction), and PostgreSQL's row-level security shows and accepts only that tenant's rows — even a
 * query that forgets its {@code where tenant_id = …} cannot reach another tenant. The connections belong to a role
 * that neither owns the tables nor bypasses row-level security ({@link Database#migrate()} sets it up).
 */
final class Tenanted {
    private final Jdbi jdbi;

    Tenanted(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Sets the transaction's tenant: the policies of every tenant table compare {@code tenant_id} with it. */
    static void scope(Handle h, TenantId tenant) {
        h.createQuery("select set_config('ar.tenant', :t, true)")
                .bind("t", tenant.value())
                .mapTo(String.class)
                .one();
    }

    <R> R withHandle(TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(h -> {
            scope(h, tenant);
            return work.withHandle(h);
        });
    }

    <R> R inTransaction(TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return withHandle(tenant, work);
    }

    <R> R inTransaction(TransactionIsolationLevel level, TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(level, h -> {
            scope(h, tenant);
            return work.withHandle(h);
        });
    }

    void useHandle(TenantId tenant, HandleConsumer<RuntimeException> work) {
        jdbi.useTransaction(h -> {
            scope(h, tenant);
            work.useHandle(h);
        });
    }

    void useTransaction(TenantId tenant, HandleConsumer<RuntimeException> work) {
        useHandle(tenant, work);
    }

    /** The connections without a tenant: for the tables that are nobody's book (people, sessions, tokens). */
    Jdbi unscoped() {
        return jdbi;
    }
}
