package dev.aragent.agent.spi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link VoiceCaller} in memory, for core tests; {@link VoiceCallerContract} checks it behaves as the real one. Every
 * call it places asks for answering-machine detection; it refuses a number that is not E.164 and can be taken down.
 */
public final class InMemoryVoiceCaller implements VoiceCaller {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** A call placed: where the provider fetches its TwiML and reports its progress. */
    public record Call(String callSid, String to, String from, URI twiml, URI statusCallback) {}

    private final List<Call> calls = new ArrayList<>();
    private int lastId;
    private final Outage outage = new Outage();

    @Override
    public synchronized Result place(String to, String from, URI twiml, URI statusCallback) {
        if (outage.down()) {
            return new RetryLater(Duration.ofMinutes(5), "provider unavailable");
        }
        if (!E164.matcher(to).matches()) {
            return new Rejected("not a phone number: " + to);
        }
        Call call = new Call("CA" + String.format("%032x", ++lastId), to, from, twiml, statusCallback);
        calls.add(call);
        return new Placed(call.callSid());
    }

    /** Every call placed, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The provider's outage: take it down, bring it back. */
    public Outage outage() {
        return outage;
    }
}
