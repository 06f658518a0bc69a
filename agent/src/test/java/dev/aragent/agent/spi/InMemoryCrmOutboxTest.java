package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;

class InMemoryCrmOutboxTest implements CrmOutboxContract {
    private final InMemoryCrmOutbox outbox = new InMemoryCrmOutbox();

    @Override
    public CrmOutbox outbox() {
        return outbox;
    }

    @Override
    public void givenRecorded(TenantId tenant, CrmEvent event) {
        outbox.record(tenant, event);
    }
}
