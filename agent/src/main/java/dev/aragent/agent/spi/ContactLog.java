package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountActivity;
import java.util.Map;

/**
 * What the agent's conversations left per account: touches, promises, disputes, last outcome. Read by risk features
 * and the queue's contact rules. Adapters: store ({@code PostgresContactLog}), agent tests ({@code InMemoryContactLog}).
 */
public interface ContactLog {

    /** The activity of every account the agent has talked to, touches in time order; accounts absent have none. */
    Map<CustomerKey, AccountActivity> activity(TenantId tenant);

    /** One account's activity (none when the agent has not talked to it). */
    default AccountActivity activity(TenantId tenant, CustomerKey customer) {
        return activity(tenant).getOrDefault(customer, AccountActivity.none());
    }

    /** A log that knows nothing: before any conversation, or for a book being evaluated. */
    static ContactLog empty() {
        return tenant -> Map.of();
    }
}
