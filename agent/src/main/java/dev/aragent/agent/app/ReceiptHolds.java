package dev.aragent.agent.app;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccountHolds;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * People's holds, and a pause on each account a receipt waiting in unapplied cash may be from (its likeliest customer,
 * {@link CashDesk#mayHavePaid}): until a person applies the receipt, neither the queue nor a follow-up chases what may
 * have been paid; the debtor's replies are still answered. What the waiting receipts point to is worked out again only
 * when the set of waiting receipts changed.
 */
public final class ReceiptHolds implements AccountHolds {
    /** Who the pause is by, as the queue's exclusions and the console show it. */
    public static final String BY = "cash application";

    private final AccountHolds people;
    private final Function<TenantId, CashDesk> desks;
    private final Clock clock;
    private final Map<TenantId, Known> known = new ConcurrentHashMap<>();

    private record Known(Set<Long> receipts, Set<CustomerKey> payers) {}

    public ReceiptHolds(AccountHolds people, Function<TenantId, CashDesk> desks, Clock clock) {
        this.people = people;
        this.desks = desks;
        this.clock = clock;
    }

    @Override
    public Map<CustomerKey, Hold> holds(TenantId tenant) {
        Map<CustomerKey, Hold> held = people.holds(tenant);
        Set<CustomerKey> payers = payers(tenant);
        if (payers.isEmpty()) {
            return held;
        }
        Map<CustomerKey, Hold> all = new HashMap<>(held);
        Instant now = clock.instant();
        for (CustomerKey k : payers) {
            all.putIfAbsent(
                    k,
                    new Hold(
                            k,
                            Hold.Kind.PAUSED,
                            BY,
                            "a receipt that may be theirs waits in unapplied cash: no reminder until it is applied",
                            now));
        }
        return all;
    }

    private Set<CustomerKey> payers(TenantId tenant) {
        CashDesk desk = desks.apply(tenant);
        Set<Long> waiting = desk.waitingReceipts(tenant);
        if (waiting.isEmpty()) {
            known.remove(tenant);
            return Set.of();
        }
        Known k = known.get(tenant);
        if (k != null && k.receipts().equals(waiting)) {
            return k.payers();
        }
        Set<CustomerKey> payers = desk.mayHavePaid(tenant);
        known.put(tenant, new Known(waiting, payers));
        return payers;
    }

    @Override
    public void place(TenantId tenant, Hold hold) {
        people.place(tenant, hold);
    }

    @Override
    public boolean release(TenantId tenant, CustomerKey customer, String by, Instant at) {
        return people.release(tenant, customer, by, at);
    }
}
