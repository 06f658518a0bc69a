package dev.aragent.agent.spi;

/** An in-memory fake's provider outage: down from {@link #providerGoesDown()} until {@link #providerComesBack()}. */
public final class Outage implements Outages {
    private volatile boolean down;

    @Override
    public void providerGoesDown() {
        down = true;
    }

    @Override
    public void providerComesBack() {
        down = false;
    }

    /** Whether the provider is down now. */
    public boolean down() {
        return down;
    }
}
