package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.VoiceJournal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@link VoiceJournal} on PostgreSQL: {@code calls} and {@code call_lines} (V7); a committed turn is written like
 * any other (stage, promises, disposition, audit, CRM events) in its own transaction.
 */
public final class PostgresVoiceJournal implements VoiceJournal {
    private final Tenanted jdbi;

    private PostgresVoiceJournal(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresVoiceJournal create(Database database) {
        return new PostgresVoiceJournal(database.tenanted());
    }

    @Override
    public ConversationState state(TenantId tenant, ConversationId conversation) {
        return jdbi.withHandle("read conversation", tenant, h -> TurnRows.state(h, tenant, conversation));
    }

    @Override
    public ConversationId open(
            TenantId tenant,
            dev.aragent.agent.ledger.CustomerKey customer,
            java.util.List<String> invoices,
            Instant at) {
        ConversationId id = ConversationId.random();
        jdbi.useTransaction("open a call's conversation", tenant, h -> {
            MailRows.open(
                    h, tenant, id, customer, "voice", "call-" + id.value(), invoices, at.atOffset(ZoneOffset.UTC));
            AuditLog.append(
                    h,
                    tenant,
                    at.atOffset(ZoneOffset.UTC),
                    "voice",
                    "conversation.opened",
                    "conversation:" + id,
                    java.util.Map.of("invoices", String.join(",", invoices), "channel", "voice"));
        });
        return id;
    }

    @Override
    public void started(TenantId tenant, String callSid, ConversationId conversation, Instant at) {
        jdbi.useHandle(
                "record a call",
                tenant,
                h -> h.createUpdate("""
                        insert into calls (tenant_id, call_sid, conversation_id, started_at) values (:t, :sid, :c, :at)
                        on conflict do nothing""")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .bind("c", conversation.value())
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public void started(TenantId tenant, String callSid, ConversationId conversation, String number, Instant at) {
        jdbi.useHandle(
                "record a call",
                tenant,
                h -> h.createUpdate("""
                        insert into calls (tenant_id, call_sid, conversation_id, started_at, to_number)
                        values (:t, :sid, :c, :at, :n)
                        on conflict (tenant_id, call_sid) do update set to_number = excluded.to_number""")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .bind("c", conversation.value())
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .bind("n", number)
                        .execute());
    }

    @Override
    public boolean openStream(TenantId tenant, String callSid, ConversationId conversation, Instant at) {
        return Failures.translate(
                "open a call's stream",
                () -> jdbi.withHandle(
                                tenant,
                                h -> h.createUpdate("""
                                        update calls set stream_opened_at = :at
                                        where tenant_id = :t and call_sid = :sid and conversation_id = :c
                                          and to_number is not null and stream_opened_at is null""")
                                        .bind("at", at.atOffset(ZoneOffset.UTC))
                                        .bind("t", tenant.value())
                                        .bind("sid", callSid)
                                        .bind("c", conversation.value())
                                        .execute())
                        == 1);
    }

    @Override
    public void line(TenantId tenant, String callSid, String speaker, String text, Instant at) {
        insertLine(tenant, callSid, speaker, text, at, null);
    }

    @Override
    public void answered(TenantId tenant, String callSid, String text, Instant at, java.time.Duration took) {
        insertLine(tenant, callSid, "agent", text, at, (int) Math.min(Integer.MAX_VALUE, took.toMillis()));
    }

    private void insertLine(TenantId tenant, String callSid, String speaker, String text, Instant at, Integer tookMs) {
        // on the call's critical path: an asynchronous commit (PostgreSQL flushes it within a few hundred ms; a crash
        // in that window can lose the line, never corrupt anything); turns and outcomes commit synchronously
        jdbi.useTransaction("record a transcript line", tenant, h -> {
            h.execute("set local synchronous_commit = off");
            h.createUpdate("""
                            insert into call_lines (tenant_id, call_sid, speaker, text, at, took_ms)
                            values (:t, :sid, :who, :text, :at, :took)""")
                    .bind("t", tenant.value())
                    .bind("sid", callSid)
                    .bind("who", speaker)
                    .bind("text", text)
                    .bind("at", at.atOffset(ZoneOffset.UTC))
                    .bind("took", tookMs)
                    .execute();
        });
    }

    @Override
    public void commit(TenantId tenant, String callSid, ConversationId conversation, TurnRecord turn, Instant at) {
        jdbi.useTransaction("write a call's turn", tenant, h -> {
            TurnRows.write(h, tenant, conversation, Optional.empty(), turn, at.atOffset(ZoneOffset.UTC));
            h.createUpdate("update conversations set unanswered = 0, last_inbound_at = :at where tenant_id = :t"
                            + " and conversation_id = :c")
                    .bind("t", tenant.value())
                    .bind("c", conversation.value())
                    .bind("at", at.atOffset(ZoneOffset.UTC))
                    .execute();
        });
    }

    /**
     * The call's outcome, the first one told only (a status callback may follow the bridge's own). A call that reached
     * someone else ({@code wrong_party}) stops calls and texts to the number it reached and leaves a person the task of
     * finding who handles payables.
     */
    @Override
    public void ended(TenantId tenant, String callSid, String outcome, Instant at) {
        jdbi.useTransaction("end a call", tenant, h -> {
            var when = at.atOffset(ZoneOffset.UTC);
            Optional<java.util.Map<String, Object>> first = h.createQuery("""
                            update calls k set outcome = :o, ended_at = coalesce(k.ended_at, :at)
                            from conversations c
                            where k.tenant_id = :t and k.call_sid = :sid and k.outcome is null
                              and c.tenant_id = k.tenant_id and c.conversation_id = k.conversation_id
                            returning c.customer_key, k.conversation_id""")
                    .bind("t", tenant.value())
                    .bind("sid", callSid)
                    .bind("o", outcome)
                    .bind("at", when)
                    .mapToMap()
                    .findOne();
            if (first.isEmpty()) {
                h.createUpdate("update calls set ended_at = coalesce(ended_at, :at)"
                                + " where tenant_id = :t and call_sid = :sid")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .bind("at", when)
                        .execute();
            } else if (outcome.equals("wrong_party")) {
                // the number reached someone who does not handle the account: no more calls or texts to it
                h.createUpdate("""
                                update contacts k set sms_opt_out = true, updated_at = :at
                                from calls c
                                where c.tenant_id = :t and c.call_sid = :sid and c.to_number is not null
                                  and k.tenant_id = :t and k.customer_key = :customer and k.phone = c.to_number""")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .bind("customer", (String) first.get().get("customer_key"))
                        .bind("at", when)
                        .execute();
                MailRows.task(
                        h,
                        tenant,
                        Optional.of((String) first.get().get("customer_key")),
                        "find_contact",
                        "call " + callSid + " reached someone who does not handle the account:"
                                + " find the right contact",
                        when,
                        Optional.of((java.util.UUID) first.get().get("conversation_id")));
            }
        });
    }

    @Override
    public java.util.Optional<String> outcome(TenantId tenant, String callSid) {
        return jdbi.withHandle(
                "read a call's outcome",
                tenant,
                h -> h.createQuery(
                                "select outcome from calls where tenant_id = :t and call_sid = :sid and outcome is not null")
                        .bind("t", tenant.value())
                        .bind("sid", callSid)
                        .mapTo(String.class)
                        .findOne());
    }
}
