package dev.aragent.store;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHolds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Account holds in PostgreSQL ({@code account_holds}, V22): one current hold per account (a unique index over the
 * unreleased ones), the released kept as history; each change in the audit log.
 */
public final class PostgresAccountHolds implements AccountHolds {
    private final Tenanted jdbi;

    private PostgresAccountHolds(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresAccountHolds create(Database database) {
        return new PostgresAccountHolds(database.tenanted());
    }

    @Override
    public Map<CustomerKey, Hold> holds(TenantId tenant) {
        return jdbi.withHandle("read account holds", tenant, h -> {
            Map<CustomerKey, Hold> out = new HashMap<>();
            h.createQuery("""
                            select customer_key, kind, placed_by, reason, placed_at from account_holds
                            where tenant_id = :t and released_at is null""")
                    .bind("t", tenant.value())
                    .map((rs, ctx) -> new Hold(
                            CustomerKey.of(rs.getString("customer_key")),
                            Hold.Kind.fromCode(rs.getString("kind")),
                            rs.getString("placed_by"),
                            rs.getString("reason"),
                            rs.getObject("placed_at", OffsetDateTime.class).toInstant()))
                    .forEach(hold -> out.put(hold.customer(), hold));
            return out;
        });
    }

    @Override
    public void place(TenantId tenant, Hold hold) {
        jdbi.useTransaction("hold an account", tenant, h -> {
            end(h, tenant, hold.customer(), hold.by(), hold.since());
            h.createUpdate("""
                            insert into account_holds (tenant_id, hold_id, customer_key, kind, placed_by, reason,
                                                       placed_at)
                            values (:t, :id, :c, :kind, :by, :reason, :at)""")
                    .bind("t", tenant.value())
                    .bind("id", UUID.randomUUID())
                    .bind("c", hold.customer().value())
                    .bind("kind", hold.kind().code())
                    .bind("by", hold.by())
                    .bind("reason", hold.reason())
                    .bind("at", utc(hold.since()))
                    .execute();
            AuditLog.append(
                    h,
                    tenant,
                    utc(hold.since()),
                    "person:" + hold.by(),
                    "account.held",
                    "customer:" + hold.customer().value(),
                    Map.of("kind", hold.kind().code(), "reason", hold.reason()));
        });
    }

    @Override
    public boolean release(TenantId tenant, CustomerKey customer, String by, Instant at) {
        return jdbi.inTransaction("release an account", tenant, h -> {
            boolean ended = end(h, tenant, customer, by, at);
            if (ended) {
                AuditLog.append(
                        h,
                        tenant,
                        utc(at),
                        "person:" + by,
                        "account.released",
                        "customer:" + customer.value(),
                        Map.of());
            }
            return ended;
        });
    }

    private static boolean end(Handle h, TenantId tenant, CustomerKey customer, String by, Instant at) {
        return h.createUpdate("""
                                update account_holds set released_by = :by, released_at = :at
                                where tenant_id = :t and customer_key = :c and released_at is null""")
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .bind("by", by)
                        .bind("at", utc(at))
                        .execute()
                > 0;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
