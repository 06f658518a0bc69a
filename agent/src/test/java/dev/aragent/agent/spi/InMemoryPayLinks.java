package dev.aragent.agent.spi;

import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Pay-now links in memory, for the agent's tests: one link per order, retired on request, failing when told to. */
public final class InMemoryPayLinks implements PayLinks {
    private final Map<String, PayLink> byOrder = new HashMap<>();
    private final Set<String> retired = new HashSet<>();
    private int made;
    private boolean down;

    /** The processor cannot be reached until {@code down} is false again. */
    public synchronized void down(boolean down) {
        this.down = down;
    }

    public synchronized int made() {
        return made;
    }

    public synchronized boolean takesPayments(String id) {
        return byOrder.values().stream().anyMatch(l -> l.id().equals(id)) && !retired.contains(id);
    }

    @Override
    public synchronized PayLink create(TenantId tenant, PayLink.Order order, Instant at) {
        if (down) {
            throw new TransientFailure("the processor is down");
        }
        return byOrder.computeIfAbsent(order.idempotencyKey(tenant.value()), k -> {
            made++;
            String id = "plink_" + made;
            return new PayLink(
                    id,
                    "https://pay.example/" + id,
                    order.customer(),
                    order.invoices(),
                    order.amount(),
                    order.purpose(),
                    at,
                    true);
        });
    }

    @Override
    public synchronized void retire(TenantId tenant, String linkId) {
        if (down) {
            throw new TransientFailure("the processor is down");
        }
        retired.add(linkId);
    }
}
