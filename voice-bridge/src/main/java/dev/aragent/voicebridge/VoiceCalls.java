package dev.aragent.voicebridge;

import dev.aragent.agent.voice.VoiceSession;
import java.util.Map;
import java.util.Optional;

/** Where calls come from and go, for both protocols. */
public interface VoiceCalls {
    /** The session for a call that is starting; empty when the parameters name no conversation we know. */
    Optional<VoiceSession> open(String callSid, Map<String, String> parameters);

    /** A call handed to a person, with what they should know. */
    default void transferred(String callSid, String to, String summary) {}
}
