package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountHolds} must do: a hold placed is the account's until released, a new one replaces it, a
 * release of no hold changes nothing, and one tenant never sees another's.
 */
public interface AccountHoldsContract {
    AccountHolds holds();

    /** The tenant has these customers. */
    void givenCustomers(TenantId tenant, List<CustomerKey> customers);

    Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    CustomerKey NEIGHBOUR = CustomerKey.of("C-2");

    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenCustomers(t, List.of(CUSTOMER, NEIGHBOUR));
        return t;
    }

    @Test
    default void aHoldIsTheAccountsUntilReleasedAndANewOneReplacesIt() {
        TenantId t = freshTenant();
        Hold paused = new Hold(CUSTOMER, Hold.Kind.PAUSED, "dana@acme.example", "credit memo on its way", NOW);
        Hold taken = new Hold(CUSTOMER, Hold.Kind.TAKEN_OVER, "sam@acme.example", "", NOW.plus(Duration.ofHours(1)));

        holds().place(t, paused);
        assertThat(holds().holds(t)).containsExactly(java.util.Map.entry(CUSTOMER, paused));
        assertThat(holds().hold(t, NEIGHBOUR)).isEmpty();
        holds().place(t, taken);
        assertThat(holds().hold(t, CUSTOMER)).contains(taken);

        assertThat(holds().release(t, CUSTOMER, "sam@acme.example", NOW.plus(Duration.ofHours(2))))
                .isTrue();
        assertThat(holds().holds(t)).isEmpty();
        assertThat(holds().release(t, CUSTOMER, "sam@acme.example", NOW.plus(Duration.ofHours(3))))
                .as("nothing left to release")
                .isFalse();
    }

    @Test
    default void oneTenantNeverSeesOrReleasesAnothersHolds() {
        TenantId mine = freshTenant();
        TenantId theirs = freshTenant();
        holds().place(theirs, new Hold(CUSTOMER, Hold.Kind.TAKEN_OVER, "sam@acme.example", "", NOW));

        assertThat(holds().holds(mine)).isEmpty();
        assertThat(holds().release(mine, CUSTOMER, "dana@acme.example", NOW)).isFalse();
        assertThat(holds().hold(theirs, CUSTOMER)).isPresent();
    }
}
