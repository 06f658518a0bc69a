package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The CRM events in the {@code outbox} table (topic {@code crm}), queued by the turns that caused them; claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased, so a crashed dispatcher's events are delivered again after the lease.
 */
public final class PostgresCrmOutbox implements CrmOutbox {
    private final Tenanted jdbi;

    private PostgresCrmOutbox(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresCrmOutbox create(Database database) {
        return new PostgresCrmOutbox(database.tenanted());
    }

    @Override
    public List<Claimed> claim(TenantId tenant, int max, Instant now, Duration lease) {
        return jdbi.inTransaction("claim CRM events", tenant, h -> {
            List<Map<String, Object>> rows = h.createQuery("""
                            select outbox_id, attempts, payload::text as payload from outbox
                            where tenant_id = :t and topic = 'crm' and dispatched_at is null and failed_at is null
                              and available_at <= :now
                            order by outbox_id limit :max for update skip locked""")
                    .bind("t", tenant.value())
                    .bind("now", now.atOffset(ZoneOffset.UTC))
                    .bind("max", max)
                    .mapToMap()
                    .list();
            if (rows.isEmpty()) {
                return List.of();
            }
            Long[] ids = rows.stream()
                    .map(r -> ((Number) r.get("outbox_id")).longValue())
                    .toArray(Long[]::new);
            h.createUpdate("update outbox set available_at = :until where tenant_id = :t and outbox_id = any(:ids)")
                    .bind("t", tenant.value())
                    .bind("until", now.plus(lease).atOffset(ZoneOffset.UTC))
                    .bind("ids", ids)
                    .execute();
            return rows.stream()
                    .map(r -> new Claimed(
                            ((Number) r.get("outbox_id")).longValue(),
                            event(h, (String) r.get("payload")),
                            ((Number) r.get("attempts")).intValue()))
                    .toList();
        });
    }

    private static CrmEvent event(Handle h, String json) {
        Map<String, Object> m = h.createQuery("""
                        select j->>'id' as id, j->>'kind' as kind, j->>'customer' as customer, j->>'customer_name' as name,
                               j->>'contact_email' as email, j->>'conversation' as conversation, j->>'at' as at,
                               j->>'note' as note,
                               coalesce(array(select jsonb_array_elements_text(j->'tasks')), '{}') as tasks
                        from (select cast(:j as jsonb) as j) x""").bind("j", json).mapToMap().one();
        Map<String, String> props = new LinkedHashMap<>();
        h.createQuery("""
                        select e->>0 as k, e->>1 as v
                        from jsonb_array_elements(cast(:j as jsonb)->'properties') with ordinality as x(e, n) order by n""")
                .bind("j", json)
                .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getString("v")))
                .forEach(e -> props.put(e.getKey(), e.getValue()));
        List<String> tasks;
        try {
            tasks = List.of((String[]) ((java.sql.Array) m.get("tasks")).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new CrmEvent(
                (String) m.get("id"),
                CrmEvent.Kind.fromCode((String) m.get("kind")),
                CustomerKey.of((String) m.get("customer")),
                (String) m.get("name"),
                Optional.ofNullable((String) m.get("email")),
                Optional.ofNullable((String) m.get("conversation")).map(c -> new ConversationId(UUID.fromString(c))),
                Instant.parse((String) m.get("at")),
                props,
                (String) m.get("note"),
                tasks);
    }

    @Override
    public void delivered(TenantId tenant, long seq, Instant at) {
        update(tenant, seq, "dispatched_at = :at, last_error = null", at, null);
    }

    @Override
    public void retry(TenantId tenant, long seq, Instant at, String reason) {
        update(tenant, seq, "attempts = attempts + 1, available_at = :at, last_error = :r", at, reason);
    }

    @Override
    public void failed(TenantId tenant, long seq, Instant at, String reason) {
        update(tenant, seq, "attempts = attempts + 1, failed_at = :at, last_error = :r", at, reason);
    }

    private void update(TenantId tenant, long seq, String set, Instant at, String reason) {
        jdbi.useHandle("settle a CRM event", tenant, h -> {
            var u = h.createUpdate(
                            "update outbox set " + set + " where tenant_id = :t and topic = 'crm' and outbox_id = :id")
                    .bind("t", tenant.value())
                    .bind("id", seq);
            if (at != null) {
                u.bind("at", at.atOffset(ZoneOffset.UTC));
            }
            if (reason != null) {
                u.bind("r", reason);
            }
            u.execute();
        });
    }

    @Override
    public Counts counts(TenantId tenant) {
        return jdbi.withHandle(
                "count CRM events",
                tenant,
                h -> h.createQuery("""
                        select count(*) filter (where dispatched_at is not null) as delivered,
                               count(*) filter (where dispatched_at is null and failed_at is null) as waiting,
                               count(*) filter (where failed_at is not null) as failed
                        from outbox where tenant_id = :t and topic = 'crm'""")
                        .bind("t", tenant.value())
                        .map((rs, ctx) ->
                                new Counts(rs.getLong("delivered"), rs.getLong("waiting"), rs.getLong("failed")))
                        .one());
    }
}
