package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

class InMemorySmsJournalTest implements SmsJournalContract {
    private final InMemorySmsJournal journal = new InMemorySmsJournal(Clock.fixed(NOW, ZoneOffset.UTC));

    @Override
    public SmsJournal journal() {
        return journal;
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, String phone, List<String> invoices) {
        journal.addCustomer(tenant, customer, ZONE, phone);
    }
}
