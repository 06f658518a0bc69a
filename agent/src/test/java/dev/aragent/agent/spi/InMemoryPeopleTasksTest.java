package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

class InMemoryPeopleTasksTest implements PeopleTasksContract {
    private final InMemoryContactLog contacts = new InMemoryContactLog();
    private final InMemoryCrmOutbox crm = new InMemoryCrmOutbox();
    private final InMemoryPeopleTasks tasks = new InMemoryPeopleTasks(contacts, crm);

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
        customers.forEach(c -> tasks.customer(tenant, c, "Customer " + c.value()));
    }

    @Override
    public ConversationId givenConversation(TenantId tenant, CustomerKey customer, Instant at) {
        return contacts.open(tenant, customer, Stage.OPEN, at);
    }

    @Override
    public UUID givenTask(TenantId tenant, Given task) {
        return tasks.add(tenant, task);
    }
}
