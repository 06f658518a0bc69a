package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.CrmOutbox;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.spi.PeopleTasksContract;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/** Tasks for people in the store ({@code tasks}, a closing's {@code dispositions}, the {@code outbox}): the contract. */
class PostgresPeopleTasksIT implements PeopleTasksContract {
    private static Database db;
    private static PeopleTasks tasks;
    private static ContactLog contacts;
    private static CrmOutbox crm;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        tasks = PostgresPeopleTasks.create(db);
        contacts = PostgresContactLog.create(db);
        crm = PostgresCrmOutbox.create(db);
    }

    @Override
    public PeopleTasks tasks() {
        return tasks;
    }

    @Override
    public ContactLog contacts() {
        return contacts;
    }

    @Override
    public CrmOutbox crm() {
        return crm;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        LedgerRows.imported(
                db,
                NOW,
                tenant,
                customers,
                customers.stream()
                        .map(c -> Books.open(c.value(), "INV-" + c.value(), LocalDate.of(2026, 10, 1), 100, 100))
                        .toList());
    }

    @Override
    public ConversationId givenConversation(TenantId tenant, CustomerKey customer, Instant at) {
        ConversationId id = ConversationId.random();
        db.jdbi()
                .useHandle(h -> h.execute(
                        """
                        insert into conversations (tenant_id, conversation_id, customer_key, channel, stage, reply_token,
                                                   opened_at, updated_at)
                        values (?, ?, ?, 'email', 'open', ?, ?, ?)""",
                        tenant.value(),
                        id.value(),
                        customer.value(),
                        UUID.randomUUID().toString(),
                        at.atOffset(ZoneOffset.UTC),
                        at.atOffset(ZoneOffset.UTC)));
        return id;
    }

    @Override
    public UUID givenTask(
            TenantId tenant,
            CustomerKey customer,
            String kind,
            String status,
            String detail,
            Optional<ConversationId> conversation,
            Optional<LocalDate> due,
            Instant created) {
        UUID id = UUID.randomUUID();
        db.jdbi()
                .useHandle(h -> h.execute(
                        """
                        insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                           conversation_id, due_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        tenant.value(),
                        id,
                        customer.value(),
                        kind,
                        detail,
                        status,
                        created.atOffset(ZoneOffset.UTC),
                        conversation.map(ConversationId::value).orElse(null),
                        due.orElse(null)));
        return id;
    }
}
