package dev.aragent.agent.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A text message a debtor sent, as the SMS provider reported it: its id there ({@code messageSid}, the key that makes
 * a redelivered webhook a duplicate), the provider's conversation, the sender's phone and our number.
 */
public record InboundSms(String messageSid, String conversationSid, String from, String to, String body, Instant at) {
    public InboundSms {
        Objects.requireNonNull(messageSid, "messageSid");
        if (messageSid.isBlank()) {
            throw new IllegalArgumentException("an inbound SMS needs its message id");
        }
        body = body == null ? "" : body;
    }
}
