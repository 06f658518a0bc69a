package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One account's story as it was recorded, for the console's timeline: every email and text in and out (an agent
 * message with the passages it rested on), every call with its transcript, disposition, approval, promise, dispute,
 * task, note and CRM event — facts, not words (the console words them). Adapters: store ({@code
 * PostgresAccountHistory}), agent tests ({@code InMemoryAccountHistory}).
 */
public interface AccountHistory {

    /** What an event is. */
    enum Kind {
        EMAIL,
        TEXT,
        CALL,
        DISPOSITION,
        APPROVAL,
        PROMISE,
        DISPUTE,
        TASK,
        NOTE,
        CRM
    }

    /** Whose doing it was: the debtor's (a reply, a promise), the agent's, a person's on the team, or the system's. */
    enum Party {
        DEBTOR,
        AGENT,
        PERSON,
        SYSTEM
    }

    /** A line of a call's transcript. */
    record Line(String speaker, String text) {}

    /**
     * One event.
     *
     * @param actor the other end's address for a message, who decided or wrote for the rest (empty when nobody is named)
     * @param status the event's own status code (a message's {@code delivered}, a promise's {@code kept}, …)
     * @param subject a message's subject, a call's id, a task's kind, a disposition's strategy, an invoice number
     * @param text a message's body, a note's text, a task's detail, a dispute's reason, a person's note
     * @param details further facts by name ({@code expected_payment_date}, {@code amount_minor}, {@code outcome}, …)
     * @param lines a call's transcript, in order
     * @param citations the passages an agent message rested on
     */
    record Event(
            Instant at,
            Kind kind,
            Party by,
            String actor,
            String status,
            String subject,
            String text,
            Map<String, String> details,
            List<Line> lines,
            List<String> citations) {
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            details = Map.copyOf(details);
            lines = List.copyOf(lines);
            citations = List.copyOf(citations);
        }
    }

    /** The account's events, newest first (those of one instant in a stable order), at most {@code limit}. */
    List<Event> timeline(TenantId tenant, CustomerKey customer, int limit);

    /** How many events the account has in all (the timeline shows the newest of them). */
    int count(TenantId tenant, CustomerKey customer);
}
