package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;

/**
 * Writes one event to the CRM. Must be idempotent on {@link CrmEvent#id()}: the outbox delivers at least once. Throws
 * {@link TransientFailure} to be retried with backoff, {@link PermanentFailure} when retrying cannot help. Adapters:
 * crm ({@code HubSpotCrmSink}, {@code WebhookCrmSink}).
 */
public interface CrmSink {
    /** Names the sink in logs and reports ("hubspot", "webhook"). */
    String name();

    void write(TenantId tenant, CrmEvent event);
}
