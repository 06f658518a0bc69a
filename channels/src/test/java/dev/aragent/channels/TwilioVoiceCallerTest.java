package dev.aragent.channels;

import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.agent.spi.VoiceCallerContract;
import java.net.URI;
import java.util.List;

/** The voice contract through the Twilio SDK against a loopback Twilio Calls API, one per test. */
class TwilioVoiceCallerTest extends TwilioFixture<VoiceCaller> implements VoiceCallerContract {
    TwilioVoiceCallerTest() {
        super(TwilioVoiceCaller::create);
    }

    @Override
    public VoiceCaller caller() {
        return adapter;
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
}
