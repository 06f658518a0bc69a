package dev.aragent.agent.conversation;

import java.util.Objects;
import java.util.UUID;

/**
 * A text message the agent sends in an SMS thread: {@code to} is the debtor's phone (E.164), {@code from} our number.
 * The id is fixed when it is queued, so a retry never sends a second message.
 */
public record OutboundSms(UUID id, ConversationId conversation, String to, String from, String text)
        implements Outgoing {
    public OutboundSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        if (!to.matches("\\+[1-9]\\d{6,14}") || !from.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("SMS numbers must be E.164 (+14155550123): " + to + ", " + from);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("an SMS needs text");
        }
    }
}
