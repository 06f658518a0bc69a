package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.util.List;
import java.util.Optional;

class InMemoryVoiceJournalTest implements VoiceJournalContract {
    private final InMemoryVoiceJournal journal = new InMemoryVoiceJournal();

    @Override
    public VoiceJournal journal() {
        return journal;
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, List<String> invoices) {
        // the fake keeps no ledger: a call's conversation may be about any customer
    }

    @Override
    public List<Line> transcript(TenantId tenant, String callSid) {
        return journal.transcript(tenant, callSid);
    }

    @Override
    public Optional<Call> call(TenantId tenant, String callSid) {
        return journal.call(tenant, callSid);
    }
}
