package dev.aragent.store;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.CrmOutbox;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.spi.PeopleTasksContract;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
        LedgerRows.owingOneEach(db, NOW, tenant, customers, 100);
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
    public UUID givenTask(TenantId tenant, Given t) {
        UUID id = UUID.randomUUID();
        db.jdbi()
                .useHandle(h -> h.execute(
                        """
                        insert into tasks (tenant_id, task_id, customer_key, kind, detail, status, created_at,
                                           conversation_id, due_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        tenant.value(),
                        id,
                        t.customer().value(),
                        t.kind(),
                        t.detail(),
                        t.status(),
                        t.created().atOffset(ZoneOffset.UTC),
                        t.conversation().map(ConversationId::value).orElse(null),
                        t.due().orElse(null)));
        return id;
    }
}
