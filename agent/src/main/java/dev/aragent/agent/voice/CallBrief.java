package dev.aragent.agent.voice;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.Money;
import java.util.List;
import java.util.Optional;

/**
 * What a call is about and who speaks: the conversation it continues, the person we must reach (asked for by name
 * before any account detail), the balance and invoices, the company and the number a person answers on (for a warm
 * transfer).
 */
public record CallBrief(
        ConversationId conversation,
        String customerName,
        String contactName,
        String company,
        Money balance,
        List<String> invoiceNumbers,
        Optional<String> transferNumber) {
    public CallBrief {
        invoiceNumbers = List.copyOf(invoiceNumbers);
    }
}
