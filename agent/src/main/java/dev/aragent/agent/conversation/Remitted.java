package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;

/**
 * Hears what a customer wrote about a payment (an email's text and its attachments', a text message), for cash
 * application to keep ({@link dev.aragent.agent.app.CashDesk#told}); wired where both exist.
 */
@FunctionalInterface
public interface Remitted {
    Remitted NOBODY = (tenant, customer, source, text) -> {};

    void told(TenantId tenant, CustomerKey customer, String source, String text);
}
