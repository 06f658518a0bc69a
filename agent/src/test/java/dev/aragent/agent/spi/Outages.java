package dev.aragent.agent.spi;

/**
 * What a contract needs of the provider behind an adapter it tests (mail server, Twilio, a carrier): to make it fail
 * for a while, the way an outage fails (SMTP 4xx, HTTP 503, a dropped connection), and to bring it back.
 */
public interface Outages {
    /** From now on the provider fails every request in a way that passes, until it comes back. */
    void providerGoesDown();

    /** The provider answers as usual again. */
    void providerComesBack();
}
