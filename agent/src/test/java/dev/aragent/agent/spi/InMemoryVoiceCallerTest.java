package dev.aragent.agent.spi;

import java.util.List;

class InMemoryVoiceCallerTest implements VoiceCallerContract, FakeOutages {
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
    public Outage outage() {
        return caller.outage();
    }
}
