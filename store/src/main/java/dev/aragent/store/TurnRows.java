package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.Turn;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes what the playbook decided about one message, inside the message's transaction: the conversation's stage and
 * memory, promises, disputes, new contacts, approvals, tasks, the disposition and the audit record. Reads the state the
 * playbook starts from.
 */
final class TurnRows {
    static final Duration APPROVAL_EXPIRY = Duration.ofHours(48);

    private TurnRows() {}

    static ConversationState state(Handle h, TenantId tenant, ConversationId c) {
        var row = h.createQuery("""
                        select customer_key, channel, stage, unanswered, last_strategy, last_outbound_at,
                               (select d.retry_date from dispositions d where d.tenant_id = conversations.tenant_id
                                  and d.conversation_id = conversations.conversation_id
                                order by d.created_at desc limit 1) as retry_on,
                               last_offer->>'currency' as currency, (last_offer->>'balance_minor')::bigint as balance_minor,
                               (last_offer->>'discount_percent')::int as discount, (last_offer->>'late_fees_waived')::boolean as waived
                        from conversations where tenant_id = :t and conversation_id = :c""")
                .bind("t", tenant.value())
                .bind("c", c.value())
                .mapToMap()
                .one();
        List<String> invoices = h.createQuery(
                        "select invoice_number from conversation_invoices where tenant_id = :t and conversation_id = :c order by invoice_number")
                .bind("t", tenant.value())
                .bind("c", c.value())
                .mapTo(String.class)
                .list();
        List<PromiseRecord> promises = h.createQuery("""
                        select promise_id, currency, amount_minor, due_on, installment, status, created_at from promises
                        where tenant_id = :t and conversation_id = :c order by created_at, installment""")
                .bind("t", tenant.value())
                .bind("c", c.value())
                .map((rs, ctx) -> new PromiseRecord(
                        rs.getObject("promise_id", UUID.class),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getInt("installment"),
                        PromiseRecord.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        Optional<Terms> offer = Optional.empty();
        if (row.get("currency") != null) {
            String currency = (String) row.get("currency");
            List<Installment> installments = h.createQuery("""
                            select (e->>'due')::date as due, (e->>'minor')::bigint as minor
                            from conversations, jsonb_array_elements(last_offer->'installments') with ordinality as x(e, n)
                            where tenant_id = :t and conversation_id = :c order by n""")
                    .bind("t", tenant.value())
                    .bind("c", c.value())
                    .map((rs, ctx) -> new Installment(
                            rs.getObject("due", LocalDate.class), Money.of(rs.getLong("minor"), currency)))
                    .list();
            offer = Optional.of(new Terms(
                    Money.of(((Number) row.get("balance_minor")).longValue(), currency),
                    ((Number) row.get("discount")).intValue(),
                    (Boolean) row.get("waived"),
                    installments));
        }
        return new ConversationState(
                c,
                CustomerKey.of((String) row.get("customer_key")),
                Channel.valueOf(((String) row.get("channel")).toUpperCase(Locale.ROOT)),
                Stage.fromCode((String) row.get("stage")),
                invoices,
                promises,
                ((Number) row.get("unanswered")).intValue(),
                Optional.ofNullable((String) row.get("last_strategy"))
                        .map(s -> Strategy.valueOf(s.toUpperCase(Locale.ROOT))),
                offer,
                Optional.ofNullable(row.get("last_outbound_at")).map(TurnRows::instant),
                Optional.ofNullable(row.get("retry_on"))
                        .map(d -> d instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) d));
    }

    private static java.time.Instant instant(Object o) {
        return switch (o) {
            case OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + o.getClass());
        };
    }

    /**
     * Conversations on {@code channel} with something due by {@code now}: an open promise past its date, or our last
     * message unanswered for {@code quiet} while the conversation is open or engaged.
     */
    static List<ConversationId> dueForFollowUp(
            Handle h, TenantId tenant, String channel, java.time.Instant now, Duration quiet) {
        return h.createQuery("""
                        select c.conversation_id from conversations c
                        where c.tenant_id = :t and c.channel = :channel and (
                            exists (select 1 from promises p where p.tenant_id = c.tenant_id
                                    and p.conversation_id = c.conversation_id and p.status = 'open' and p.due_on < :today)
                            or (c.stage in ('open', 'engaged') and c.unanswered > 0 and c.last_outbound_at <= :quiet
                                -- not before the date the latest outcome set to try again (away until then, …)
                                and coalesce((select d.retry_date from dispositions d
                                              where d.tenant_id = c.tenant_id and d.conversation_id = c.conversation_id
                                              order by d.created_at desc limit 1), :today) <= :today))
                        order by c.updated_at""")
                .bind("t", tenant.value())
                .bind("channel", channel)
                .bind("today", now.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .bind("quiet", now.minus(quiet).atOffset(java.time.ZoneOffset.UTC))
                .map((rs, ctx) -> new ConversationId(rs.getObject(1, UUID.class)))
                .list();
    }

    static void write(
            Handle h, TenantId tenant, ConversationId c, Optional<UUID> message, TurnRecord r, OffsetDateTime now) {
        Turn turn = r.turn();
        h.createUpdate("""
                        update conversations set stage = :stage, last_strategy = :strategy,
                            last_offer = cast(:offer as jsonb), updated_at = :now
                        where tenant_id = :t and conversation_id = :c""")
                .bind("t", tenant.value())
                .bind("c", c.value())
                .bind("stage", turn.stage().code())
                .bind("strategy", r.strategy().map(Strategy::code).orElse(null))
                .bind(
                        "offer",
                        r.offered().map(TurnRows::terms).map(Json::object).orElse(null))
                .bind("now", now)
                .execute();
        CustomerKey customer = CustomerKey.of(
                h.createQuery("select customer_key from conversations where tenant_id = :t and conversation_id = :c")
                        .bind("t", tenant.value())
                        .bind("c", c.value())
                        .mapTo(String.class)
                        .one());
        for (Effect e : turn.effects()) {
            effect(h, tenant, c, customer, message, e, r, now);
        }
        UUID disposition = disposition(h, tenant, c, message, r, now);
        StaffRows.crm(
                h,
                tenant,
                CrmEvents.of(StaffRows.subject(h, tenant, c, customer, disposition.toString(), now), r),
                now);
        StaffRows.notices(h, tenant, customer, r, now);
        AuditLog.append(h, tenant, now, "agent:" + r.drafter(), "turn.handled", "conversation:" + c, audit(r, message));
    }

    private static void effect(
            Handle h,
            TenantId t,
            ConversationId c,
            CustomerKey customer,
            Optional<UUID> message,
            Effect e,
            TurnRecord r,
            OffsetDateTime now) {
        switch (e) {
            case Effect.RecordPromises p -> {
                h.createUpdate("""
                                update promises set status = 'cancelled', resolved_at = :now
                                where tenant_id = :t and conversation_id = :c and status = 'open'""")
                        .bind("t", t.value())
                        .bind("c", c.value())
                        .bind("now", now)
                        .execute();
                int n = 1;
                for (Installment i : p.terms().installments()) {
                    h.createUpdate("""
                                    insert into promises (tenant_id, promise_id, conversation_id, currency, amount_minor, due_on,
                                        installment, status, created_at)
                                    values (:t, :id, :c, :cur, :amount, :due, :n, 'open', :now)""")
                            .bind("t", t.value())
                            .bind("id", UUID.randomUUID())
                            .bind("c", c.value())
                            .bind("cur", i.amount().currency().getCurrencyCode())
                            .bind("amount", i.amount().minor())
                            .bind("due", i.due())
                            .bind("n", n++)
                            .bind("now", now)
                            .execute();
                }
            }
            case Effect.SettlePromise p ->
                h.createUpdate("""
                                update promises set status = :status, resolved_at = :now
                                where tenant_id = :t and promise_id = :id and status = 'open'""")
                        .bind("t", t.value())
                        .bind("id", p.promise())
                        .bind("status", p.outcome().name().toLowerCase(Locale.ROOT))
                        .bind("now", now)
                        .execute();
            case Effect.OpenDispute d ->
                h.createUpdate("""
                            insert into disputes (tenant_id, dispute_id, conversation_id, invoice_number, reason, status, opened_at,
                                currency, amount_minor)
                            values (:t, :id, :c, :inv, :reason, 'open', :now, :cur, :amount)""")
                        .bind("t", t.value())
                        .bind("id", UUID.randomUUID())
                        .bind("c", c.value())
                        .bind("inv", d.invoiceNumber())
                        .bind("reason", d.reason())
                        .bind("now", now)
                        .bind("cur", d.amount().currency().getCurrencyCode())
                        .bind("amount", d.amount().minor())
                        .execute();
            case Effect.CaptureContact cc -> contact(h, t, customer, cc.change(), now);
            case Effect.VoiceConsent v -> {
                int given = v.phone()
                        .map(p -> h.createUpdate("""
                                        update contacts set voice_consent = true, updated_at = :now
                                        where tenant_id = :t and customer_key = :customer and phone = :p""")
                                .bind("t", t.value())
                                .bind("customer", customer.value())
                                .bind("p", p)
                                .bind("now", now)
                                .execute())
                        .orElse(0);
                if (given == 0) {
                    message.ifPresent(m -> writer(h, t, customer, m, "voice_consent = true", now));
                }
            }
            case Effect.NotResponsible n ->
                message.ifPresent(m -> writer(h, t, customer, m, "email_opt_out = true, sms_opt_out = true", now));
            case Effect.OptOut o ->
                h.createUpdate("""
                            update contacts set email_opt_out = email_opt_out or lower(email) = lower(:a),
                                sms_opt_out = sms_opt_out or phone = :a, updated_at = :now
                            where tenant_id = :t and (lower(email) = lower(:a) or phone = :a)""")
                        .bind("t", t.value())
                        .bind("a", o.address())
                        .bind("now", now)
                        .execute();
            case Effect.RequestApproval a ->
                h.createUpdate("""
                            insert into approvals (tenant_id, approval_id, conversation_id, proposal, status, requested_at,
                                expires_at, approver, fallback, reasons, context)
                            values (:t, :id, :c, cast(:proposal as jsonb), 'pending', :now, :expires, :approver,
                                cast(:fallback as jsonb), :reasons,
                                cast(:context as jsonb) || jsonb_build_object('debtor_words', coalesce((
                                    select jsonb_agg(w.said order by w.at) from (
                                        select to_char(m.occurred_at at time zone 'UTC', 'YYYY-MM-DD') || ' ('
                                                   || m.channel || '): ' || coalesce(m.new_text, m.body_text) as said,
                                               m.occurred_at as at
                                        from messages m
                                        where m.tenant_id = :t and m.conversation_id = :c and m.direction = 'inbound'
                                          and coalesce(m.new_text, m.body_text) is not null
                                        order by m.occurred_at desc, m.seq desc limit 5) w), '[]'::jsonb)))""")
                        .bind("context", StaffRows.context(r))
                        .bind("t", t.value())
                        .bind("id", UUID.randomUUID())
                        .bind("c", c.value())
                        .bind("proposal", Json.object(terms(a.proposed())))
                        .bind("now", now)
                        .bind("expires", now.plus(APPROVAL_EXPIRY))
                        .bind("approver", a.approver())
                        .bind(
                                "fallback",
                                a.fallback()
                                        .map(TurnRows::terms)
                                        .map(Json::object)
                                        .orElse(null))
                        .bind("reasons", a.reasons().toArray(String[]::new))
                        .execute();
            case Effect.Task task ->
                h.createUpdate("""
                            insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                conversation_id, due_on)
                            values (:t, :id, :customer, :kind, :detail, 'open', :now, :c, :due)""")
                        .bind("t", t.value())
                        .bind("id", UUID.randomUUID())
                        .bind("customer", customer.value())
                        .bind("kind", task.kind().code())
                        .bind("detail", task.detail())
                        .bind("now", now)
                        .bind("c", c.value())
                        .bind("due", task.due().orElse(null))
                        .execute();
        }
    }

    /** Sets {@code assignments} (fixed SQL, never input) on the customer's contact who wrote {@code message}. */
    private static void writer(
            Handle h, TenantId t, CustomerKey customer, UUID message, String assignments, OffsetDateTime now) {
        h.createUpdate("update contacts k set " + assignments + ", updated_at = :now from messages x"
                        + " where k.tenant_id = :t and k.customer_key = :customer"
                        + " and x.tenant_id = :t and x.message_id = :m"
                        + " and (lower(k.email) = lower(x.from_address) or k.phone = x.from_address)")
                .bind("t", t.value())
                .bind("customer", customer.value())
                .bind("m", message)
                .bind("now", now)
                .execute();
    }

    /** A new contact the debtor named: added to the customer (email first), never replacing one on file. */
    private static void contact(
            Handle h, TenantId t, CustomerKey customer, Disposition.ContactChange change, OffsetDateTime now) {
        if (change.email().isEmpty() && change.phone().isEmpty()) {
            return;
        }
        h.createUpdate("""
                        insert into contacts (tenant_id, customer_key, contact_key, name, email, phone, role, updated_at)
                        values (:t, :c, coalesce(lower(:email), :phone), :name, :email, :phone, 'billing', :now)
                        on conflict do nothing""")
                .bind("t", t.value())
                .bind("c", customer.value())
                .bind("name", change.name().orElse(""))
                .bind("email", change.email().orElse(null))
                .bind("phone", change.phone().orElse(null))
                .bind("now", now)
                .execute();
    }

    private static UUID disposition(
            Handle h, TenantId t, ConversationId c, Optional<UUID> message, TurnRecord r, OffsetDateTime now) {
        Disposition d = r.turn().disposition();
        UUID id = UUID.randomUUID();
        h.createUpdate("""
                        insert into dispositions (tenant_id, disposition_id, conversation_id, message_id, payment_status,
                            expected_payment_date, dispute_reason, new_contact_info, escalation_needed, retry_date, created_at,
                            intent, confidence, strategy, stage, drafter, policy_version, customer_key)
                        select :t, :id, :c, :m, :status, :expected, :dispute, cast(:contact as jsonb), :escalate, :retry, :now,
                            :intent, :confidence, :strategy, :stage, :drafter, :policy, customer_key
                        from conversations where tenant_id = :t and conversation_id = :c""")
                .bind("t", t.value())
                .bind("id", id)
                .bind("c", c.value())
                .bind("m", message.orElse(null))
                .bind("status", d.paymentStatus().code())
                .bind("expected", d.expectedPaymentDate().orElse(null))
                .bind("dispute", d.disputeReason().orElse(null))
                .bind("contact", d.newContactInfo().map(TurnRows::contactJson).orElse(null))
                .bind("escalate", d.escalationNeeded())
                .bind("retry", d.retryDate().orElse(null))
                .bind("now", now)
                .bind("intent", r.turn().reading().intent().code())
                .bind("confidence", r.turn().reading().confidence())
                .bind("strategy", r.strategy().map(Strategy::code).orElse(null))
                .bind("stage", r.turn().stage().code())
                .bind("drafter", r.drafter())
                .bind("policy", r.turn().policyVersion())
                .execute();
        return id;
    }

    private static String contactJson(Disposition.ContactChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("name", c.name());
        return Json.object(m);
    }

    static Map<String, Object> terms(Terms t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", t.balance().currency().getCurrencyCode());
        m.put("balance_minor", t.balance().minor());
        m.put("discount_percent", t.discountPercent());
        m.put("late_fees_waived", t.lateFeesWaived());
        List<Object> list = new ArrayList<>();
        for (Installment i : t.installments()) {
            list.add(Map.of("due", i.due().toString(), "minor", i.amount().minor()));
        }
        m.put("installments", list);
        return m;
    }

    /** Inputs, citations, decision, policy version, drafter and guardrail results: why the agent did what it did. */
    private static Map<String, Object> audit(TurnRecord r, Optional<UUID> message) {
        Turn turn = r.turn();
        var u = turn.reading();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message.map(UUID::toString).orElse("scheduled"));
        m.put("intent", u.intent().code());
        m.put("confidence", u.confidence());
        m.put("also", u.alsoMentioned().stream().map(Intent::code).toList());
        m.put("reader", u.reader());
        m.put("amounts", u.amounts().stream().map(Amount::display).toList());
        m.put("dates", u.dates().stream().map(LocalDate::toString).toList());
        m.put("invoices", u.invoiceNumbers());
        m.put("injection_suspected", u.injection());
        m.put("citations", r.citations().stream().map(Passage::citation).toList());
        m.put("policy_version", turn.policyVersion());
        turn.decision().ifPresent(d -> {
            m.put("decision", d.getClass().getSimpleName().toLowerCase(Locale.ROOT));
            m.put("decision_reasons", d.reasons());
            switch (d) {
                case Decision.Accept a -> m.put("terms", terms(a.terms()));
                case Decision.Counter x -> m.put("terms", terms(x.terms()));
                case Decision.NeedsApproval n -> m.put("terms", terms(n.proposed()));
                case Decision.Decline x -> {}
            }
        });
        m.put("stage", turn.stage().code());
        m.put("strategy", r.strategy().map(Strategy::code).orElse("none"));
        m.put("drafter", r.drafter());
        m.put("guardrails", r.guardrailViolations().isEmpty() ? "passed" : r.guardrailViolations());
        if (r.fellBack()) {
            m.put("rejected_draft", r.rejectedDraftViolations());
        }
        m.put(
                "effects",
                turn.effects().stream().map(e -> e.getClass().getSimpleName()).toList());
        return m;
    }
}
