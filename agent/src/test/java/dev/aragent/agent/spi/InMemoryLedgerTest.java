package dev.aragent.agent.spi;

class InMemoryLedgerTest implements LedgerContract {
    private final InMemoryLedger ledger = new InMemoryLedger();

    @Override
    public Ledger ledger() {
        return ledger;
    }
}
