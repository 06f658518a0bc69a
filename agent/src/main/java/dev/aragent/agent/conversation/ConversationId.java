package dev.aragent.agent.conversation;

import java.util.Objects;
import java.util.UUID;

/** One conversation with a debtor, on any channel. */
public record ConversationId(UUID value) {
    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
