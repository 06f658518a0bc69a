package dev.aragent.agent.spi;

import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;

/**
 * A payment processor's pay-now links: one made for exactly what a message asks (a card or bank payment page the
 * debtor opens; the processor takes the card, never us), and retired when what it asks is paid another way. The
 * processor reports payments through its signed webhook, which the server verifies and hands to {@link
 * dev.aragent.agent.app.PayNow#paid}. Adapters: payments ({@code StripePayLinks}), agent tests ({@code
 * InMemoryPayLinks}). Throws {@link TransientFailure} when the processor cannot be reached (the message goes out with
 * the configured payment instructions instead) and {@link PermanentFailure} when it refuses the request.
 */
public interface PayLinks {

    /** A new link for {@code order}; the same order asked twice (a retry) makes one link at the processor. */
    PayLink create(TenantId tenant, PayLink.Order order, Instant at);

    /** The link takes no more payments; retiring a retired link changes nothing. */
    void retire(TenantId tenant, String linkId);
}
