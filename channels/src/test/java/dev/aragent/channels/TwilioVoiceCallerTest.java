package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.agent.spi.VoiceCallerContract;
import dev.aragent.loopback.FakeTwilio;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The voice contract through the Twilio SDK against a loopback Twilio Calls API, one per test. */
class TwilioVoiceCallerTest implements VoiceCallerContract {
    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "twilio-test-auth-token";
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    private FakeTwilio twilio;
    private VoiceCaller caller;

    @BeforeEach
    void start() {
        twilio = FakeTwilio.start(ACCOUNT, AUTH_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
        caller = TwilioVoiceCaller.create(ACCOUNT, AUTH_TOKEN, Optional.of(twilio.apiBase()));
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Override
    public VoiceCaller caller() {
        return caller;
    }

    /** Any {@code MachineDetection} mode ({@code Enable}, {@code DetectMessageEnd}) asks Twilio who answered. */
    @Override
    public List<PlacedCall> callsPlaced() {
        return twilio.calls().stream()
                .map(c -> new PlacedCall(
                        c.sid(),
                        c.to(),
                        c.from(),
                        URI.create(c.url()),
                        URI.create(c.statusCallback()),
                        !c.machineDetection().isEmpty()))
                .toList();
    }

    /**
     * Every request answered 503 until {@link #providerComesBack()}: {@code failNext} counts HTTP requests, and the SDK
     * itself tries a request three times while Twilio answers 5xx, so an outage is what one call surely meets.
     */
    @Override
    public void providerGoesDown() {
        twilio.failNext(Integer.MAX_VALUE);
    }

    @Override
    public void providerComesBack() {
        twilio.failNext(0);
    }

    @Test
    void toStringShouldMaskTheAuthToken() {
        assertThat(caller.toString()).doesNotContain(AUTH_TOKEN);
    }
}
