package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OutreachLog} in memory: one step per account and oldest invoice, as the store's unique index keeps it;
 * {@link OutreachLogContract} checks it behaves as the real one.
 */
public final class InMemoryOutreachLog implements OutreachLog {
    /** A task handed to people; it waits for them (open or with a person) until it is done. */
    private record Task(CustomerKey customer, String kind, String detail) {
        @Override
        public String toString() {
            return customer + " " + kind + ": " + detail;
        }
    }

    private final Map<TenantId, List<Executed>> executed = new ConcurrentHashMap<>();
    /** The tasks not done yet. */
    private final Map<TenantId, List<Task>> handOffs = new ConcurrentHashMap<>();

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
        List<Task> list = handOffs.computeIfAbsent(tenant, t -> new ArrayList<>());
        Task task = new Task(customer, kind, detail);
        if (!list.contains(task)) {
            list.add(task);
        }
    }

    /** Oldest first, as the port says; actions of one instant in the order recorded. */
    @Override
    public synchronized List<Executed> executed(TenantId tenant) {
        return executed.getOrDefault(tenant, List.of()).stream()
                .sorted(Comparator.comparing(Executed::at))
                .toList();
    }

    /** What waits for people (handed off and not done), as "customer kind: detail". */
    public synchronized List<String> handOffs(TenantId tenant) {
        return handOffs.getOrDefault(tenant, List.of()).stream()
                .map(Task::toString)
                .toList();
    }

    /** A person finished the task of {@code kind} and {@code detail} on the account: asking again makes a new one. */
    public synchronized void done(TenantId tenant, CustomerKey customer, String kind, String detail) {
        handOffs.computeIfAbsent(tenant, t -> new ArrayList<>()).remove(new Task(customer, kind, detail));
    }
}
