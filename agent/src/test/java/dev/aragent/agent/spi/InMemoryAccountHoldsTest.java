package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;

class InMemoryAccountHoldsTest implements AccountHoldsContract {
    private final InMemoryAccountHolds holds = new InMemoryAccountHolds();

    @Override
    public AccountHolds holds() {
        return holds;
    }

    @Override
    public void givenCustomers(TenantId tenant, List<CustomerKey> customers) {}
}
