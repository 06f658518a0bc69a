package dev.aragent.agent.app;

import dev.aragent.agent.voice.Say;
import dev.aragent.agent.voice.VoiceSession;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Where the voice bridge takes a call (an inbound interface: declared here, called by {@code voice-bridge} for both
 * protocols, implemented by {@link Office}): the session of a call that is starting, and a transfer to a person.
 */
public interface VoiceCalls {
    /** The session for a call that is starting; empty when the parameters name no conversation we know. */
    Optional<VoiceSession> open(String callSid, Map<String, String> parameters);

    /** A call handed to a person, with what they should know. */
    default void transferred(String callSid, String to, String summary) {}

    /** Tells staff about a transfer {@code say} makes; the caller is transferred even when staff cannot be told. */
    static void handOver(VoiceCalls calls, String callSid, Say say, Logger log) {
        try {
            calls.transferred(
                    callSid, say.transferTo().orElse(""), say.summary().orElse(""));
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("call", callSid)
                    .addKeyValue("error", e.toString())
                    .log("could not tell staff about a transfer");
        }
    }
}
