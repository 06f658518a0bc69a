package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;

/**
 * The durable record of calls: the call, every line of its transcript, the turns it commits (written like any other
 * turn: disposition, promises, audit, CRM events) and how it ended. Adapter: store ({@code PostgresVoiceJournal}).
 */
public interface VoiceJournal {

    ConversationState state(TenantId tenant, ConversationId conversation);

    /** Opens a conversation held by phone about a customer's invoices (the queue decided to call). */
    ConversationId open(
            TenantId tenant,
            dev.aragent.agent.ledger.CustomerKey customer,
            java.util.List<String> invoices,
            Instant at);

    void started(TenantId tenant, String callSid, ConversationId conversation, Instant at);

    /** A call we placed to {@code number}: recorded with it, so a wrong party stops further calls and texts to it. */
    void started(TenantId tenant, String callSid, ConversationId conversation, String number, Instant at);

    /**
     * Opens the voice stream of a call we placed (with its number) about {@code conversation}: true once; false for a
     * call we did not place, another conversation's, or one whose stream was opened already (a replayed upgrade).
     */
    boolean openStream(TenantId tenant, String callSid, ConversationId conversation, Instant at);

    /** One line of the transcript; {@code speaker} is {@code agent} or {@code debtor}. */
    void line(TenantId tenant, String callSid, String speaker, String text, Instant at);

    /**
     * The agent's answer to what the debtor just said, with the turn's timing: from the debtor's final words in to the
     * answer ready (intent, policy, drafting, guardrails, the store).
     */
    void answered(TenantId tenant, String callSid, String text, Instant at, java.time.Duration took);

    /** Writes a turn the call decided (after a confirmed read-back when it promises money). */
    void commit(TenantId tenant, String callSid, ConversationId conversation, TurnRecord turn, Instant at);

    /** How the call ended; the first outcome recorded stands (the session's, before the provider's final status). */
    void ended(TenantId tenant, String callSid, String outcome, Instant at);

    /** How a call ended ({@code promise_confirmed}, {@code transferred}, {@code voicemail}…); empty while it runs. */
    java.util.Optional<String> outcome(TenantId tenant, String callSid);
}
