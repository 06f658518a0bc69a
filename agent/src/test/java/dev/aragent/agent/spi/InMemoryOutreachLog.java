package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link OutreachLog} in memory: one step per account and oldest invoice, as the store's unique index keeps it. */
public final class InMemoryOutreachLog implements OutreachLog {
    private final Map<TenantId, List<Executed>> executed = new ConcurrentHashMap<>();
    private final Map<TenantId, List<String>> handOffs = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean record(TenantId tenant, Executed action) {
        if (action.invoices().isEmpty()) {
            throw new IllegalArgumentException("an outreach concerns at least one invoice");
        }
        List<Executed> list = executed.computeIfAbsent(tenant, t -> new ArrayList<>());
        boolean seen = list.stream()
                .anyMatch(e -> e.customer().equals(action.customer())
                        && e.step() == action.step()
                        && e.invoices().getFirst().equals(action.invoices().getFirst()));
        if (seen) {
            return false;
        }
        list.add(action);
        return true;
    }

    @Override
    public synchronized void handOff(TenantId tenant, CustomerKey customer, String kind, String detail) {
        List<String> list = handOffs.computeIfAbsent(tenant, t -> new ArrayList<>());
        String task = customer + " " + kind + ": " + detail;
        if (!list.contains(task)) {
            list.add(task);
        }
    }

    @Override
    public synchronized List<Executed> executed(TenantId tenant) {
        return List.copyOf(executed.getOrDefault(tenant, List.of()));
    }

    /** What was handed to people, as "customer kind: detail". */
    public synchronized List<String> handOffs(TenantId tenant) {
        return List.copyOf(handOffs.getOrDefault(tenant, List.of()));
    }
}
