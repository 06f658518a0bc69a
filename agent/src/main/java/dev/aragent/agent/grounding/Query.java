package dev.aragent.agent.grounding;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A question to one tenant's index. With an {@code account}, only that debtor's documents may come back (the agent's
 * case, always when it writes to a debtor); without, the whole tenant's book (AR staff looking for similar disputes).
 *
 * @param today recency is measured from here
 */
public record Query(
        TenantId tenant, Optional<CustomerKey> account, String text, float[] vector, int k, LocalDate today) {
    public Query {
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be 1-1000");
        }
    }
}
