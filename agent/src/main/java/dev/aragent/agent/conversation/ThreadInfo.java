package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.CustomerKey;
import java.util.List;
import java.util.Optional;

/**
 * What answering in a conversation's thread needs: whom, under which token, about which invoices, and the Message-IDs
 * of the thread so far (oldest first) with the subject it started with.
 */
public record ThreadInfo(
        ConversationId id,
        CustomerKey customer,
        String replyToken,
        String subject,
        List<String> invoiceNumbers,
        List<String> messageIds,
        Optional<String> contactEmail) {

    public ThreadInfo {
        invoiceNumbers = List.copyOf(invoiceNumbers);
        messageIds = List.copyOf(messageIds);
    }
}
