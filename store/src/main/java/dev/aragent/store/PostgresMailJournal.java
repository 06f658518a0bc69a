package dev.aragent.store;

import dev.aragent.agent.conversation.Completion;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.conversation.ThreadInfo;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.Recorded;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@link MailJournal} on PostgreSQL. Inbound mail is inserted before processing under two unique keys (mailbox
 * place, Message-ID); processing results, conversation changes and queued answers commit together; the outbox is
 * claimed with {@code FOR UPDATE SKIP LOCKED} so several instances never send the same row.
 */
public final class PostgresMailJournal extends PostgresJournal<OutboundEmail> implements MailJournal {
    /** Tenants whose row is known to be committed: no insert for them on every write. */
    private final java.util.Set<TenantId> knownTenants = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private PostgresMailJournal(Tenanted jdbi, Clock clock) {
        super(jdbi, clock, "email", "email", MailRows::queue, MailRows::claim);
    }

    public static PostgresMailJournal create(Database database, Clock clock) {
        return new PostgresMailJournal(database.tenanted(), clock);
    }

    @Override
    public Recorded recordInbound(TenantId tenant, RawEmail raw, String externalId) {
        return jdbi.inTransaction("store inbound email", tenant, h -> {
            ensureTenant(h, tenant);
            var columns = new LinkedHashMap<String, Object>();
            columns.put("mailbox", raw.mailbox());
            columns.put("uid_validity", raw.uidValidity());
            columns.put("uid", raw.uid());
            columns.put("from_address", "");
            columns.put("to_address", "");
            columns.put("raw", raw.bytes());
            return inbound(
                    h,
                    tenant,
                    externalId,
                    raw.receivedAt(),
                    columns,
                    x -> x.createQuery("""
                                    select message_id, status from messages
                                    where tenant_id = :t and direction = 'inbound'
                                      and ((mailbox = :mailbox and uid_validity = :v and uid = :uid) or (channel = 'email' and external_id = :ext))
                                    limit 1""")
                            .bind("t", tenant.value())
                            .bind("mailbox", raw.mailbox())
                            .bind("v", raw.uidValidity())
                            .bind("uid", raw.uid())
                            .bind("ext", externalId));
        });
    }

    private void ensureTenant(Handle h, TenantId tenant) {
        if (knownTenants.contains(tenant)) {
            return;
        }
        int inserted = h.createUpdate(
                        "insert into tenants (tenant_id, name, created_at) values (:t, :t, :now) on conflict do nothing")
                .bind("t", tenant.value())
                .bind("now", now())
                .execute();
        if (inserted == 0) {
            knownTenants.add(tenant); // committed before (tenants are never deleted); a fresh insert may yet roll back
        }
    }

    @Override
    public void quarantine(TenantId tenant, UUID message, String reason) {
        jdbi.withHandle(
                "quarantine email",
                tenant,
                h -> h.createUpdate(
                                "update messages set status = 'quarantined', status_reason = :r where tenant_id = :t and message_id = :id")
                        .bind("t", tenant.value())
                        .bind("id", message)
                        .bind("r", reason)
                        .execute());
    }

    @Override
    public Optional<ConversationId> conversationByToken(TenantId tenant, String token) {
        return one(
                "select conversation_id from conversations where tenant_id = :t and reply_token = :x", tenant, token);
    }

    @Override
    public Optional<ConversationId> conversationByMessageIds(TenantId tenant, List<String> messageIds) {
        return jdbi.withHandle(
                "find conversation",
                tenant,
                h -> h.createQuery("""
                        select conversation_id from messages
                        where tenant_id = :t and channel = 'email' and external_id = any(:ids) and conversation_id is not null
                        order by occurred_at desc, seq desc limit 1""")
                        .bind("t", tenant.value())
                        .bind("ids", messageIds.toArray(String[]::new))
                        .mapTo(UUID.class)
                        .findOne()
                        .map(ConversationId::new));
    }

    private Optional<ConversationId> one(String sql, TenantId tenant, String value) {
        return jdbi.withHandle(
                "find conversation",
                tenant,
                h -> h.createQuery(sql)
                        .bind("t", tenant.value())
                        .bind("x", value)
                        .mapTo(UUID.class)
                        .findOne()
                        .map(ConversationId::new));
    }

    @Override
    public Optional<CustomerKey> customerByEmail(TenantId tenant, String address) {
        return customerWhere(tenant, "lower(email) = lower(:v)", address);
    }

    @Override
    public Optional<ConversationId> latestConversation(
            TenantId tenant, CustomerKey customer, List<String> invoiceNumbers) {
        return jdbi.withHandle(
                "find conversation",
                tenant,
                h -> h.createQuery("""
                        select c.conversation_id,
                               exists (select 1 from conversation_invoices ci where ci.tenant_id = c.tenant_id
                                       and ci.conversation_id = c.conversation_id and ci.invoice_number = any(:inv)) as about
                        from conversations c
                        where c.tenant_id = :t and c.customer_key = :c and c.stage not in ('paid', 'closed')
                        order by about desc, c.updated_at desc limit 1""")
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .bind("inv", invoiceNumbers.toArray(String[]::new))
                        .map((rs, ctx) -> new ConversationId(rs.getObject("conversation_id", UUID.class)))
                        .findOne());
    }

    @Override
    public ThreadInfo thread(TenantId tenant, ConversationId conversation) {
        return jdbi.withHandle("read thread", tenant, h -> MailRows.thread(h, tenant, conversation));
    }

    @Override
    public void complete(TenantId tenant, UUID message, Completion completion) {
        jdbi.useTransaction("complete inbound email", tenant, h -> {
            EmailFacts f = completion.facts();
            // one instant for the whole completion: a reply queued with it is not "queued before" the
            // suppression its own turn records (the one confirmation a wrong contact gets)
            OffsetDateTime at = now();
            h.createUpdate("""
                            update messages set conversation_id = :c, from_address = :from, to_address = :to, subject = :subject,
                                in_reply_to = :irt, refs = :refs, new_text = :text, kind = :kind, status = :status
                            where tenant_id = :t and message_id = :id""")
                    .bind("t", tenant.value())
                    .bind("id", message)
                    .bind(
                            "c",
                            completion.conversation().map(ConversationId::value).orElse(null))
                    .bind("from", f.fromAddress())
                    .bind("to", String.join(", ", f.to()))
                    .bind("subject", f.subject())
                    .bind(
                            "irt",
                            f.references().isEmpty() ? null : f.references().getLast())
                    .bind("refs", f.references().toArray(String[]::new))
                    .bind("text", f.newText())
                    .bind("kind", f.kind().name().toLowerCase(Locale.ROOT))
                    .bind("status", completion.conversation().isPresent() ? "processed" : "triage")
                    .execute();
            completion
                    .conversation()
                    .ifPresent(c -> h.createUpdate("""
                            update conversations set updated_at = :now,
                                stage = case when stage = 'open' and :personal then 'engaged' else stage end
                            where tenant_id = :t and conversation_id = :c""")
                            .bind("t", tenant.value())
                            .bind("c", c.value())
                            .bind("now", at)
                            .bind("personal", f.kind() == EmailFacts.Kind.PERSONAL)
                            .execute());
            for (String address : f.undeliverable()) {
                MailRows.undeliverable(h, tenant, address, at);
            }
            if (completion.conversation().isPresent() && f.kind() == EmailFacts.Kind.PERSONAL) {
                h.createUpdate("""
                                update conversations set unanswered = 0, last_inbound_at = :now
                                where tenant_id = :t and conversation_id = :c""")
                        .bind("t", tenant.value())
                        .bind("c", completion.conversation().get().value())
                        .bind("now", at)
                        .execute();
            }
            if (completion.conversation().isEmpty() && f.kind() == EmailFacts.Kind.PERSONAL) {
                MailRows.task(
                        h,
                        tenant,
                        Optional.empty(),
                        "review_triage",
                        "email from " + f.fromAddress() + ": " + f.subject(),
                        at);
            }
            for (OutboundEmail reply : completion.replies()) {
                MailRows.queue(h, tenant, reply, at);
            }
            if (completion.turn().isPresent()) {
                TurnRows.write(
                        h,
                        tenant,
                        completion.conversation().orElseThrow(),
                        Optional.of(message),
                        completion.turn().get(),
                        at);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("message", message.toString());
            detail.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            detail.put(
                    "conversation",
                    completion.conversation().map(Object::toString).orElse("triage"));
            detail.put("replies_queued", completion.replies().size());
            AuditLog.append(h, tenant, now(), "mail-desk", "email.received", "message:" + message, detail);
        });
    }

    @Override
    public void open(TenantId tenant, ThreadInfo thread, OutboundEmail first) {
        jdbi.useTransaction("open conversation", tenant, h -> {
            ensureTenant(h, tenant);
            h.createUpdate("""
                            insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, subject, reply_token,
                                opened_at, updated_at)
                            values (:t, :c, :customer, 'email', 'open', :subject, :token, :now, :now)""")
                    .bind("t", tenant.value())
                    .bind("c", thread.id().value())
                    .bind("customer", thread.customer().value())
                    .bind("subject", thread.subject())
                    .bind("token", thread.replyToken())
                    .bind("now", now())
                    .execute();
            for (String invoice : thread.invoiceNumbers()) {
                h.createUpdate(
                                "insert into conversation_invoices (tenant_id, conversation_id, invoice_number) values (:t, :c, :i)")
                        .bind("t", tenant.value())
                        .bind("c", thread.id().value())
                        .bind("i", invoice)
                        .execute();
            }
            MailRows.queue(h, tenant, first, now());
            OutboxRows.chasing(h, tenant, "email", first.id().toString());
            AuditLog.append(
                    h,
                    tenant,
                    now(),
                    "mail-desk",
                    "conversation.opened",
                    "conversation:" + thread.id(),
                    Map.of("invoices", String.join(",", thread.invoiceNumbers()), "to", first.to()));
        });
    }

    @Override
    public void sent(TenantId tenant, UUID email, Instant at) {
        jdbi.useTransaction("mark email sent", tenant, h -> MailRows.settle(h, tenant, email, "sent", null, utc(at)));
    }

    @Override
    public void retry(TenantId tenant, UUID email, Instant at, String reason) {
        jdbi.withHandle(
                "schedule retry",
                tenant,
                h -> h.createUpdate("""
                        update outbox set available_at = :at, last_error = :r
                        where tenant_id = :t and topic = 'email' and dedupe_key = :id""")
                        .bind("t", tenant.value())
                        .bind("id", email.toString())
                        .bind("at", utc(at))
                        .bind("r", reason)
                        .execute());
    }

    @Override
    public void failed(TenantId tenant, UUID email, String reason) {
        jdbi.useTransaction(
                "mark email failed", tenant, h -> MailRows.settle(h, tenant, email, "failed", reason, now()));
    }

    /**
     * Forgets a tenant's conversations (messages, SMS threads, promises, disputes, dispositions, approvals, notices,
     * tasks, outbox, mailbox positions) so a demo can start over on the same book. The audit log keeps its history: it is append-only.
     */
    public void forgetConversations(TenantId tenant) {
        jdbi.useTransaction("forget conversations", tenant, h -> {
            for (String table : List.of(
                    "dispositions",
                    "approvals",
                    "promises",
                    "disputes",
                    "tasks",
                    "outbox",
                    "messages",
                    "conversation_invoices",
                    "sms_threads",
                    "call_lines",
                    "calls",
                    "notices",
                    "conversations",
                    "mailbox_state")) {
                h.createUpdate("delete from " + table + " where tenant_id = :t")
                        .bind("t", tenant.value())
                        .execute();
            }
        });
    }

    @Override
    public void optOut(TenantId tenant, String address) {
        jdbi.useTransaction("opt out", tenant, h -> {
            h.createUpdate(
                            "update contacts set email_opt_out = true, updated_at = :now where tenant_id = :t and lower(email) = lower(:a)")
                    .bind("t", tenant.value())
                    .bind("a", address)
                    .bind("now", now())
                    .execute();
            AuditLog.append(
                    h, tenant, now(), "mail-desk", "contact.opted_out", "email:" + address, Map.of("channel", "email"));
        });
    }

    @Override
    public Optional<long[]> position(TenantId tenant, String mailbox) {
        return jdbi.withHandle(
                "read mailbox position",
                tenant,
                h -> h.createQuery(
                                "select uid_validity, last_uid from mailbox_state where tenant_id = :t and mailbox = :m")
                        .bind("t", tenant.value())
                        .bind("m", mailbox)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .findOne());
    }

    @Override
    public void savePosition(TenantId tenant, String mailbox, long uidValidity, long lastUid, Instant at) {
        jdbi.useHandle("save mailbox position", tenant, h -> {
            ensureTenant(h, tenant);
            h.createUpdate("""
                            insert into mailbox_state (tenant_id, mailbox, uid_validity, last_uid, updated_at)
                            values (:t, :m, :v, :u, :at)
                            on conflict (tenant_id, mailbox) do update set
                                uid_validity = excluded.uid_validity,
                                last_uid = case when mailbox_state.uid_validity = excluded.uid_validity
                                                then greatest(mailbox_state.last_uid, excluded.last_uid) else excluded.last_uid end,
                                updated_at = excluded.updated_at""")
                    .bindMap(Map.of("t", tenant.value(), "m", mailbox, "v", uidValidity, "u", lastUid, "at", utc(at)))
                    .execute();
        });
    }

    @Override
    public String toString() {
        return "PostgresMailJournal";
    }
}
