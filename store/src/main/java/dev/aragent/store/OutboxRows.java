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
}
