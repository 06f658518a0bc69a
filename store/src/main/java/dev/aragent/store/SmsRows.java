package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The statements for text messages that run inside a caller's transaction, and queueing any outgoing message. */
final class SmsRows {
    private SmsRows() {}

    /** Queues a message of either channel with the turn that caused it. */
    static void queue(Handle h, TenantId t, Outgoing o, OffsetDateTime now) {
        switch (o) {
            case OutboundEmail e -> MailRows.queue(h, t, e, now);
            case OutboundSms s -> queue(h, t, s, now);
        }
    }

    static void queue(Handle h, TenantId t, OutboundSms s, OffsetDateTime now) {
        h.createUpdate("""
                        insert into messages (tenant_id, message_id, conversation_id, direction, channel, external_id, from_address,
                            to_address, body_text, status, occurred_at)
                        values (:t, :id, :c, 'outbound', 'sms', :ext, :from, :to, :text, 'queued', :now)""")
                .bind("t", t.value())
                .bind("id", s.id())
                .bind("c", s.conversation().value())
                .bind("ext", "queued:" + s.id())
                .bind("from", s.from())
                .bind("to", s.to())
                .bind("text", s.text())
                .bind("now", now)
                .execute();
        OutboxRows.enqueue(
                h,
                t,
                "sms",
                s.id().toString(),
                Map.of("conversation", s.conversation().value().toString()),
                now);
        OutboxRows.counted(h, t, s.conversation(), now);
    }

    static List<OutboundSms> claim(Handle h, TenantId t, int max, OffsetDateTime now, OffsetDateTime until) {
        List<Long> ids = OutboxRows.lease(h, t, "sms", max, now, until);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> dropped = OutboxRows.dropStale(h, t, "sms", ids, now);
        return h.createQuery("""
                        select m.message_id, m.conversation_id, m.to_address, m.from_address, m.body_text
                        from outbox o join messages m on m.tenant_id = o.tenant_id and m.message_id = cast(o.dedupe_key as uuid)
                        where o.tenant_id = :t and o.outbox_id = any(:ids) and not (m.message_id = any(:dropped))
                        order by o.outbox_id""")
                .bind("dropped", dropped.toArray(UUID[]::new))
                .bind("t", t.value())
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> new OutboundSms(
                        rs.getObject("message_id", UUID.class),
                        new ConversationId(rs.getObject("conversation_id", UUID.class)),
                        rs.getString("to_address"),
                        rs.getString("from_address"),
                        rs.getString("body_text")))
                .list();
    }
}
