package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.loopback.FakeTwilio;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A loopback Twilio per test and a Twilio adapter on it, for the adapters' contracts: the provider's outage the
 * contracts switch on and off, and the adapter's {@code toString} masking the auth token.
 */
abstract class TwilioFixture<A> {
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    /** How the adapter is created: {@code create(accountSid, authToken, apiBase)}. */
    interface Factory<T> {
        T create(String accountSid, String authToken, Optional<URI> apiBase);
    }

    private final Factory<A> factory;
    FakeTwilio twilio;
    A adapter;

    TwilioFixture(Factory<A> factory) {
        this.factory = factory;
    }

    @BeforeEach
    void start() {
        twilio = FakeTwilio.start(ACCOUNT, AUTH_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
        adapter = factory.create(ACCOUNT, AUTH_TOKEN, Optional.of(twilio.apiBase()));
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    /**
     * Every request answered 503 until {@link #providerComesBack()}: {@code failNext} counts HTTP requests, and the SDK
     * itself tries a request three times while Twilio answers 5xx, so an outage is what one request surely meets.
     */
    public void providerGoesDown() {
        twilio.failNext(Integer.MAX_VALUE);
    }

    public void providerComesBack() {
        twilio.failNext(0);
    }

    @Test
    void toStringShouldMaskTheAuthToken() {
        assertThat(adapter.toString()).doesNotContain(AUTH_TOKEN);
    }
}
