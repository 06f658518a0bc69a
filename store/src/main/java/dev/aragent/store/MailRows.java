package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.ThreadInfo;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The statements of {@link PostgresMailJournal} that run inside a caller's transaction. */
final class MailRows {
    private MailRows() {}

    /** An outbound email as a queued message row plus its outbox row (same transaction as the decision). */
    static void queue(Handle h, TenantId tenant, OutboundEmail e, OffsetDateTime now) {
        h.createUpdate("""
                        insert into messages (tenant_id, message_id, conversation_id, direction, channel, external_id, from_address,
                            to_address, subject, body_text, in_reply_to, refs, status, occurred_at)
                        values (:t, :id, :c, 'outbound', 'email', :ext, :from, :to, :subject, :text, :irt, :refs, 'queued', :now)""")
                .bind("t", tenant.value())
                .bind("id", e.id())
                .bind("c", e.conversation().value())
                .bind("ext", e.messageId())
                .bind("from", e.from())
                .bind("to", e.to())
                .bind("subject", e.subject())
                .bind("text", e.text())
                .bind("irt", e.inReplyTo().orElse(null))
                .bind("refs", e.references().toArray(String[]::new))
                .bind("now", now)
                .execute();
        OutboxRows.enqueue(
                h,
                tenant,
                "email",
                e.id().toString(),
                Map.of("reply_to", e.replyTo(), "html", e.html(), "list_unsubscribe", e.listUnsubscribe()),
                now);
        OutboxRows.counted(h, tenant, e.conversation(), now);
    }

    /** A new conversation on {@code channel} about {@code invoices}, in the caller's transaction. */
    static void open(
            Handle h,
            TenantId tenant,
            ConversationId id,
            CustomerKey customer,
            String channel,
            String token,
            List<String> invoices,
            OffsetDateTime now) {
        h.createUpdate("""
                        insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                            opened_at, updated_at)
                        values (:t, :c, :customer, :channel, 'open', :token, :now, :now)""")
                .bind("t", tenant.value())
                .bind("c", id.value())
                .bind("customer", customer.value())
                .bind("channel", channel)
                .bind("token", token)
                .bind("now", now)
                .execute();
        about(h, tenant, id, invoices);
    }

    /** Adds {@code invoices} to what a conversation is about (those it already covers stay as they are). */
    static void about(Handle h, TenantId tenant, ConversationId id, List<String> invoices) {
        for (String invoice : invoices) {
            h.createUpdate("""
                            insert into conversation_invoices (tenant_id, conversation_id, invoice_number)
                            values (:t, :c, :i) on conflict do nothing""")
                    .bind("t", tenant.value())
                    .bind("c", id.value())
                    .bind("i", invoice)
                    .execute();
        }
    }

    static List<OutboundEmail> claim(Handle h, TenantId tenant, int max, OffsetDateTime now, OffsetDateTime until) {
        List<Long> ids = OutboxRows.lease(h, tenant, "email", max, now, until);
        if (ids.isEmpty()) {
            return List.of();
        }
        // an address that opted out after an email to it was queued gets nothing more: the email is settled as failed
        List<UUID> stopped = h.createQuery("""
                        select m.message_id
                        from outbox o join messages m on m.tenant_id = o.tenant_id and m.message_id = cast(o.dedupe_key as uuid)
                        where o.tenant_id = :t and o.outbox_id = any(:ids)
                          and exists (select 1 from contacts k where k.tenant_id = m.tenant_id
                                      and lower(k.email) = lower(m.to_address) and k.email_opt_out
                                      and k.updated_at > m.occurred_at)""")
                .bind("t", tenant.value())
                .bind("ids", ids.toArray(Long[]::new))
                .mapTo(UUID.class)
                .list();
        for (UUID id : stopped) {
            settle(h, tenant, id, "failed", "the address opted out of email after this was queued", now);
        }
        stopped = new java.util.ArrayList<>(stopped);
        stopped.addAll(OutboxRows.dropStale(h, tenant, "email", ids, now));
        return h.createQuery("""
                        select m.*, o.payload ->> 'reply_to' as reply_to, o.payload ->> 'html' as html,
                               o.payload ->> 'list_unsubscribe' as list_unsubscribe
                        from outbox o join messages m on m.tenant_id = o.tenant_id and m.message_id = cast(o.dedupe_key as uuid)
                        where o.tenant_id = :t and o.outbox_id = any(:ids) and not (m.message_id = any(:stopped))
                        order by o.outbox_id""")
                .bind("stopped", stopped.toArray(UUID[]::new))
                .bind("t", tenant.value())
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> {
                    Array refs = rs.getArray("refs");
                    return new OutboundEmail(
                            rs.getObject("message_id", UUID.class),
                            new ConversationId(rs.getObject("conversation_id", UUID.class)),
                            rs.getString("external_id"),
                            rs.getString("from_address"),
                            rs.getString("to_address"),
                            rs.getString("reply_to"),
                            rs.getString("subject"),
                            rs.getString("body_text"),
                            rs.getString("html"),
                            Optional.ofNullable(rs.getString("in_reply_to")),
                            refs == null ? List.of() : List.of((String[]) refs.getArray()),
                            rs.getString("list_unsubscribe"));
                })
                .list();
    }

    static void settle(Handle h, TenantId tenant, UUID email, String status, String reason, OffsetDateTime at) {
        h.createUpdate(
                        "update outbox set dispatched_at = :at, last_error = :r where tenant_id = :t and topic = 'email' and dedupe_key = :id")
                .bind("t", tenant.value())
                .bind("id", email.toString())
                .bind("at", at)
                .bind("r", reason)
                .execute();
        h.createUpdate("update messages set status = :s, status_reason = :r where tenant_id = :t and message_id = :id")
                .bind("t", tenant.value())
                .bind("id", email)
                .bind("s", status)
                .bind("r", reason)
                .execute();
    }

    static ThreadInfo thread(Handle h, TenantId tenant, ConversationId conversation) {
        var row = h.createQuery(
                        "select customer_key, reply_token, coalesce(subject, '') as subject from conversations where tenant_id = :t and conversation_id = :c")
                .bind("t", tenant.value())
                .bind("c", conversation.value())
                .mapToMap()
                .one();
        List<String> invoices = h.createQuery(
                        "select invoice_number from conversation_invoices where tenant_id = :t and conversation_id = :c order by invoice_number")
                .bind("t", tenant.value())
                .bind("c", conversation.value())
                .mapTo(String.class)
                .list();
        List<String> ids = h.createQuery("""
                        select external_id from messages where tenant_id = :t and conversation_id = :c and channel = 'email'
                          and external_id not like 'sha256:%' order by occurred_at, seq""")
                .bind("t", tenant.value())
                .bind("c", conversation.value())
                .mapTo(String.class)
                .list();
        Optional<String> contact = h.createQuery("""
                        select coalesce(
                            (select from_address from messages where tenant_id = :t and conversation_id = :c and direction = 'inbound'
                               and kind = 'personal' order by occurred_at desc, seq desc limit 1),
                            (select to_address from messages where tenant_id = :t and conversation_id = :c and direction = 'outbound'
                               order by occurred_at, seq limit 1))""")
                .bind("t", tenant.value())
                .bind("c", conversation.value())
                .mapTo(String.class)
                .findOne()
                .filter(a -> !h.createQuery("""
                                select exists (select 1 from contacts where tenant_id = :t and lower(email) = lower(:a)
                                               and email_opt_out)""")
                        .bind("t", tenant.value())
                        .bind("a", a)
                        .mapTo(Boolean.class)
                        .one()); // an opted-out address is never written to, not even in a thread
        return new ThreadInfo(
                conversation,
                CustomerKey.of((String) row.get("customer_key")),
                (String) row.get("reply_token"),
                (String) row.get("subject"),
                invoices,
                ids,
                contact);
    }

    static void undeliverable(Handle h, TenantId tenant, String address, OffsetDateTime now) {
        List<String> customers = h.createQuery("""
                        update contacts set email_undeliverable = true, updated_at = :now
                        where tenant_id = :t and lower(email) = lower(:a) returning customer_key""")
                .bind("t", tenant.value())
                .bind("a", address)
                .bind("now", now)
                .mapTo(String.class)
                .list();
        for (String customer : customers) {
            task(
                    h,
                    tenant,
                    Optional.of(customer),
                    "find_contact",
                    "email to " + address + " bounced: find a new contact",
                    now);
        }
    }

    static void task(
            Handle h, TenantId tenant, Optional<String> customer, String kind, String detail, OffsetDateTime now) {
        task(h, tenant, customer, kind, detail, now, Optional.empty());
    }

    /** A task for a person, about {@code conversation} when it is given (then due the day it is opened). */
    static void task(
            Handle h,
            TenantId tenant,
            Optional<String> customer,
            String kind,
            String detail,
            OffsetDateTime now,
            Optional<UUID> conversation) {
        h.createUpdate("""
                        insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                           conversation_id, due_on)
                        values (:t, :id, :c, :k, :d, 'open', :now, :conv, :day)""")
                .bind("t", tenant.value())
                .bind("id", UUID.randomUUID())
                .bind("c", customer.orElse(null))
                .bind("k", kind)
                .bind("d", detail)
                .bind("now", now)
                .bind("conv", conversation.orElse(null))
                .bind("day", conversation.map(c -> now.toLocalDate()).orElse(null))
                .execute();
    }
}
