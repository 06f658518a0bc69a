package dev.aragent.agent.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Everything processing one inbound email decided, written in one transaction: the message threaded (or left in
 * triage), its facts, the answers to send, and what the playbook decided (its effects, disposition and audit).
 */
public record Completion(
        Optional<ConversationId> conversation,
        EmailFacts facts,
        List<OutboundEmail> replies,
        Optional<TurnRecord> turn) {
    public Completion {
        replies = List.copyOf(replies);
    }

    public Completion(Optional<ConversationId> conversation, EmailFacts facts, List<OutboundEmail> replies) {
        this(conversation, facts, replies, Optional.empty());
    }
}
