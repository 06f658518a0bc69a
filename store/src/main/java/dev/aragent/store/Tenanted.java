package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.postgresql.PGConnection;

/**
 * The service's connections to a tenant's rows. Before any work, a connection's {@code ar.tenant} is set to the
 * tenant asked for — PostgreSQL's row-level security then shows and accepts only that tenant's rows, and a query
 * that forgets its {@code where tenant_id = …} still cannot reach another tenant. The setting is made outside any
 * transaction (so no rollback can undo it) and lasts for the connection's session; each physical connection remembers
 * the tenant it carries, so consecutive work for one tenant costs no extra round trip. These connections are used for
 * nothing else (their pool is their own), and belong to a role that neither owns the tables nor bypasses row-level
 * security ({@link Database#migrate()} sets it up).
 */
final class Tenanted {
    private final Jdbi jdbi;
    /** The tenant this thread is working for: Jdbi hands a nested call the same handle, so nesting must not switch. */
    private final ThreadLocal<String> working = new ThreadLocal<>();
    /** Physical connection → the tenant its session carries. */
    private final Map<Object, String> carried = Collections.synchronizedMap(new WeakHashMap<>());

    Tenanted(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Sets the tenant for the rest of the current transaction only (for a handle of another pool). */
    static void scope(Handle h, TenantId tenant) {
        h.createQuery("select set_config('ar.tenant', :t, true)")
                .bind("t", tenant.value())
                .mapTo(String.class)
                .one();
    }

    /**
     * Makes the handle's connection carry {@code tenant}. (Work for one tenant inside another's on the same thread,
     * whose handle Jdbi would share, is refused before: it would switch the outer work's tenant half-way.)
     */
    private void carry(Handle h, TenantId tenant) {
        if (h.isInTransaction()) {
            scope(h, tenant); // nested in its own tenant's transaction: the same tenant, for this transaction
            return;
        }
        Object physical = physical(h.getConnection());
        if (tenant.value().equals(carried.get(physical))) {
            return;
        }
        carried.remove(physical); // until the new setting is confirmed, it carries nothing we know
        h.createQuery("select set_config('ar.tenant', :t, false)")
                .bind("t", tenant.value())
                .mapTo(String.class)
                .one();
        carried.put(physical, tenant.value());
    }

    private static Object physical(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    <R> R withHandle(TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return as(
                tenant,
                () -> jdbi.withHandle(h -> {
                    carry(h, tenant);
                    return work.withHandle(h);
                }));
    }

    <R> R inTransaction(TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return as(
                tenant,
                () -> jdbi.withHandle(h -> {
                    carry(h, tenant);
                    return h.inTransaction(work);
                }));
    }

    <R> R inTransaction(TransactionIsolationLevel level, TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return as(
                tenant,
                () -> jdbi.withHandle(h -> {
                    carry(h, tenant);
                    return h.inTransaction(level, work);
                }));
    }

    void useHandle(TenantId tenant, HandleConsumer<RuntimeException> work) {
        withHandle(tenant, h -> {
            work.useHandle(h);
            return null;
        });
    }

    void useTransaction(TenantId tenant, HandleConsumer<RuntimeException> work) {
        inTransaction(tenant, h -> {
            work.useHandle(h);
            return null;
        });
    }

    /** {@link #withHandle(TenantId, HandleCallback)}, its failures translated at the port boundary as {@code what}. */
    <R> R withHandle(String what, TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return Failures.translate(what, () -> withHandle(tenant, work));
    }

    /** {@link #inTransaction(TenantId, HandleCallback)}, its failures translated as {@code what}. */
    <R> R inTransaction(String what, TenantId tenant, HandleCallback<R, RuntimeException> work) {
        return Failures.translate(what, () -> inTransaction(tenant, work));
    }

    /** {@link #useHandle(TenantId, HandleConsumer)}, its failures translated as {@code what}. */
    void useHandle(String what, TenantId tenant, HandleConsumer<RuntimeException> work) {
        Failures.run(what, () -> useHandle(tenant, work));
    }

    /** {@link #useTransaction(TenantId, HandleConsumer)}, its failures translated as {@code what}. */
    void useTransaction(String what, TenantId tenant, HandleConsumer<RuntimeException> work) {
        Failures.run(what, () -> useTransaction(tenant, work));
    }

    private <R> R as(TenantId tenant, java.util.function.Supplier<R> work) {
        String outer = working.get();
        if (outer != null && !outer.equals(tenant.value())) {
            throw new IllegalStateException("work for tenant " + tenant + " inside work for " + outer);
        }
        working.set(tenant.value());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                working.remove();
            } else {
                working.set(outer);
            }
        }
    }
}
