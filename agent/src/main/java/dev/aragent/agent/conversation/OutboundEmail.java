package dev.aragent.agent.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An email the agent sends. {@code messageId} is ours and fixed when the email is queued, so a retry sends the same
 * message; {@code replyTo} carries the conversation's plus-address token.
 */
public record OutboundEmail(
        UUID id,
        ConversationId conversation,
        String messageId,
        String from,
        String to,
        String replyTo,
        String subject,
        String text,
        String html,
        Optional<String> inReplyTo,
        List<String> references,
        String listUnsubscribe)
        implements Outgoing {

    public OutboundEmail {
        references = List.copyOf(references);
    }
}
