package dev.aragent.agent.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Everything processing one inbound email decided, written in one transaction: the message threaded (or left in
 * triage), its facts, the answers to send, addresses found undeliverable.
 */
public record Completion(Optional<ConversationId> conversation, EmailFacts facts, List<OutboundEmail> replies) {
    public Completion {
        replies = List.copyOf(replies);
    }
}
