package dev.aragent.agent.spi;

/** {@link Outages} for a contract run on an in-memory fake: its {@link Outage} goes down and comes back. */
public interface FakeOutages extends Outages {
    /** The fake's outage. */
    Outage outage();

    @Override
    default void providerGoesDown() {
        outage().providerGoesDown();
    }

    @Override
    default void providerComesBack() {
        outage().providerComesBack();
    }
}
