package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of SMS: inbound texts stored once (by provider message id) before they are processed, threads,
 * opt-outs and the SMS outbox. Adapter: store ({@code PostgresSmsJournal}).
 */
public interface SmsJournal {

    Recorded recordInbound(TenantId tenant, InboundSms sms);

    /** The thread of a provider conversation, else the latest open SMS thread with this phone. */
    Optional<SmsThread> threadFor(TenantId tenant, String providerSid, String phone);

    SmsThread thread(TenantId tenant, ConversationId conversation);

    /** The customer a phone belongs to. */
    Optional<CustomerKey> customerByPhone(TenantId tenant, String phone);

    ConversationState state(TenantId tenant, ConversationId conversation);

    /**
     * Writes the outcome of one inbound text in one transaction: the message threaded (or left in triage when the
     * conversation is empty), the turn, the replies queued.
     */
    void complete(
            TenantId tenant,
            UUID message,
            Optional<ConversationId> conversation,
            Optional<TurnRecord> turn,
            List<OutboundSms> replies);

    /** SMS conversations with something due: a promise past its date, our last text unanswered for {@code quiet}. */
    List<ConversationId> dueForFollowUp(TenantId tenant, Instant now, Duration quiet);

    /**
     * The debtor answered without a word (a payment came in): nothing we sent in {@code conversation} is unanswered any
     * more, so it is not followed up until we write again.
     */
    void answered(TenantId tenant, ConversationId conversation);

    /** Writes a scheduled turn (no inbound text) and queues its texts, in one transaction. */
    void followUp(TenantId tenant, ConversationId conversation, TurnRecord turn, List<OutboundSms> texts);

    /** Opens an SMS conversation with a customer's phone about invoices, queuing the first text. */
    ConversationId open(
            TenantId tenant,
            CustomerKey customer,
            String phone,
            String ourNumber,
            List<String> invoiceNumbers,
            Optional<String> firstText);

    /** STOP and its synonyms: no more texts to this phone, recorded with the keyword. */
    void optOut(TenantId tenant, String phone, String keyword, Instant at);

    /** START: texts allowed again. */
    void optIn(TenantId tenant, String phone, String keyword, Instant at);

    boolean optedOut(TenantId tenant, String phone);

    List<OutboundSms> claim(TenantId tenant, int max, Instant now, Duration lease);

    void sent(TenantId tenant, UUID sms, String messageSid, String conversationSid, Instant at);

    void retry(TenantId tenant, UUID sms, Instant at, String reason);

    void failed(TenantId tenant, UUID sms, String reason, Instant at);

    /** A delivery receipt: delivered, undelivered, failed, read; false when the message is unknown. */
    boolean delivery(TenantId tenant, String messageSid, String status, Optional<String> error, Instant at);
}
