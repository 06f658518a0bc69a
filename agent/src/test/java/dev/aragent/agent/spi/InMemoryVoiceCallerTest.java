package dev.aragent.agent.spi;

import java.util.List;

class InMemoryVoiceCallerTest implements VoiceCallerContract {
    private final InMemoryVoiceCaller caller = new InMemoryVoiceCaller();

    @Override
    public VoiceCaller caller() {
        return caller;
    }

    /** It asks for answering-machine detection on every call. */
    @Override
    public List<PlacedCall> callsPlaced() {
        return caller.calls().stream()
                .map(c -> new PlacedCall(c.callSid(), c.to(), c.from(), c.twiml(), c.statusCallback(), true))
                .toList();
    }

    @Override
    public void providerGoesDown() {
        caller.outage().providerGoesDown();
    }

    @Override
    public void providerComesBack() {
        caller.outage().providerComesBack();
    }
}
