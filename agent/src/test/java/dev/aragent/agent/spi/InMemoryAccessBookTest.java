package dev.aragent.agent.spi;

class InMemoryAccessBookTest implements AccessBookContract {
    @Override
    public AccessBook book() {
        return new InMemoryAccessBook();
    }
}
