package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

class InMemoryContactLogTest implements ContactLogContract {
    private final InMemoryContactLog log = new InMemoryContactLog();

    @Override
    public ContactLog log() {
        return log;
    }

    @Override
    public ConversationId givenConversation(TenantId tenant, CustomerKey customer, Stage stage, Instant updatedAt) {
        return log.open(tenant, customer, stage, updatedAt);
    }

    @Override
    public void givenMessage(TenantId tenant, ConversationId conversation, Channel channel, Fate fate, Instant at) {
        switch (fate) {
            case SENT, DELIVERED, READ -> log.touch(tenant, conversation, channel, false, at);
            case RECEIVED -> log.touch(tenant, conversation, channel, true, at);
            case AUTO_REPLY, BOUNCE, QUARANTINED, FAILED_SEND -> {} // no person wrote or read it: nothing to log
        }
    }

    @Override
    public void givenPromise(
            TenantId tenant,
            ConversationId conversation,
            LocalDate dueOn,
            PromiseRecord.Status status,
            Instant madeAt,
            Optional<Instant> resolvedAt) {
        log.promise(tenant, conversation, dueOn, status, madeAt, resolvedAt);
    }

    @Override
    public void givenDispute(TenantId tenant, ConversationId conversation, boolean open, Instant openedAt) {
        log.dispute(tenant, conversation, open, openedAt);
    }

    @Override
    public void givenDisposition(
            TenantId tenant,
            ConversationId conversation,
            String paymentStatus,
            Optional<LocalDate> retryOn,
            Instant at) {
        log.disposition(tenant, conversation, paymentStatus, retryOn, at);
    }
}
