package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.Disposition;
import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The tasks for people in PostgreSQL ({@code tasks}, V3–V21). Closing one is one transaction: the task's row (only
 * while it is open, so a form sent twice is taken once), the account's disposition, the CRM event in the outbox and the
 * audit record.
 */
public final class PostgresPeopleTasks implements PeopleTasks {
    private static final String SELECT = """
            select t.task_id, t.customer_key, coalesce(c.name, t.customer_key, '') as name, t.kind, t.detail,
                   t.due_on, t.assignee, t.created_at, t.conversation_id, t.status
            from tasks t
            left join customers c on c.tenant_id = t.tenant_id and c.customer_key = t.customer_key
            """;
    /** Open for a person: not a call the service still places (one with a conversation, not yet given up). */
    private static final String OPEN = "(t.status = 'for_a_person' or t.status = 'open'"
            + " and (t.kind <> 'call_debtor' or t.conversation_id is null))";

    private final Tenanted jdbi;

    private PostgresPeopleTasks(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresPeopleTasks create(Database database) {
        return new PostgresPeopleTasks(database.tenanted());
    }

    @Override
    public List<PersonTask> open(TenantId tenant, int limit) {
        return jdbi.withHandle(
                "read the tasks for people",
                tenant,
                h -> h.createQuery(SELECT + "where t.tenant_id = :t and " + OPEN
                                + " order by t.due_on nulls last, t.created_at, t.task_id limit :limit")
                        .bind("t", tenant.value())
                        .bind("limit", limit)
                        .map((rs, ctx) -> task(rs))
                        .list());
    }

    @Override
    public Optional<PersonTask> task(TenantId tenant, UUID id) {
        return jdbi.withHandle("read a task", tenant, h -> find(h, tenant, id));
    }

    @Override
    public boolean assign(TenantId tenant, UUID id, Optional<String> person) {
        return jdbi.inTransaction(
                "assign a task",
                tenant,
                h -> h.createUpdate("update tasks t set assignee = :who where t.tenant_id = :t and t.task_id = :id and "
                                        + OPEN)
                                .bind("t", tenant.value())
                                .bind("id", id)
                                .bind("who", person.orElse(null))
                                .execute()
                        == 1);
    }

    @Override
    public boolean close(TenantId tenant, UUID id, Closing closing) {
        return jdbi.inTransaction("close a task", tenant, h -> closeIn(h, tenant, id, closing));
    }

    @Override
    public PersonTask log(TenantId tenant, CustomerKey customer, String kind, String detail, Closing closing) {
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction("log a person's outcome", tenant, h -> {
            h.createUpdate("""
                            insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at)
                            values (:t, :id, :c, :kind, :detail, 'open', :at)""")
                    .bind("t", tenant.value())
                    .bind("id", id)
                    .bind("c", customer.value())
                    .bind("kind", kind)
                    .bind("detail", detail)
                    .bind("at", closing.at().atOffset(ZoneOffset.UTC))
                    .execute();
            closeIn(h, tenant, id, closing);
            return find(h, tenant, id).orElseThrow();
        });
    }

    @Override
    public Map<CustomerKey, java.time.Instant> lastCalls(TenantId tenant, java.time.Instant since) {
        return jdbi.withHandle("read the calls people made", tenant, h -> {
            Map<CustomerKey, java.time.Instant> out = new java.util.HashMap<>();
            h.createQuery("""
                            select customer_key, max(closed_at) as at from tasks
                            where tenant_id = :t and kind in ('call_debtor', 'logged_call') and status = 'done'
                              and customer_key is not null and closed_at >= :since
                            group by customer_key""")
                    .bind("t", tenant.value())
                    .bind("since", since.atOffset(ZoneOffset.UTC))
                    .map((rs, ctx) -> Map.entry(
                            CustomerKey.of(rs.getString("customer_key")),
                            rs.getObject("at", OffsetDateTime.class).toInstant()))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Closes the task inside the caller's transaction; false when it was not open. */
    private static boolean closeIn(Handle h, TenantId tenant, UUID id, Closing closing) {
        OffsetDateTime at = closing.at().atOffset(ZoneOffset.UTC);
        Optional<PersonTask> found = find(h, tenant, id).filter(PersonTask::open);
        boolean mine = found.isPresent()
                && h.createUpdate("""
                                    update tasks t set status = :status, outcome = :outcome, outcome_note = :note,
                                                       closed_by = :by, closed_at = :at
                                    where t.tenant_id = :t and t.task_id = :id and """ + OPEN)
                                .bind("t", tenant.value())
                                .bind("id", id)
                                .bind("status", closing.status())
                                .bind("outcome", closing.outcome().code())
                                .bind("note", closing.note())
                                .bind("by", closing.by())
                                .bind("at", at)
                                .execute()
                        == 1;
        if (!mine) {
            return false;
        }
        PersonTask task = found.get();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("kind", task.kind());
        audit.put("status", closing.status());
        audit.put("outcome", closing.outcome().code());
        closing.on().ifPresent(d -> audit.put("on", d.toString()));
        AuditLog.append(h, tenant, at, "person:" + closing.by(), "task.closed", "task:" + id, audit);
        if (task.customer().isPresent()) {
            CustomerKey customer = task.customer().get();
            closing.disposition().ifPresent(d -> disposition(h, tenant, task, customer, d, closing));
            var subject = StaffRows.subject(h, tenant, task.conversation().orElse(null), customer, "task-" + id, at);
            StaffRows.crm(h, tenant, List.of(CrmEvents.task(subject, task, closing)), at);
        }
        return true;
    }

    private static void disposition(
            Handle h, TenantId tenant, PersonTask task, CustomerKey customer, Disposition d, Closing closing) {
        h.createUpdate("""
                        insert into dispositions (tenant_id, disposition_id, conversation_id, customer_key, task_id,
                            payment_status, expected_payment_date, dispute_reason, escalation_needed, retry_date,
                            created_at, decided_by, note)
                        values (:t, :id, :c, :customer, :task, :status, :expected, :dispute, false, :retry, :at, :by,
                            :note)""")
                .bind("t", tenant.value())
                .bind("id", UUID.randomUUID())
                .bind("c", task.conversation().map(ConversationId::value).orElse(null))
                .bind("customer", customer.value())
                .bind("task", task.id())
                .bind("status", d.paymentStatus().code())
                .bind("expected", d.expectedPaymentDate().orElse(null))
                .bind("dispute", d.disputeReason().orElse(null))
                .bind("retry", d.retryDate().orElse(null))
                .bind("at", closing.at().atOffset(ZoneOffset.UTC))
                .bind("by", closing.by())
                .bind("note", closing.note().isEmpty() ? null : closing.note())
                .execute();
    }

    private static Optional<PersonTask> find(Handle h, TenantId tenant, UUID id) {
        return h.createQuery(SELECT + "where t.tenant_id = :t and t.task_id = :id")
                .bind("t", tenant.value())
                .bind("id", id)
                .map((rs, ctx) -> task(rs))
                .findOne();
    }

    private static PersonTask task(ResultSet rs) throws SQLException {
        return new PersonTask(
                rs.getObject("task_id", UUID.class),
                Optional.ofNullable(rs.getString("customer_key")).map(CustomerKey::of),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("detail"),
                Optional.ofNullable(rs.getObject("due_on", LocalDate.class)),
                Optional.ofNullable(rs.getString("assignee")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("conversation_id", UUID.class)).map(ConversationId::new),
                rs.getString("status"));
    }
}
