package dev.aragent.agent.conversation;

import java.util.Optional;

/** What became of one inbound email. Every variant means the mailbox may mark the message as handled. */
public sealed interface IntakeResult {
    /** Already stored and processed (the same place in the mailbox, or the same Message-ID). */
    record Duplicate() implements IntakeResult {}

    /** Unreadable: kept with the reason, never answered. */
    record Quarantined(String reason) implements IntakeResult {}

    /**
     * Stored and threaded. {@code conversation} is empty for mail from an unknown sender (the triage list);
     * {@code replies} counts the answers queued in the same transaction; {@code turn} is what the playbook decided
     * (empty for automatic mail, triage, or a desk without the brain).
     */
    record Processed(
            Optional<ConversationId> conversation,
            EmailFacts.Kind kind,
            String newText,
            int replies,
            Optional<TurnRecord> turn)
            implements IntakeResult {}
}
