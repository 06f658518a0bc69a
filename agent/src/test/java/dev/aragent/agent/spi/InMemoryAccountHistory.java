package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An {@link AccountHistory} in memory, for core tests; {@link AccountHistoryContract} checks it behaves as the real one. */
public final class InMemoryAccountHistory implements AccountHistory {
    private record Row(TenantId tenant, CustomerKey customer, long seq, Event event) {}

    private final List<Row> rows = new ArrayList<>();

    /** {@code event} happened on the account. */
    public synchronized void add(TenantId tenant, CustomerKey customer, Event event) {
        rows.add(new Row(tenant, customer, rows.size(), event));
    }

    @Override
    public synchronized List<Event> timeline(TenantId tenant, CustomerKey customer, int limit) {
        return mine(tenant, customer).stream()
                .sorted(Comparator.comparing((Row r) -> r.event().at())
                        .thenComparing(Row::seq)
                        .reversed())
                .limit(limit)
                .map(Row::event)
                .toList();
    }

    @Override
    public synchronized int count(TenantId tenant, CustomerKey customer) {
        return mine(tenant, customer).size();
    }

    private List<Row> mine(TenantId tenant, CustomerKey customer) {
        return rows.stream()
                .filter(r -> r.tenant().equals(tenant) && r.customer().equals(customer))
                .toList();
    }
}
