package dev.aragent.store;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.StaffNotices;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ApprovalBook;
import dev.aragent.agent.spi.StaffFeed;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Approvals on PostgreSQL: a decision is an update guarded by {@code status = 'pending'}, so two people (or Slack's
 * retries) deciding the same approval write one decision; the turn it causes, its messages, the audit record and the
 * CRM event commit with it. Also the staff feed: cards to post or update, notices to send.
 */
public final class PostgresApprovalBook implements ApprovalBook, StaffFeed {
    private static final String SELECT = """
            select a.*, a.proposal::text as proposal_json, a.fallback::text as fallback_json, a.agreed::text as agreed_json,
                   a.context->>'debtor_text' as debtor_text,
                   coalesce((a.context->>'debtors_own')::boolean, true) as debtors_own,
                   coalesce(array(select jsonb_array_elements_text(a.context->'citations')), '{}') as citations,
                   coalesce(array(select jsonb_array_elements_text(a.context->'debtor_words')), '{}') as debtor_words,
                   c.customer_key, c.channel, coalesce(k.name, c.customer_key) as customer_name
            from approvals a
            join conversations c on c.tenant_id = a.tenant_id and c.conversation_id = a.conversation_id
            left join customers k on k.tenant_id = c.tenant_id and k.customer_key = c.customer_key
            """;

    private final Tenanted jdbi;

    private PostgresApprovalBook(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresApprovalBook create(Database database) {
        return new PostgresApprovalBook(database.tenanted());
    }

    @Override
    public List<Approval> pending(TenantId tenant) {
        return list(tenant, "where a.tenant_id = :t and a.status = 'pending' order by a.requested_at", Map.of());
    }

    @Override
    public List<Approval> recent(TenantId tenant, int max) {
        return list(tenant, "where a.tenant_id = :t order by a.requested_at desc limit " + Math.max(1, max), Map.of());
    }

    @Override
    public Optional<Approval> find(TenantId tenant, UUID id) {
        return list(tenant, "where a.tenant_id = :t and a.approval_id = :id", Map.of("id", id)).stream()
                .findFirst();
    }

    private List<Approval> list(TenantId tenant, String where, Map<String, Object> binds) {
        return jdbi.withHandle("read approvals", tenant, h -> {
            var q = h.createQuery(SELECT + where).bind("t", tenant.value());
            binds.forEach(q::bind);
            List<Map<String, Object>> rows = q.mapToMap().list();
            return rows.stream().map(r -> approval(h, r)).toList();
        });
    }

    private static Approval approval(Handle h, Map<String, Object> r) {
        Object citations = r.get("citations");
        List<String> cited = citations instanceof java.sql.Array a ? arr(a) : List.of();
        return new Approval(
                (UUID) r.get("approval_id"),
                new ConversationId((UUID) r.get("conversation_id")),
                CustomerKey.of((String) r.get("customer_key")),
                (String) r.get("customer_name"),
                Channel.valueOf(((String) r.get("channel")).toUpperCase(Locale.ROOT)),
                TermsJson.read(h, (String) r.get("proposal_json")).orElseThrow(),
                TermsJson.read(h, (String) r.get("fallback_json")),
                Optional.ofNullable((String) r.get("approver")).orElse("ar_manager"),
                r.get("reasons") instanceof java.sql.Array a ? arr(a) : List.of(),
                Optional.ofNullable((String) r.get("debtor_text")),
                cited,
                Approval.Status.fromCode((String) r.get("status")),
                instant(r.get("requested_at")),
                Optional.ofNullable(r.get("decided_at")).map(PostgresApprovalBook::instant),
                Optional.ofNullable((String) r.get("decided_by")),
                Optional.ofNullable((String) r.get("reason")),
                TermsJson.read(h, (String) r.get("agreed_json")),
                Boolean.TRUE.equals(r.get("debtors_own")),
                r.get("debtor_words") instanceof java.sql.Array w ? arr(w) : List.of());
    }

    private static List<String> arr(java.sql.Array a) {
        try {
            return List.of((String[]) a.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object o) {
        return switch (o) {
            case OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + o.getClass());
        };
    }

    @Override
    public boolean resolve(
            TenantId tenant, Approval.Resolution res, Optional<TurnRecord> turn, List<Outgoing> messages) {
        OffsetDateTime at = res.at().atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction("decide approval", tenant, h -> {
            int changed = h.createUpdate("""
                            update approvals set status = :s, decided_at = :at, decided_by = :by, reason = :note,
                                agreed = cast(:agreed as jsonb)
                            where tenant_id = :t and approval_id = :id and status = 'pending'""")
                    .bind("t", tenant.value())
                    .bind("id", res.approval())
                    .bind("s", res.status().code())
                    .bind("at", at)
                    .bind("by", res.by())
                    .bind("note", res.note().orElse(null))
                    .bind(
                            "agreed",
                            res.agreed().map(TurnRows::terms).map(Json::object).orElse(null))
                    .execute();
            if (changed == 0) {
                return false;
            }
            Map<String, Object> row = h.createQuery("""
                            select a.conversation_id, c.customer_key from approvals a join conversations c
                              on c.tenant_id = a.tenant_id and c.conversation_id = a.conversation_id
                            where a.tenant_id = :t and a.approval_id = :id""")
                    .bind("t", tenant.value())
                    .bind("id", res.approval())
                    .mapToMap()
                    .one();
            ConversationId c = new ConversationId((UUID) row.get("conversation_id"));
            CustomerKey customer = CustomerKey.of((String) row.get("customer_key"));
            turn.ifPresent(r -> TurnRows.write(h, tenant, c, Optional.empty(), r, at));
            for (Outgoing o : messages) {
                SmsRows.queue(h, tenant, o, at);
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("approval", res.approval().toString());
            detail.put("status", res.status().code());
            detail.put("note", res.note().orElse(null));
            res.agreed().ifPresent(t -> detail.put("terms", TurnRows.terms(t)));
            AuditLog.append(h, tenant, at, res.by(), "approval." + res.status().code(), "conversation:" + c, detail);
            CrmEvents.Subject subject = StaffRows.subject(h, tenant, c, customer, "approval-" + res.approval(), at);
            StaffRows.crm(h, tenant, List.of(CrmEvents.approval(subject, res)), at);
            StaffNotices.lapsed(customer, res).ifPresent(n -> StaffRows.notice(h, tenant, n, at));
            return true;
        });
    }

    @Override
    public List<Approval> unposted(TenantId tenant) {
        return list(
                tenant,
                "where a.tenant_id = :t and a.status = 'pending' and a.posted_at is null order by a.requested_at",
                Map.of());
    }

    @Override
    public void posted(TenantId tenant, UUID approval, Posted where, Instant at) {
        jdbi.useHandle(
                "record a posted approval",
                tenant,
                h -> h.createUpdate("""
                        update approvals set slack_channel = :ch, slack_ts = :ts, posted_at = :at
                        where tenant_id = :t and approval_id = :id""")
                        .bind("t", tenant.value())
                        .bind("id", approval)
                        .bind("ch", where.channel())
                        .bind("ts", where.ts())
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public List<Card> outdated(TenantId tenant) {
        return jdbi.withHandle(
                "read approval cards",
                tenant,
                h -> h.createQuery(SELECT + """
                        where a.tenant_id = :t and a.status <> 'pending' and a.slack_ts is not null
                          and a.card_updated_at is null order by a.decided_at""").bind("t", tenant.value()).mapToMap().list().stream()
                        .map(r -> new Card(approval(h, r), new Posted((String) r.get("slack_channel"), (String)
                                r.get("slack_ts"))))
                        .toList());
    }

    @Override
    public void cardUpdated(TenantId tenant, UUID approval, Instant at) {
        jdbi.useHandle(
                "record an updated card",
                tenant,
                h -> h.createUpdate(
                                "update approvals set card_updated_at = :at where tenant_id = :t and approval_id = :id")
                        .bind("t", tenant.value())
                        .bind("id", approval)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public List<Notice> unsent(TenantId tenant, int max) {
        return jdbi.withHandle(
                "read notices",
                tenant,
                h -> h.createQuery("""
                        select notice_id, kind, text from notices where tenant_id = :t and sent_at is null
                        order by notice_id limit :max""")
                        .bind("t", tenant.value())
                        .bind("max", max)
                        .map((rs, ctx) ->
                                new Notice(rs.getLong("notice_id"), rs.getString("kind"), rs.getString("text")))
                        .list());
    }

    @Override
    public void sent(TenantId tenant, long notice, Instant at) {
        jdbi.useHandle(
                "record a sent notice",
                tenant,
                h -> h.createUpdate("update notices set sent_at = :at where tenant_id = :t and notice_id = :id")
                        .bind("t", tenant.value())
                        .bind("id", notice)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public void notice(TenantId tenant, String kind, String key, String text, Instant at) {
        jdbi.useHandle(
                "add a notice", tenant, h -> StaffRows.notice(h, tenant, kind, key, text, at.atOffset(ZoneOffset.UTC)));
    }
}
