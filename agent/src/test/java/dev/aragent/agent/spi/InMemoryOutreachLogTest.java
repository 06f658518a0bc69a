package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;

class InMemoryOutreachLogTest implements OutreachLogContract {
    private final InMemoryOutreachLog log = new InMemoryOutreachLog();

    @Override
    public OutreachLog log() {
        return log;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {
        // the log keeps no accounts: any key will do
    }

    @Override
    public List<String> tasksForPeople(TenantId tenant) {
        return log.handOffs(tenant);
    }

    @Override
    public void givenWithAPerson(TenantId tenant, CustomerKey customer, String kind, String detail) {
        // the fake does not tell an open task from one with a person: both wait for people
    }

    @Override
    public void givenDone(TenantId tenant, CustomerKey customer, String kind, String detail) {
        log.done(tenant, customer, kind, detail);
    }
}
