package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;

class InMemoryCallTasksTest implements CallTasksContract {
    private final InMemoryVoiceJournal calls = new InMemoryVoiceJournal();
    private final InMemoryCallTasks tasks = new InMemoryCallTasks(calls);

    @Override
    public CallTasks tasks() {
        return tasks;
    }

    @Override
    public VoiceJournal calls() {
        return calls;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {}
}
