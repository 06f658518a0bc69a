package dev.aragent.agent.spi;

import java.net.URI;
import java.time.Duration;

/**
 * Places outbound calls with answering-machine detection: the provider fetches {@code twiml} when the call connects
 * (telling us whether a person or a machine answered) and reports progress to {@code statusCallback}. Adapter:
 * channels ({@code TwilioVoiceCaller}).
 */
public interface VoiceCaller {

    sealed interface Result {}

    record Placed(String callSid) implements Result {}

    record Rejected(String reason) implements Result {}

    record RetryLater(Duration after, String reason) implements Result {}

    Result place(String to, String from, URI twiml, URI statusCallback);
}
