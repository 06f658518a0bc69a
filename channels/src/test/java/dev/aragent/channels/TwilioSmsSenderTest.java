package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.spi.SmsSender;
import dev.aragent.agent.spi.SmsSenderContract;
import dev.aragent.loopback.FakeTwilio;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS contract through the Twilio SDK against a loopback Twilio Conversations, one per test. */
class TwilioSmsSenderTest implements SmsSenderContract {
    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "twilio-test-auth-token";
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    private FakeTwilio twilio;
    private SmsSender sender;

    @BeforeEach
    void start() {
        twilio = FakeTwilio.start(ACCOUNT, AUTH_TOKEN, Clock.fixed(NOW, ZoneOffset.UTC));
        sender = TwilioSmsSender.create(ACCOUNT, AUTH_TOKEN, Optional.of(twilio.apiBase()));
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Override
    public SmsSender sender() {
        return sender;
    }

    /** The messages in Twilio's conversations; {@code to} is the phone the conversation's SMS participant is bound to. */
    @Override
    public List<Text> textsReceived() {
        return twilio.texts().stream()
                .map(t -> new Text(
                        t.sid(),
                        t.conversationSid(),
                        twilio.phoneOf(t.conversationSid()).orElse(""),
                        t.author(),
                        t.body()))
                .toList();
    }

    /**
     * Every request answered 503 until {@link #providerComesBack()}: {@code failNext} counts HTTP requests, and the SDK
     * itself tries a request three times while Twilio answers 5xx, so an outage is what one send surely meets.
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
        assertThat(sender.toString()).doesNotContain(AUTH_TOKEN);
    }
}
