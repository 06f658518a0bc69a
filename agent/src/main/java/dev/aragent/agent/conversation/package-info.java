/**
 * Conversations with debtors by email: inbound mail stored once and threaded to its conversation, automatic mail never
 * answered, first reminders, and the outbox. Start with {@link dev.aragent.agent.conversation.MailDesk}.
 */
@NullMarked
package dev.aragent.agent.conversation;

import org.jspecify.annotations.NullMarked;
