package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Appends to the audit log inside the caller's transaction. The table refuses updates and deletes (trigger). */
final class AuditLog {
    private AuditLog() {}

    static void append(
            Handle handle,
            TenantId tenant,
            OffsetDateTime at,
            String actor,
            String action,
            String subject,
            Map<String, Object> detail) {
        handle.createUpdate("""
                        insert into audit_log (tenant_id, occurred_at, actor, action, subject, detail)
                        values (:t, :at, :actor, :action, :subject, cast(:detail as jsonb))""")
                .bind("t", tenant.value())
                .bind("at", at)
                .bind("actor", actor)
                .bind("action", action)
                .bind("subject", subject)
                .bind("detail", Json.object(detail))
                .execute();
    }

    /**
     * {@link #append} on a handle of the pool that carries no tenant (people, tokens): the audit log is a tenant's
     * book, so the row is written with the transaction scoped to that tenant.
     */
    static void appendScoped(
            Handle handle,
            TenantId tenant,
            OffsetDateTime at,
            String actor,
            String action,
            String subject,
            Map<String, Object> detail) {
        Tenanted.scope(handle, tenant);
        append(handle, tenant, at, actor, action, subject, detail);
    }
}
