package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Recorded;
import dev.aragent.agent.spi.SmsJournal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The {@link SmsJournal} on PostgreSQL: inbound texts are unique by provider message id, so a redelivered webhook is
 * stored once; processing, the turn and the queued replies commit together; opt-outs are kept on the contact and in the
 * audit log, and told to the CRM.
 */
public final class PostgresSmsJournal extends PostgresJournal<OutboundSms> implements SmsJournal {
    private static final String THREAD = """
            select s.conversation_id, c.customer_key, s.phone, s.our_number, s.twilio_sid, k.time_zone
            from sms_threads s
            join conversations c on c.tenant_id = s.tenant_id and c.conversation_id = s.conversation_id
            left join customers k on k.tenant_id = c.tenant_id and k.customer_key = c.customer_key
            """;

    private PostgresSmsJournal(Tenanted jdbi, Clock clock) {
        super(jdbi, clock, "sms", "SMS", SmsRows::queue, SmsRows::claim);
    }

    public static PostgresSmsJournal create(Database database, Clock clock) {
        return new PostgresSmsJournal(database.tenanted(), clock);
    }

    @Override
    public Recorded recordInbound(TenantId tenant, InboundSms sms) {
        return jdbi.inTransaction("store inbound SMS", tenant, h -> {
            var columns = new LinkedHashMap<String, Object>();
            columns.put("from_address", sms.from());
            columns.put("to_address", sms.to());
            columns.put("body_text", sms.body());
            columns.put("new_text", sms.body());
            return inbound(
                    h,
                    tenant,
                    sms.messageSid(),
                    sms.at(),
                    columns,
                    x -> x.createQuery("""
                                    select message_id, status from messages
                                    where tenant_id = :t and channel = 'sms' and direction = 'inbound' and external_id = :ext""").bind("t", tenant.value()).bind("ext", sms.messageSid()));
        });
    }

    @Override
    public Optional<SmsThread> threadFor(TenantId tenant, String providerSid, String phone) {
        return jdbi.withHandle(
                "find SMS thread",
                tenant,
                h -> h.createQuery(THREAD + """
                        where s.tenant_id = :t and (s.twilio_sid = :sid or (s.phone = :phone and c.stage not in ('paid', 'closed')))
                        order by (c.stage not in ('paid', 'closed')) desc, (s.twilio_sid is not distinct from :sid) desc,
                                 s.created_at desc limit 1""")
                        .bind("t", tenant.value())
                        .bind("sid", providerSid)
                        .bind("phone", phone)
                        .map((rs, ctx) -> thread(rs))
                        .findOne());
    }

    @Override
    public SmsThread thread(TenantId tenant, ConversationId conversation) {
        return jdbi.withHandle("read SMS thread", tenant, h -> thread(h, tenant, conversation));
    }

    private static SmsThread thread(Handle h, TenantId tenant, ConversationId conversation) {
        return h.createQuery(THREAD + " where s.tenant_id = :t and s.conversation_id = :c")
                .bind("t", tenant.value())
                .bind("c", conversation.value())
                .map((rs, ctx) -> thread(rs))
                .one();
    }

    private static SmsThread thread(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SmsThread(
                new ConversationId(rs.getObject("conversation_id", UUID.class)),
                CustomerKey.of(rs.getString("customer_key")),
                rs.getString("phone"),
                rs.getString("our_number"),
                Optional.ofNullable(rs.getString("twilio_sid")),
                Optional.ofNullable(rs.getString("time_zone")).map(ZoneId::of));
    }

    @Override
    public Optional<CustomerKey> customerByPhone(TenantId tenant, String phone) {
        return customerWhere(tenant, "phone = :v", phone);
    }

    @Override
    public void complete(
            TenantId tenant,
            UUID message,
            Optional<ConversationId> conversation,
            Optional<TurnRecord> turn,
            List<OutboundSms> replies) {
        jdbi.useTransaction("complete inbound SMS", tenant, h -> {
            h.createUpdate(
                            "update messages set conversation_id = :c, status = :s where tenant_id = :t and message_id = :id")
                    .bind("t", tenant.value())
                    .bind("id", message)
                    .bind("c", conversation.map(ConversationId::value).orElse(null))
                    .bind("s", conversation.isPresent() ? "processed" : "triage")
                    .execute();
            if (conversation.isPresent()) {
                h.createUpdate("""
                                update conversations set unanswered = 0, last_inbound_at = :now, updated_at = :now,
                                    stage = case when stage = 'open' then 'engaged' else stage end
                                where tenant_id = :t and conversation_id = :c""")
                        .bind("t", tenant.value())
                        .bind("c", conversation.get().value())
                        .bind("now", now())
                        .execute();
                turn.ifPresent(r -> TurnRows.write(h, tenant, conversation.get(), Optional.of(message), r, now()));
            } else {
                MailRows.task(
                        h, tenant, Optional.empty(), "review_triage", "a text from a number no customer has", now());
            }
            for (OutboundSms s : replies) {
                SmsRows.queue(h, tenant, s, now());
            }
        });
    }

    @Override
    public ConversationId open(
            TenantId tenant,
            CustomerKey customer,
            String phone,
            String ourNumber,
            List<String> invoiceNumbers,
            Optional<String> firstText) {
        return jdbi.inTransaction("open SMS conversation", tenant, h -> {
            // one live conversation per phone thread: a new reminder continues it (the debtor sees one
            // thread, and a newer conversation must not leave an older one without its thread)
            Optional<UUID> live = h.createQuery("""
                            select s.conversation_id from sms_threads s
                            join conversations c on c.tenant_id = s.tenant_id and c.conversation_id = s.conversation_id
                            where s.tenant_id = :t and s.phone = :phone and s.our_number = :ours
                              and c.customer_key = :customer and c.stage not in ('paid', 'closed')
                            order by s.created_at desc limit 1 for update of c""")
                    .bind("t", tenant.value())
                    .bind("phone", phone)
                    .bind("ours", ourNumber)
                    .bind("customer", customer.value())
                    .mapTo(UUID.class)
                    .findOne();
            ConversationId id = live.map(ConversationId::new).orElseGet(ConversationId::random);
            if (live.isPresent()) {
                MailRows.about(h, tenant, id, invoiceNumbers);
            } else {
                MailRows.open(h, tenant, id, customer, "sms", "sms-" + id.value(), invoiceNumbers, now());
                // the provider's conversation with this phone is reused: Twilio keeps one per address pair
                h.createUpdate("""
                                insert into sms_threads (tenant_id, conversation_id, phone, our_number, twilio_sid, created_at)
                                values (:t, :c, :phone, :ours,
                                        (select twilio_sid from sms_threads where tenant_id = :t and phone = :phone
                                           and our_number = :ours and twilio_sid is not null
                                         order by created_at desc limit 1),
                                        :now)""")
                        .bind("t", tenant.value())
                        .bind("c", id.value())
                        .bind("phone", phone)
                        .bind("ours", ourNumber)
                        .bind("now", now())
                        .execute();
            }
            firstText.ifPresent(text -> {
                OutboundSms first = new OutboundSms(UUID.randomUUID(), id, phone, ourNumber, text);
                SmsRows.queue(h, tenant, first, now());
                OutboxRows.chasing(h, tenant, "sms", first.id().toString());
            });
            AuditLog.append(
                    h,
                    tenant,
                    now(),
                    "sms-desk",
                    live.isPresent() ? "conversation.continued" : "conversation.opened",
                    "conversation:" + id,
                    Map.of("invoices", String.join(",", invoiceNumbers), "channel", "sms"));
            return id;
        });
    }

    @Override
    public void optOut(TenantId tenant, String phone, String keyword, Instant at) {
        consent(tenant, phone, true, keyword, at);
    }

    @Override
    public void optIn(TenantId tenant, String phone, String keyword, Instant at) {
        consent(tenant, phone, false, keyword, at);
    }

    private void consent(TenantId tenant, String phone, boolean out, String keyword, Instant at) {
        jdbi.useTransaction("record SMS consent", tenant, h -> {
            List<String> customers = h.createQuery("""
                            update contacts set sms_opt_out = :out, updated_at = :at where tenant_id = :t and phone = :p
                            returning customer_key""")
                    .bind("t", tenant.value())
                    .bind("p", phone)
                    .bind("out", out)
                    .bind("at", utc(at))
                    .mapTo(String.class)
                    .list();
            h.createUpdate("""
                            insert into sms_consent (tenant_id, phone, opted_out, keyword, updated_at)
                            values (:t, :p, :out, :k, :at)
                            on conflict (tenant_id, phone)
                            do update set opted_out = :out, keyword = :k, updated_at = :at""")
                    .bind("t", tenant.value())
                    .bind("p", phone)
                    .bind("out", out)
                    .bind("k", keyword)
                    .bind("at", utc(at))
                    .execute();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("phone", phone);
            detail.put("keyword", keyword);
            AuditLog.append(
                    h, tenant, utc(at), "sms:" + phone, out ? "sms.opt_out" : "sms.opt_in", "phone:" + phone, detail);
            for (String customer : customers.stream().distinct().toList()) {
                Optional<ConversationId> c = h.createQuery("""
                                select s.conversation_id from sms_threads s join conversations c
                                  on c.tenant_id = s.tenant_id and c.conversation_id = s.conversation_id
                                where s.tenant_id = :t and s.phone = :p and c.customer_key = :k limit 1""")
                        .bind("t", tenant.value())
                        .bind("p", phone)
                        .bind("k", customer)
                        .mapTo(UUID.class)
                        .findOne()
                        .map(ConversationId::new);
                if (c.isEmpty()) {
                    continue;
                }
                var subject = StaffRows.subject(
                        h,
                        tenant,
                        c.get(),
                        CustomerKey.of(customer),
                        (out ? "opt-out-" : "opt-in-") + phone + "-" + customer + "-" + at.toEpochMilli(),
                        utc(at));
                StaffRows.crm(h, tenant, List.of(CrmEvents.consent(subject, phone, out, keyword)), utc(at));
            }
        });
    }

    @Override
    public boolean optedOut(TenantId tenant, String phone) {
        return jdbi.withHandle(
                "read SMS consent",
                tenant,
                h -> h.createQuery("""
                                        select exists (select 1 from sms_consent
                                                       where tenant_id = :t and phone = :p and opted_out)
                                            or exists (select 1 from contacts
                                                       where tenant_id = :t and phone = :p and sms_opt_out)""")
                        .bind("t", tenant.value())
                        .bind("p", phone)
                        .mapTo(Boolean.class)
                        .one());
    }

    @Override
    public void sent(TenantId tenant, UUID sms, String messageSid, String conversationSid, Instant at) {
        jdbi.useTransaction("record a sent SMS", tenant, h -> {
            settle(h, tenant, sms, "dispatched_at = :at", at, null);
            h.createUpdate("""
                            update messages set status = 'sent', external_id = :sid where tenant_id = :t and message_id = :id""")
                    .bind("t", tenant.value())
                    .bind("id", sms)
                    .bind("sid", messageSid)
                    .execute();
            h.createUpdate("""
                            update sms_threads s set twilio_sid = :sid
                            from sms_threads mine
                            where mine.tenant_id = :t and mine.conversation_id = (select conversation_id from messages
                                                                                  where tenant_id = :t and message_id = :id)
                              and s.tenant_id = :t and s.phone = mine.phone and s.our_number = mine.our_number
                              and s.twilio_sid is null""")
                    .bind("t", tenant.value())
                    .bind("id", sms)
                    .bind("sid", conversationSid)
                    .execute();
        });
    }

    @Override
    public void retry(TenantId tenant, UUID sms, Instant at, String reason) {
        jdbi.useHandle("retry an SMS", tenant, h -> settle(h, tenant, sms, "available_at = :at", at, reason));
    }

    @Override
    public void failed(TenantId tenant, UUID sms, String reason, Instant at) {
        jdbi.useTransaction("fail an SMS", tenant, h -> {
            settle(h, tenant, sms, "failed_at = :at", at, reason);
            h.createUpdate(
                            "update messages set status = 'failed', status_reason = :r where tenant_id = :t and message_id = :id")
                    .bind("t", tenant.value())
                    .bind("id", sms)
                    .bind("r", reason)
                    .execute();
        });
    }

    private static void settle(Handle h, TenantId tenant, UUID sms, String set, Instant at, String reason) {
        h.createUpdate("update outbox set " + set
                        + ", last_error = :r where tenant_id = :t and topic = 'sms' and dedupe_key = :k")
                .bind("t", tenant.value())
                .bind("k", sms.toString())
                .bind("at", utc(at))
                .bind("r", reason)
                .execute();
    }

    /** How far along a text is: a receipt for an earlier step than the one recorded changes nothing. */
    private static final String RANK_OLD =
            "(case status when 'read' then 3 when 'delivered' then 2 when 'failed' then 2 when 'undelivered' then 2"
                    + " when 'sent' then 1 else 0 end)";

    private static final String RANK_NEW =
            "(case cast(:s as text) when 'read' then 3 when 'delivered' then 2 when 'failed' then 2"
                    + " when 'undelivered' then 2 when 'sent' then 1 else 0 end)";

    @Override
    public boolean delivery(TenantId tenant, String messageSid, String status, Optional<String> error, Instant at) {
        String s =
                switch (status) {
                    case "delivered", "read", "failed", "undelivered", "sent" -> status;
                    default -> throw new IllegalArgumentException("unknown delivery status: " + status);
                };
        return Failures.translate(
                "record SMS delivery",
                () -> jdbi.withHandle(
                                tenant,
                                // a late receipt never moves a text backwards (sent after delivered, delivered after
                                // read)
                                h -> h.createUpdate("""
                        update messages
                        set status = case when %s >= %s then cast(:s as text) else status end,
                            status_reason = case when %s >= %s then cast(:e as text) else status_reason end
                        where tenant_id = :t and channel = 'sms' and direction = 'outbound' and external_id = :sid""".formatted(RANK_NEW, RANK_OLD, RANK_NEW, RANK_OLD))
                                        .bind("t", tenant.value())
                                        .bind("sid", messageSid)
                                        .bind("s", s)
                                        .bind("e", error.orElse(null))
                                        .execute())
                        == 1);
    }
}
