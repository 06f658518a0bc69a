package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link VoiceCaller} adapter must do, seen from the provider: the calls it was asked to place. Each test
 * starts with a provider that has placed no call and is up.
 */
public interface VoiceCallerContract extends Outages {
    VoiceCaller caller();

    /**
     * A call as the provider took it: where it fetches TwiML when the call connects, where it reports progress, and
     * whether it was asked to tell a person from an answering machine.
     */
    record PlacedCall(
            String callSid, String to, String from, URI twiml, URI statusCallback, boolean machineDetection) {}

    /** Every call the provider placed, in order. */
    List<PlacedCall> callsPlaced();

    String PHONE = "+15555550123";
    String OURS = "+15555550000";
    URI TWIML = URI.create("https://ar.example.com/voice/twiml?conversation=0b6f7a52-3c2e-4f7b-9d1a-5e8c2f4a1b90");
    URI STATUS = URI.create("https://ar.example.com/webhooks/twilio/voice");

    static VoiceCaller.Placed placed(VoiceCaller.Result result) {
        assertThat(result).isInstanceOf(VoiceCaller.Placed.class);
        return (VoiceCaller.Placed) result;
    }

    @Test
    default void aCallShouldGoFromOurNumberToTheDebtorWithItsUrlsAndMachineDetectionAndComeBackPlaced() {
        VoiceCaller.Placed placed = placed(caller().place(PHONE, OURS, TWIML, STATUS));

        assertThat(placed.callSid()).isNotBlank();
        assertThat(callsPlaced()).containsExactly(new PlacedCall(placed.callSid(), PHONE, OURS, TWIML, STATUS, true));
    }

    @Test
    default void eachRequestShouldPlaceACallOfItsOwn() {
        URI again = URI.create("https://ar.example.com/voice/twiml?conversation=7d2e9c41-8a6b-4e0f-b3c5-1f9a7e6d2c08");

        VoiceCaller.Placed first = placed(caller().place(PHONE, OURS, TWIML, STATUS));
        VoiceCaller.Placed second = placed(caller().place(PHONE, OURS, again, STATUS));

        assertThat(first.callSid()).isNotEqualTo(second.callSid());
        assertThat(callsPlaced())
                .containsExactly(
                        new PlacedCall(first.callSid(), PHONE, OURS, TWIML, STATUS, true),
                        new PlacedCall(second.callSid(), PHONE, OURS, again, STATUS, true));
    }

    @Test
    default void aCallWhileTheProviderIsDownShouldBeRetryLaterAndNotPlaced() {
        providerGoesDown();

        VoiceCaller.Result result = caller().place(PHONE, OURS, TWIML, STATUS);

        assertThat(result).isInstanceOfSatisfying(VoiceCaller.RetryLater.class, r -> {
            assertThat(r.after()).isGreaterThan(Duration.ZERO);
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(callsPlaced()).isEmpty();

        providerComesBack();
        VoiceCaller.Placed placed = placed(caller().place(PHONE, OURS, TWIML, STATUS));

        assertThat(callsPlaced()).containsExactly(new PlacedCall(placed.callSid(), PHONE, OURS, TWIML, STATUS, true));
    }

    @Test
    default void aCallToSomethingThatIsNotAPhoneNumberShouldBeRejectedAndNotPlaced() {
        VoiceCaller.Result result = caller().place("555-0123", OURS, TWIML, STATUS);

        assertThat(result)
                .isInstanceOfSatisfying(
                        VoiceCaller.Rejected.class, r -> assertThat(r.reason()).isNotBlank());
        assertThat(callsPlaced()).isEmpty();
    }
}
