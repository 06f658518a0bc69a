package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.SendResult;

/** Hands an email to a mail server. Adapter: mailbox ({@code SmtpSender}). */
public interface MailSender {
    SendResult send(OutboundEmail email);
}
