package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The calls conversations asked for ({@code call_debtor} tasks): which are due, the call in flight and how it ended,
 * attempts so far, when the next may be placed; and how many calls a customer had lately (the call cap). Adapter:
 * store ({@code PostgresCallTasks}).
 */
public interface CallTasks {
    /** An open call task with its conversation and the outcome of its last call (empty while it runs or before one). */
    record Task(
            UUID id,
            ConversationId conversation,
            CustomerKey customer,
            String detail,
            int attempts,
            Optional<Instant> lastAttempt,
            Optional<String> callSid,
            Optional<String> lastOutcome) {}

    /** Open call tasks whose next attempt is due at {@code now}, oldest first. */
    List<Task> due(TenantId tenant, Instant now);

    /** When calls to {@code customer} were placed since {@code since}, for the call cap. */
    List<Instant> callsTo(TenantId tenant, CustomerKey customer, Instant since);

    /** A call task for a call placed outside a conversation's own turn (the queue's): retries follow it. */
    UUID create(TenantId tenant, CustomerKey customer, ConversationId conversation, String detail, Instant at);

    /** A call was placed for the task: one more attempt, in flight until its outcome is known. */
    void placed(TenantId tenant, UUID task, String callSid, Instant at);

    /** The task waits until {@code until} (calling hours, the cap, the retry schedule). */
    void waitUntil(TenantId tenant, UUID task, Instant until);

    /** The task is done (the debtor was reached) or goes to a person, with why appended to its detail. */
    void close(TenantId tenant, UUID task, boolean reached, String why);
}
