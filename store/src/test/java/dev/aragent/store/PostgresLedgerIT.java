package dev.aragent.store;

import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.LedgerContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;

class PostgresLedgerIT implements LedgerContract {
    private static Ledger ledger;

    @BeforeAll
    static void start() {
        ledger = PostgresLedger.create(
                TestDatabase.fresh(), Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }
}
