package dev.aragent.agent.spi;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts people paused or took over, and their history. Adapters: store ({@code PostgresAccountHolds}), agent
 * tests ({@code InMemoryAccountHolds}).
 */
public interface AccountHolds {

    /** The tenant's accounts on hold now. */
    Map<CustomerKey, Hold> holds(TenantId tenant);

    /** The account's hold now, if it has one. */
    default Optional<Hold> hold(TenantId tenant, CustomerKey customer) {
        return Optional.ofNullable(holds(tenant).get(customer));
    }

    /** Puts {@code hold} on its account, replacing the hold it had (pausing a taken-over account, or the reverse). */
    void place(TenantId tenant, Hold hold);

    /** Ends the account's hold; false, changing nothing, when it had none. */
    boolean release(TenantId tenant, CustomerKey customer, String by, Instant at);

    /** No account is ever on hold: for a book being evaluated or simulated without people. */
    static AccountHolds none() {
        return new AccountHolds() {
            @Override
            public Map<CustomerKey, Hold> holds(TenantId tenant) {
                return Map.of();
            }

            @Override
            public void place(TenantId tenant, Hold hold) {
                throw new UnsupportedOperationException("no holds here");
            }

            @Override
            public boolean release(TenantId tenant, CustomerKey customer, String by, Instant at) {
                return false;
            }
        };
    }
}
