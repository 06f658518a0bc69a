package dev.aragent.store;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.spi.ContactLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ContactLog} over the conversation tables: messages that reached or came from a person (auto-replies, bounces,
 * triage and quarantine left out), promises, disputes and each account's latest disposition. Five queries per call,
 * whatever the number of accounts.
 */
public final class PostgresContactLog implements ContactLog {
    /** Stages in which the reminder cadence waits: the debtor is talking, promised, agreed, disputed or escalated. */
    /**
     * Stages in which the reminder cadence waits. A dispute pauses only the invoices it names (the ledger's paused
     * invoices): the simulated quarter showed a disputing account's other invoices unreminded for weeks.
     */
    private final Tenanted jdbi;

    private PostgresContactLog(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresContactLog create(Database database) {
        return new PostgresContactLog(database.tenanted());
    }

    @Override
    public Map<CustomerKey, AccountActivity> activity(TenantId tenant) {
        return read(tenant, Optional.empty());
    }

    @Override
    public AccountActivity activity(TenantId tenant, CustomerKey customer) {
        return read(tenant, Optional.of(customer)).getOrDefault(customer, AccountActivity.none());
    }

    /** The tenant's accounts, or only {@code only}: the same five queries, narrowed to one account. */
    private Map<CustomerKey, AccountActivity> read(TenantId tenant, Optional<CustomerKey> only) {
        return jdbi.withHandle("read contact activity", tenant, h -> {
            Map<CustomerKey, Parts> parts = new HashMap<>();
            // a query narrowed to the one account by the customer key of its table named {@code alias}
            java.util.function.BiFunction<String, String, org.jdbi.v3.core.statement.Query> on = (sql, alias) -> {
                var q = h.createQuery(sql.formatted(only.isPresent() ? " and " + alias + ".customer_key = :c" : ""))
                        .bind("t", tenant.value());
                only.ifPresent(k -> q.bind("c", k.value()));
                return q;
            };
            java.util.function.Function<String, org.jdbi.v3.core.statement.Query> query = sql -> on.apply(sql, "c");
            query.apply("""
                            select c.customer_key, m.channel, m.direction, m.occurred_at from messages m
                            join conversations c on c.tenant_id = m.tenant_id and c.conversation_id = m.conversation_id
                            where m.tenant_id = :t%s
                              and ((m.direction = 'outbound' and m.status in ('queued', 'sent', 'delivered', 'read'))
                                or (m.direction = 'inbound' and coalesce(m.kind, 'personal') = 'personal'
                                    and m.status in ('received', 'processed')))
                            order by m.occurred_at, m.seq""")
                    .map((rs, ctx) -> {
                        parts(parts, rs.getString("customer_key"))
                                .touches
                                .add(new AccountActivity.Touch(
                                        channel(rs.getString("channel")),
                                        rs.getString("direction").equals("inbound"),
                                        instant(rs.getObject("occurred_at", OffsetDateTime.class))));
                        return 0;
                    })
                    .forEach(x -> {});
            query.apply("""
                            select c.customer_key, p.due_on, p.status, p.created_at, p.resolved_at from promises p
                            join conversations c on c.tenant_id = p.tenant_id and c.conversation_id = p.conversation_id
                            where p.tenant_id = :t%s order by p.created_at""")
                    .map((rs, ctx) -> {
                        parts(parts, rs.getString("customer_key"))
                                .promises
                                .add(new AccountActivity.PromiseFact(
                                        rs.getObject("due_on", LocalDate.class),
                                        rs.getString("status"),
                                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                                        Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class))
                                                .map(PostgresContactLog::instant)));
                        return 0;
                    })
                    .forEach(x -> {});
            query.apply("""
                            select c.customer_key, d.opened_at, d.status from disputes d
                            join conversations c on c.tenant_id = d.tenant_id and c.conversation_id = d.conversation_id
                            where d.tenant_id = :t%s order by d.opened_at""")
                    .map((rs, ctx) -> {
                        Parts p = parts(parts, rs.getString("customer_key"));
                        p.disputes.add(instant(rs.getObject("opened_at", OffsetDateTime.class)));
                        if (rs.getString("status").equals("open")) {
                            p.openDisputes++;
                        }
                        return 0;
                    })
                    .forEach(x -> {});
            on.apply("""
                            select distinct on (d.customer_key) d.customer_key, d.payment_status,
                                   coalesce(c.stage, 'open') stage, d.created_at, d.retry_date, d.decided_by
                            from dispositions d
                            left join conversations c
                              on c.tenant_id = d.tenant_id and c.conversation_id = d.conversation_id
                            where d.tenant_id = :t%s
                            order by d.customer_key, d.created_at desc""", "d")
                    .map((rs, ctx) -> {
                        Parts p = parts(parts, rs.getString("customer_key"));
                        p.outcome = Optional.of(new AccountActivity.Outcome(
                                rs.getString("payment_status"),
                                rs.getString("stage"),
                                instant(rs.getObject("created_at", OffsetDateTime.class))));
                        p.retryOn = Optional.ofNullable(rs.getObject("retry_date", LocalDate.class));
                        // a person's outcome with a date to look again (a promise, a call back) pauses the cadence
                        p.personPaused = rs.getString("decided_by") != null && p.retryOn.isPresent();
                        return 0;
                    })
                    .forEach(x -> {});
            query.apply("""
                            select distinct on (customer_key) customer_key, stage from conversations c
                            where c.tenant_id = :t%s order by customer_key, updated_at desc""")
                    .map((rs, ctx) -> {
                        parts(parts, rs.getString("customer_key")).stages.add(rs.getString("stage"));
                        return 0;
                    })
                    .forEach(x -> {});
            Map<CustomerKey, AccountActivity> out = new HashMap<>();
            parts.forEach((k, p) -> out.put(
                    k,
                    new AccountActivity(
                            p.touches,
                            p.promises,
                            p.disputes,
                            p.openDisputes,
                            p.outcome,
                            p.personPaused || p.stages.stream().anyMatch(AccountActivity::holdsCadence),
                            p.retryOn)));
            return out;
        });
    }

    private static Parts parts(Map<CustomerKey, Parts> parts, String key) {
        return parts.computeIfAbsent(CustomerKey.of(key), k -> new Parts());
    }

    private static Channel channel(String code) {
        return switch (code) {
            case "sms" -> Channel.SMS;
            case "voice" -> Channel.VOICE;
            default -> Channel.EMAIL;
        };
    }

    private static Instant instant(OffsetDateTime t) {
        return t.toInstant();
    }

    /** One account's facts as they are read. */
    private static final class Parts {
        final List<AccountActivity.Touch> touches = new ArrayList<>();
        final List<AccountActivity.PromiseFact> promises = new ArrayList<>();
        final List<Instant> disputes = new ArrayList<>();
        final Set<String> stages = new LinkedHashSet<>();
        int openDisputes;
        Optional<AccountActivity.Outcome> outcome = Optional.empty();
        Optional<LocalDate> retryOn = Optional.empty();
        boolean personPaused;
    }
}
