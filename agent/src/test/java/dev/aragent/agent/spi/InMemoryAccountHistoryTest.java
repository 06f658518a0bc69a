package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;

class InMemoryAccountHistoryTest implements AccountHistoryContract {
    private final InMemoryAccountHistory history = new InMemoryAccountHistory();

    @Override
    public AccountHistory history() {
        return history;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {}

    @Override
    public void given(TenantId tenant, CustomerKey customer, AccountHistory.Event event) {
        history.add(tenant, customer, event);
    }
}
