package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The outbox statements both channels' journals run inside a caller's transaction: queue a message for sending, count
 * it against its conversation, lease the due ones to a sender.
 */
final class OutboxRows {
    private OutboxRows() {}

    /** An outbox row for message {@code key} of {@code topic}; queueing the same message twice keeps one row. */
    static void enqueue(
            Handle h, TenantId tenant, String topic, String key, Map<String, Object> payload, OffsetDateTime now) {
        h.createUpdate("""
                        insert into outbox (tenant_id, topic, dedupe_key, payload, created_at, available_at)
                        values (:t, :topic, :key, cast(:payload as jsonb), :now, :now)
                        on conflict (tenant_id, topic, dedupe_key) do nothing""")
                .bind("t", tenant.value())
                .bind("topic", topic)
                .bind("key", key)
                .bind("payload", Json.object(payload))
                .bind("now", now)
                .execute();
    }

    /** One more of our messages in a conversation, unanswered until the debtor writes. */
    static void counted(Handle h, TenantId tenant, ConversationId c, OffsetDateTime now) {
        h.createUpdate("""
                        update conversations set unanswered = unanswered + 1, last_outbound_at = :now
                        where tenant_id = :t and conversation_id = :c""")
                .bind("t", tenant.value())
                .bind("c", c.value())
                .bind("now", now)
                .execute();
    }

    /**
     * Claims up to {@code max} rows of an outbox topic due by {@code now} ({@code FOR UPDATE SKIP LOCKED}, so instances
     * never share one), counts the attempt and leases them until {@code until}; returns their ids in order.
     */
    static List<Long> lease(
            Handle h, TenantId tenant, String topic, int max, OffsetDateTime now, OffsetDateTime until) {
        List<Long> ids = h.createQuery("""
                        select outbox_id from outbox
                        where tenant_id = :t and topic = :topic and dispatched_at is null and failed_at is null
                          and available_at <= :now
                        order by available_at, outbox_id limit :max for update skip locked""")
                .bind("t", tenant.value())
                .bind("topic", topic)
                .bind("now", now)
                .bind("max", max)
                .mapTo(Long.class)
                .list();
        if (!ids.isEmpty()) {
            h.createUpdate("""
                            update outbox set attempts = attempts + 1, available_at = :until
                            where tenant_id = :t and outbox_id = any(:ids)""")
                    .bind("t", tenant.value())
                    .bind("until", until)
                    .bind("ids", ids.toArray(Long[]::new))
                    .execute();
        }
        return ids;
    }

    /**
     * Marks message {@code key}'s outbox row as chasing: a reminder or follow-up the agent sent of its own accord (not
     * an answer to the debtor), which a payment, settlement or dispute since it was queued makes stale.
     */
    static void chasing(Handle h, TenantId tenant, String topic, String key) {
        h.createUpdate("""
                        update outbox set payload = payload || '{"chasing": true}'::jsonb
                        where tenant_id = :t and topic = :topic and dedupe_key = :key""")
                .bind("t", tenant.value())
                .bind("topic", topic)
                .bind("key", key)
                .execute();
    }

    /**
     * Of the leased rows {@code ids}, the chasing messages that went stale since they were queued — a payment applied
     * to one of their conversation's invoices after, or none of those invoices open and undisputed any more — each
     * settled as {@code dropped} with why (and audited), never sent. Returns their message ids.
     */
    static List<java.util.UUID> dropStale(Handle h, TenantId tenant, String topic, List<Long> ids, OffsetDateTime now) {
        List<Map<String, Object>> stale = h
                .createQuery("""
                        select m.message_id, m.conversation_id,
                          case when exists (
                                 select 1 from conversation_invoices ci
                                 join payment_allocations a on a.tenant_id = ci.tenant_id and a.invoice_number = ci.invoice_number
                                 join payments p on p.tenant_id = a.tenant_id and p.reference = a.reference
                                 where ci.tenant_id = m.tenant_id and ci.conversation_id = m.conversation_id
                                   and p.updated_at > m.occurred_at)
                               then 'a payment to its invoices arrived after it was queued'
                               when not exists (
                                 select 1 from conversation_invoices ci
                                 join invoices i on i.tenant_id = ci.tenant_id and i.number = ci.invoice_number
                                 where ci.tenant_id = m.tenant_id and ci.conversation_id = m.conversation_id
                                   and i.status = 'open' and i.open_minor > 0 and not i.disputed)
                               then 'none of its invoices is open and undisputed any more'
                          end as why
                        from outbox o join messages m on m.tenant_id = o.tenant_id and m.message_id = cast(o.dedupe_key as uuid)
                        where o.tenant_id = :t and o.outbox_id = any(:ids)
                          and coalesce((o.payload ->> 'chasing')::boolean, false)""")
                .bind("t", tenant.value())
                .bind("ids", ids.toArray(Long[]::new))
                .mapToMap()
                .list()
                .stream()
                .filter(r -> r.get("why") != null)
                .toList();
        List<java.util.UUID> dropped = new java.util.ArrayList<>();
        for (Map<String, Object> r : stale) {
            java.util.UUID id = (java.util.UUID) r.get("message_id");
            String why = "stale, not sent: " + r.get("why");
            h.createUpdate("""
                            update outbox set dispatched_at = :at, last_error = :r
                            where tenant_id = :t and topic = :topic and dedupe_key = :id""")
                    .bind("t", tenant.value())
                    .bind("topic", topic)
                    .bind("id", id.toString())
                    .bind("at", now)
                    .bind("r", why)
                    .execute();
            h.createUpdate("""
                            update messages set status = 'dropped', status_reason = :r
                            where tenant_id = :t and message_id = :id""")
                    .bind("t", tenant.value())
                    .bind("id", id)
                    .bind("r", why)
                    .execute();
            AuditLog.append(
                    h,
                    tenant,
                    now,
                    topic + "-dispatch",
                    "message.dropped",
                    "message:" + id,
                    Map.of("conversation", r.get("conversation_id").toString(), "why", why));
            dropped.add(id);
        }
        return dropped;
    }
}
