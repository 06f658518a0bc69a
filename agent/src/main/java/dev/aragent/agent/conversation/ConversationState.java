package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.policy.Terms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the playbook needs to know of a conversation: its stage, invoices, promises, how many of our messages went
 * unanswered (and when the last one left), what we last offered, and the day the last disposition said to try again.
 */
public record ConversationState(
        ConversationId id,
        CustomerKey customer,
        Channel channel,
        Stage stage,
        List<String> invoiceNumbers,
        List<PromiseRecord> promises,
        int unanswered,
        Optional<Strategy> lastStrategy,
        Optional<Terms> lastOffer,
        Optional<Instant> lastOutboundAt,
        Optional<java.time.LocalDate> retryOn) {

    public ConversationState {
        invoiceNumbers = List.copyOf(invoiceNumbers);
        promises = List.copyOf(promises);
    }

    public List<PromiseRecord> openPromises() {
        return promises.stream()
                .filter(p -> p.status() == PromiseRecord.Status.OPEN)
                .toList();
    }
}
