package dev.aragent.agent.drafting;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;

/**
 * Puts a pay-now link on a message that asks for money, when the tenant takes payments online ({@link
 * dev.aragent.agent.app.PayNow}); {@link #none()} leaves every message with the configured payment instructions only.
 */
@FunctionalInterface
public interface PayLinking {
    /** {@code request}, carrying a link for what it asks when it asks for money now; else {@code request} itself. */
    DraftRequest carry(TenantId tenant, CustomerKey customer, DraftRequest request);

    static PayLinking none() {
        return (tenant, customer, request) -> request;
    }
}
