package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * One account's story from where the product recorded it (V2–V21): messages (a reply's visible text, an agent
 * message's citations from the audit record of the turn that wrote it), calls and their lines, dispositions, approvals, promises, disputes, tasks,
 * notes and the CRM events in the outbox. Each kind is read newest first up to the limit, then merged.
 */
public final class PostgresAccountHistory implements AccountHistory {
    private static final String CONVERSATIONS =
            "(select conversation_id from conversations where tenant_id = :t and customer_key = :c)";

    /** Each kind's rows for the account, newest first: at, then the kind's columns. */
    private static final Map<Kind, String> QUERIES = queries();

    private final Tenanted jdbi;

    private PostgresAccountHistory(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresAccountHistory create(Database database) {
        return new PostgresAccountHistory(database.tenanted());
    }

    private static Map<Kind, String> queries() {
        Map<Kind, String> q = new LinkedHashMap<>();
        q.put(Kind.EMAIL, """
                select m.occurred_at as at, m.channel, m.direction, m.from_address, m.to_address, m.subject,
                       coalesce(m.new_text, m.body_text) as body_text, m.status, m.seq,
                       (select string_agg(x, chr(31) order by n) from audit_log a,
                               jsonb_array_elements_text(a.detail -> 'citations') with ordinality as e(x, n)
                        where m.direction = 'outbound' and a.tenant_id = m.tenant_id and a.action = 'turn.handled'
                          and a.subject = 'conversation:' || m.conversation_id and a.occurred_at = m.occurred_at)
                       as citations
                from messages m
                where m.tenant_id = :t and m.channel in ('email', 'sms') and m.conversation_id in %s
                order by m.occurred_at desc, m.seq desc limit :limit""".formatted(CONVERSATIONS));
        q.put(Kind.CALL, """
                select k.started_at as at, k.call_sid, k.outcome, k.ended_at from calls k
                where k.tenant_id = :t and k.conversation_id in %s
                order by k.started_at desc limit :limit""".formatted(CONVERSATIONS));
        q.put(Kind.DISPOSITION, """
                select d.created_at as at, d.payment_status, d.strategy, d.decided_by, d.note,
                       d.expected_payment_date, d.retry_date
                from dispositions d where d.tenant_id = :t and d.customer_key = :c
                order by d.created_at desc limit :limit""");
        q.put(Kind.APPROVAL, """
                select coalesce(p.decided_at, p.requested_at) as at, p.status, p.decided_by, p.reason
                from approvals p where p.tenant_id = :t and p.conversation_id in %s
                order by at desc limit :limit""".formatted(CONVERSATIONS));
        q.put(Kind.PROMISE, """
                select p.created_at as at, p.status, p.invoice_number, p.amount_minor, p.currency, p.due_on,
                       p.installment
                from promises p where p.tenant_id = :t and p.conversation_id in %s
                order by p.created_at desc, p.installment desc limit :limit""".formatted(CONVERSATIONS));
        q.put(Kind.DISPUTE, """
                select d.opened_at as at, d.status, d.invoice_number, d.reason
                from disputes d where d.tenant_id = :t and d.conversation_id in %s
                order by d.opened_at desc limit :limit""".formatted(CONVERSATIONS));
        q.put(Kind.TASK, """
                select k.created_at as at, k.status, k.kind, k.detail, k.closed_by, k.outcome
                from tasks k where k.tenant_id = :t and k.customer_key = :c
                order by k.created_at desc limit :limit""");
        q.put(Kind.NOTE, """
                select n.created_at as at, n.kind, n.author, n.subject, n.body, n.source, n.ticket_status
                from notes n where n.tenant_id = :t and n.customer_key = :c
                order by n.created_at desc limit :limit""");
        q.put(Kind.CRM, """
                select o.created_at as at, o.payload ->> 'kind' as kind, o.payload ->> 'note' as note,
                       case when o.dispatched_at is not null then 'delivered'
                            when o.failed_at is not null then 'failed' else 'waiting' end as status
                from outbox o where o.tenant_id = :t and o.topic = 'crm' and o.payload ->> 'customer' = :c
                order by o.created_at desc, o.outbox_id desc limit :limit""");
        return q;
    }

    @Override
    public List<Event> timeline(TenantId tenant, CustomerKey customer, int limit) {
        return jdbi.withHandle("read an account's timeline", tenant, h -> {
            List<Event> all = new ArrayList<>();
            QUERIES.forEach((kind, sql) -> all.addAll(h.createQuery(sql)
                    .bind("t", tenant.value())
                    .bind("c", customer.value())
                    .bind("limit", limit)
                    .map(mapper(kind))
                    .list()));
            withTranscripts(h, tenant, all);
            return all.stream()
                    .sorted(Comparator.comparing(Event::at).reversed())
                    .limit(limit)
                    .toList();
        });
    }

    @Override
    public int count(TenantId tenant, CustomerKey customer) {
        return jdbi.withHandle("count an account's events", tenant, h -> {
            int n = 0;
            for (String sql : QUERIES.values()) {
                String counted = "select count(*) from (" + sql.replace("limit :limit", "") + ") x";
                n += h.createQuery(counted)
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .mapTo(Integer.class)
                        .one();
            }
            return n;
        });
    }

    /** The calls' lines, read at once for the calls in the list, put in their events in order. */
    private static void withTranscripts(Handle h, TenantId tenant, List<Event> events) {
        List<String> sids = events.stream()
                .filter(e -> e.kind() == Kind.CALL)
                .map(Event::subject)
                .toList();
        if (sids.isEmpty()) {
            return;
        }
        Map<String, List<Line>> lines = new HashMap<>();
        h.createQuery("""
                        select call_sid, speaker, text from call_lines where tenant_id = :t and call_sid = any(:sids)
                        order by call_sid, at, line_no""")
                .bind("t", tenant.value())
                .bind("sids", sids.toArray(String[]::new))
                .map((rs, ctx) -> lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Line(rs.getString(2), rs.getString(3))))
                .list();
        events.replaceAll(e -> e.kind() == Kind.CALL && lines.containsKey(e.subject())
                ? new Event(
                        e.at(),
                        e.kind(),
                        e.by(),
                        e.actor(),
                        e.status(),
                        e.subject(),
                        e.text(),
                        e.details(),
                        lines.get(e.subject()),
                        e.citations())
                : e);
    }

    private static RowMapper<Event> mapper(Kind kind) {
        return (rs, ctx) -> switch (kind) {
            case EMAIL -> message(rs);
            case CALL ->
                event(
                        rs,
                        Kind.CALL,
                        Party.AGENT,
                        "",
                        text(rs, "outcome"),
                        rs.getString("call_sid"),
                        "",
                        details(rs, "ended_at"));
            case DISPOSITION ->
                event(
                        rs,
                        kind,
                        rs.getString("decided_by") == null ? Party.AGENT : Party.PERSON,
                        text(rs, "decided_by"),
                        rs.getString("payment_status"),
                        text(rs, "strategy"),
                        text(rs, "note"),
                        details(rs, "expected_payment_date", "retry_date"));
            case APPROVAL ->
                event(
                        rs,
                        kind,
                        rs.getString("decided_by") == null ? Party.AGENT : Party.PERSON,
                        text(rs, "decided_by"),
                        rs.getString("status"),
                        "",
                        text(rs, "reason"),
                        Map.of());
            case PROMISE ->
                event(
                        rs,
                        kind,
                        Party.DEBTOR,
                        "",
                        rs.getString("status"),
                        text(rs, "invoice_number"),
                        "",
                        details(rs, "amount_minor", "currency", "due_on", "installment"));
            case DISPUTE ->
                event(
                        rs,
                        kind,
                        Party.DEBTOR,
                        "",
                        rs.getString("status"),
                        text(rs, "invoice_number"),
                        text(rs, "reason"),
                        Map.of());
            case TASK ->
                event(
                        rs,
                        kind,
                        Party.AGENT,
                        text(rs, "closed_by"),
                        rs.getString("status"),
                        rs.getString("kind"),
                        rs.getString("detail"),
                        details(rs, "outcome"));
            case NOTE ->
                event(
                        rs,
                        kind,
                        Party.PERSON,
                        text(rs, "author"),
                        Optional.ofNullable(rs.getString("ticket_status")).orElse(rs.getString("kind")),
                        text(rs, "subject"),
                        rs.getString("body"),
                        details(rs, "source"));
            case CRM ->
                event(rs, kind, Party.SYSTEM, "", rs.getString("status"), text(rs, "kind"), text(rs, "note"), Map.of());
            case TEXT -> throw new IllegalStateException("texts are read with the emails");
        };
    }

    private static Event message(ResultSet rs) throws SQLException {
        boolean inbound = rs.getString("direction").equals("inbound");
        String citations = rs.getString("citations");
        return new Event(
                at(rs),
                rs.getString("channel").equals("sms") ? Kind.TEXT : Kind.EMAIL,
                inbound ? Party.DEBTOR : Party.AGENT,
                rs.getString(inbound ? "from_address" : "to_address"),
                rs.getString("status"),
                text(rs, "subject"),
                text(rs, "body_text"),
                Map.of(),
                List.of(),
                citations == null ? List.of() : List.of(citations.split("\u001f")));
    }

    private static Event event(
            ResultSet rs,
            Kind kind,
            Party by,
            String actor,
            String status,
            String subject,
            String text,
            Map<String, String> details)
            throws SQLException {
        return new Event(
                at(rs), kind, by, actor, status == null ? "" : status, subject, text, details, List.of(), List.of());
    }

    private static Instant at(ResultSet rs) throws SQLException {
        return rs.getObject("at", OffsetDateTime.class).toInstant();
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).orElse("");
    }

    /** The named columns that have a value, by name (a time as an instant, the rest as the database writes them). */
    private static Map<String, String> details(ResultSet rs, String... columns) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : columns) {
            Object v = rs.getObject(c);
            if (v instanceof java.sql.Timestamp t) {
                out.put(c, t.toInstant().toString());
            } else if (v != null) {
                out.put(c, v.toString());
            }
        }
        return out;
    }
}
