package dev.aragent.agent.spi;

class FastPasswordHasherTest implements PasswordHasherContract {
    private final FastPasswordHasher hasher = new FastPasswordHasher();

    @Override
    public PasswordHasher hasher() {
        return hasher;
    }
}
