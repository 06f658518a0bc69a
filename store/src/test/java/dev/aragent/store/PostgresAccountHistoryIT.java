package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHistory;
import dev.aragent.agent.spi.AccountHistory.Event;
import dev.aragent.agent.spi.AccountHistory.Party;
import dev.aragent.agent.spi.AccountHistoryContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;

/**
 * An account's timeline read from the tables the product writes (messages and the turns' audit records, calls and
 * their lines, dispositions, approvals, promises, disputes, tasks, notes, the CRM outbox): the contract.
 */
class PostgresAccountHistoryIT implements AccountHistoryContract {
    private static Database db;
    private static AccountHistory history;
    private final Map<String, UUID> conversations = new HashMap<>();

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        history = PostgresAccountHistory.create(db);
    }

    @Override
    public AccountHistory history() {
        return history;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        LedgerRows.owingOneEach(db, NOW, tenant, customers, 100);
    }

    @Override
    public void given(TenantId tenant, CustomerKey customer, Event e) {
        db.jdbi().useHandle(h -> record(h, tenant.value(), customer.value(), e));
    }

    private void record(Handle h, String t, String customer, Event e) {
        UUID c = conversations.computeIfAbsent(t + "/" + customer, k -> conversation(h, t, customer));
        OffsetDateTime at = e.at().atOffset(ZoneOffset.UTC);
        switch (e.kind()) {
            case EMAIL, TEXT -> {
                boolean in = e.by() == Party.DEBTOR;
                h.execute(
                        """
                        insert into messages (tenant_id, message_id, conversation_id, direction, channel, external_id,
                                              from_address, to_address, subject, body_text, status, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID(),
                        c,
                        in ? "inbound" : "outbound",
                        e.kind() == AccountHistory.Kind.TEXT ? "sms" : "email",
                        UUID.randomUUID().toString(),
                        in ? e.actor() : "ar@acme.example",
                        in ? "ar@acme.example" : e.actor(),
                        e.subject().isEmpty() ? null : e.subject(),
                        e.text(),
                        e.status(),
                        at);
                if (!e.citations().isEmpty()) {
                    h.execute(
                            """
                            insert into audit_log (tenant_id, occurred_at, actor, action, subject, detail)
                            values (?, ?, 'agent:template', 'turn.handled', ?, cast(? as jsonb))""",
                            t,
                            at,
                            "conversation:" + c,
                            Json.object(Map.<String, Object>of("citations", e.citations())));
                }
            }
            case CALL -> {
                h.execute(
                        """
                        insert into calls (tenant_id, call_sid, conversation_id, outcome, started_at, ended_at)
                        values (?, ?, ?, ?, ?, ?)""",
                        t,
                        e.subject(),
                        c,
                        e.status(),
                        at,
                        Instant.parse(e.details().get("ended_at")).atOffset(ZoneOffset.UTC));
                for (int i = 0; i < e.lines().size(); i++) {
                    h.execute(
                            "insert into call_lines (tenant_id, call_sid, speaker, text, at) values (?, ?, ?, ?, ?)",
                            t,
                            e.subject(),
                            e.lines().get(i).speaker(),
                            e.lines().get(i).text(),
                            at.plusSeconds(i));
                }
            }
            case DISPOSITION -> {
                boolean person = e.by() == Party.PERSON;
                h.execute(
                        """
                        insert into dispositions (tenant_id, disposition_id, conversation_id, customer_key,
                                                  payment_status, strategy, decided_by, note, expected_payment_date,
                                                  retry_date, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID(),
                        person ? null : c,
                        customer,
                        e.status(),
                        e.subject().isEmpty() ? null : e.subject(),
                        person ? e.actor() : null,
                        e.text().isEmpty() ? null : e.text(),
                        date(e, "expected_payment_date"),
                        date(e, "retry_date"),
                        at);
            }
            case APPROVAL ->
                h.execute(
                        """
                        insert into approvals (tenant_id, approval_id, conversation_id, proposal, status, requested_at,
                                               expires_at, decided_at, decided_by, reason)
                        values (?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID(),
                        c,
                        e.status(),
                        at.minusHours(1),
                        at.plusDays(1),
                        at,
                        e.actor(),
                        e.text());
            case PROMISE ->
                h.execute(
                        """
                        insert into promises (tenant_id, promise_id, conversation_id, invoice_number, currency,
                                              amount_minor, due_on, installment, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID(),
                        c,
                        e.subject(),
                        e.details().get("currency"),
                        Long.parseLong(e.details().get("amount_minor")),
                        date(e, "due_on"),
                        Integer.parseInt(e.details().get("installment")),
                        e.status(),
                        at);
            case DISPUTE -> h.execute("""
                        insert into disputes (tenant_id, dispute_id, conversation_id, invoice_number, reason, status,
                                              opened_at)
                        values (?, ?, ?, ?, ?, ?, ?)""", t, UUID.randomUUID(), c, e.subject(), e.text(), e.status(), at);
            case TASK ->
                h.execute(
                        """
                        insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                           closed_by, outcome)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID(),
                        customer,
                        e.subject(),
                        e.text(),
                        e.status(),
                        at,
                        e.actor(),
                        e.details().get("outcome"));
            case NOTE ->
                h.execute(
                        """
                        insert into notes (tenant_id, reference, customer_key, kind, created_at, source, author,
                                           subject, body, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        t,
                        UUID.randomUUID().toString(),
                        customer,
                        e.status(),
                        at,
                        e.details().get("source"),
                        e.actor(),
                        e.subject(),
                        e.text(),
                        at);
            case CRM ->
                h.execute(
                        """
                        insert into outbox (tenant_id, topic, dedupe_key, payload, created_at, available_at,
                                            dispatched_at)
                        values (?, 'crm', ?, cast(? as jsonb), ?, ?, ?)""",
                        t,
                        UUID.randomUUID().toString(),
                        Json.object(
                                Map.<String, Object>of("customer", customer, "kind", e.subject(), "note", e.text())),
                        at,
                        at,
                        e.status().equals("delivered") ? at.plus(Duration.ofMinutes(1)) : null);
        }
    }

    private static LocalDate date(Event e, String name) {
        return e.details().containsKey(name) ? LocalDate.parse(e.details().get(name)) : null;
    }

    private static UUID conversation(Handle h, String t, String customer) {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = NOW.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
        h.execute("""
                insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                                           opened_at, updated_at)
                values (?, ?, ?, 'email', 'open', ?, ?, ?)""", t, id, customer, UUID.randomUUID().toString(), at, at);
        return id;
    }
}
