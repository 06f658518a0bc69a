package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CallTasks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The call tasks in PostgreSQL. Calls the conversations asked for ({@code call_debtor} tasks, V8): which are due, the call in flight and how it
 * ended, attempts so far, when the next may be placed; and how many calls a customer had lately (the call cap).
 */
public final class PostgresCallTasks implements CallTasks {
    private final Tenanted jdbi;

    private PostgresCallTasks(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresCallTasks create(Database database) {
        return new PostgresCallTasks(database.tenanted());
    }

    @Override
    public List<Task> due(TenantId tenant, Instant now) {
        return jdbi.withHandle(
                "read due calls",
                tenant,
                h -> h.createQuery("""
                        select t.task_id, t.conversation_id, c.customer_key, t.detail, t.attempts, t.last_attempt_at,
                               t.call_sid, k.outcome
                        from tasks t
                        join conversations c on c.tenant_id = t.tenant_id and c.conversation_id = t.conversation_id
                        left join calls k on k.tenant_id = t.tenant_id and k.call_sid = t.call_sid
                        where t.tenant_id = :t and t.kind = 'call_debtor' and t.status = 'open'
                          and (t.next_attempt_at is null or t.next_attempt_at <= :now)
                        order by t.created_at""")
                        .bind("t", tenant.value())
                        .bind("now", now.atOffset(ZoneOffset.UTC))
                        .map((rs, ctx) -> new Task(
                                rs.getObject(1, UUID.class),
                                new ConversationId(rs.getObject(2, UUID.class)),
                                CustomerKey.of(rs.getString(3)),
                                rs.getString(4),
                                rs.getInt(5),
                                Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant),
                                Optional.ofNullable(rs.getString(7)),
                                Optional.ofNullable(rs.getString(8))))
                        .list());
    }

    @Override
    public List<Instant> callsTo(TenantId tenant, CustomerKey customer, Instant since) {
        return jdbi.withHandle(
                "count calls",
                tenant,
                h -> h.createQuery("""
                        select k.started_at from calls k
                        join conversations c on c.tenant_id = k.tenant_id and c.conversation_id = k.conversation_id
                        where k.tenant_id = :t and c.customer_key = :customer and k.started_at > :since""")
                        .bind("t", tenant.value())
                        .bind("customer", customer.value())
                        .bind("since", since.atOffset(ZoneOffset.UTC))
                        .mapTo(OffsetDateTime.class)
                        .map(OffsetDateTime::toInstant)
                        .list());
    }

    @Override
    public UUID create(TenantId tenant, CustomerKey customer, ConversationId conversation, String detail, Instant at) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(
                "create a call task",
                tenant,
                h -> h.createUpdate("""
                        insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                           conversation_id, due_on)
                        values (:t, :id, :customer, 'call_debtor', :detail, 'open', :at, :c, :day)""")
                        .bind("t", tenant.value())
                        .bind("id", id)
                        .bind("customer", customer.value())
                        .bind("detail", detail)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .bind("c", conversation.value())
                        .bind("day", at.atOffset(ZoneOffset.UTC).toLocalDate())
                        .execute());
        return id;
    }

    @Override
    public void placed(TenantId tenant, UUID task, String callSid, Instant at) {
        jdbi.useHandle(
                "record a placed call",
                tenant,
                h -> h.createUpdate("""
                        update tasks set attempts = attempts + 1, last_attempt_at = :at, call_sid = :sid,
                                         next_attempt_at = null
                        where tenant_id = :t and task_id = :id and status = 'open'""")
                        .bind("t", tenant.value())
                        .bind("id", task)
                        .bind("sid", callSid)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public void waitUntil(TenantId tenant, UUID task, Instant until) {
        jdbi.useHandle(
                "postpone a call task",
                tenant,
                h -> h.createUpdate("""
                        update tasks set next_attempt_at = :at
                        where tenant_id = :t and task_id = :id and status = 'open'""")
                        .bind("t", tenant.value())
                        .bind("id", task)
                        .bind("at", until.atOffset(ZoneOffset.UTC))
                        .execute());
    }

    @Override
    public void close(TenantId tenant, UUID task, boolean reached, String why) {
        jdbi.useHandle(
                "close a call task",
                tenant,
                h -> h.createUpdate("""
                        update tasks set status = :status, detail = detail || ' — ' || :why, next_attempt_at = null
                        where tenant_id = :t and task_id = :id and status = 'open'""")
                        .bind("t", tenant.value())
                        .bind("id", task)
                        .bind("status", reached ? "done" : "for_a_person")
                        .bind("why", why)
                        .execute());
    }
}
