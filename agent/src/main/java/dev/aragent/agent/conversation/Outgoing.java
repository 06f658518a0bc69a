package dev.aragent.agent.conversation;

import java.util.UUID;

/** A message the agent sends in a conversation, queued in the outbox with the turn that caused it. */
public sealed interface Outgoing permits OutboundEmail, OutboundSms {
    UUID id();

    ConversationId conversation();

    /** What the message says, as the debtor reads it. */
    String text();
}
