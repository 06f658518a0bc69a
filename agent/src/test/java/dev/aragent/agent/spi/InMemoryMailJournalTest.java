package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;

class InMemoryMailJournalTest implements MailJournalContract {
    private final InMemoryMailJournal journal = new InMemoryMailJournal();

    @Override
    public MailJournal journal() {
        return journal;
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, String email, String invoice) {
        journal.addContact(tenant, customer, email);
    }
}
