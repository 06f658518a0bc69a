package dev.aragent.agent.spi;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link AccountHolds} in memory, for core tests; {@link AccountHoldsContract} checks it behaves as the real one. */
public final class InMemoryAccountHolds implements AccountHolds {
    private final Map<TenantId, Map<CustomerKey, Hold>> holds = new HashMap<>();

    @Override
    public synchronized Map<CustomerKey, Hold> holds(TenantId tenant) {
        return Map.copyOf(holds.getOrDefault(tenant, Map.of()));
    }

    @Override
    public synchronized void place(TenantId tenant, Hold hold) {
        holds.computeIfAbsent(tenant, t -> new HashMap<>()).put(hold.customer(), hold);
    }

    @Override
    public synchronized boolean release(TenantId tenant, CustomerKey customer, String by, Instant at) {
        return holds.getOrDefault(tenant, new HashMap<>()).remove(customer) != null;
    }
}
