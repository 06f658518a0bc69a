package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.Completion;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.conversation.ThreadInfo;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of email: every inbound message stored once before it is processed, conversations and their
 * threads, and the outbox from which email is sent. Adapter: store ({@code PostgresMailJournal}).
 */
public interface MailJournal {

    /**
     * Stores the raw message unless the same mailbox place or the same Message-ID ({@code externalId}) is already
     * stored, in which case the stored one is returned.
     */
    Recorded recordInbound(TenantId tenant, RawEmail raw, String externalId);

    /** Marks a stored message unreadable, with the reason. */
    void quarantine(TenantId tenant, UUID message, String reason);

    Optional<ConversationId> conversationByToken(TenantId tenant, String token);

    /** The conversation of any stored message (ours or theirs) with one of these Message-IDs, latest first. */
    Optional<ConversationId> conversationByMessageIds(TenantId tenant, List<String> messageIds);

    /** The customer a contact address belongs to. */
    Optional<CustomerKey> customerByEmail(TenantId tenant, String address);

    /** The customer's most recent open conversation, preferring one about any of these invoices. */
    Optional<ConversationId> latestConversation(TenantId tenant, CustomerKey customer, List<String> invoiceNumbers);

    ThreadInfo thread(TenantId tenant, ConversationId conversation);

    /** What the playbook needs of a conversation: stage, promises, unanswered messages, the last offer. */
    ConversationState state(TenantId tenant, ConversationId conversation);

    /** Writes the outcome of processing one inbound message in one transaction. */
    void complete(TenantId tenant, UUID message, Completion completion);

    /**
     * Conversations with something due by {@code now}: an open promise past its date, or our last message unanswered
     * for {@code quiet} while the conversation is open or engaged.
     */
    List<ConversationId> dueForFollowUp(TenantId tenant, Instant now, Duration quiet);

    /**
     * The debtor answered without a word (a payment came in): nothing we sent in {@code conversation} is unanswered any
     * more, so it is not followed up until we write again.
     */
    void answered(TenantId tenant, ConversationId conversation);

    /** Writes a scheduled turn (no inbound message) and queues its email, in one transaction. */
    void followUp(TenantId tenant, ConversationId conversation, TurnRecord turn, List<OutboundEmail> emails);

    /** Opens a conversation and queues its first email in one transaction. */
    void open(TenantId tenant, ThreadInfo thread, OutboundEmail first);

    /** Claims up to {@code max} queued emails due by {@code now}, leasing them for {@code lease}. */
    List<OutboundEmail> claim(TenantId tenant, int max, Instant now, Duration lease);

    void sent(TenantId tenant, UUID email, Instant at);

    void retry(TenantId tenant, UUID email, Instant at, String reason);

    void failed(TenantId tenant, UUID email, String reason);

    /** The address asked to receive no more email (List-Unsubscribe): every contact with it is opted out of email. */
    void optOut(TenantId tenant, String address);

    /** Where reading a mailbox stopped: UIDVALIDITY and the last UID handled. */
    Optional<long[]> position(TenantId tenant, String mailbox);

    void savePosition(TenantId tenant, String mailbox, long uidValidity, long lastUid, Instant at);
}
