package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;

class InMemoryCashBookTest implements CashBookContract {
    private final InMemoryCashBook cash = new InMemoryCashBook();

    @Override
    public CashBook cash() {
        return cash;
    }

    @Override
    public void givenTenant(TenantId tenant) {}
}
