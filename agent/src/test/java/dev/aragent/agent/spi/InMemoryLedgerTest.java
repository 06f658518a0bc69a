package dev.aragent.agent.spi;

class InMemoryLedgerTest implements LedgerContract {
    private final InMemoryLedger ledger = new InMemoryLedger(
            java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T12:00:00Z"), java.time.ZoneOffset.UTC));

    @Override
    public Ledger ledger() {
        return ledger;
    }
}
