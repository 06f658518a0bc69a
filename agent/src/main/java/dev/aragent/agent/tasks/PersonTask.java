package dev.aragent.agent.tasks;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One task for a person: what to do ({@code kind}, {@code detail}) for which account, by when, who has it, and the
 * conversation it came from (none when the queue left a whole account to a person).
 *
 * @param kind the task's code ({@code call_debtor}, {@code billing_dispute}, {@code find_contact}, …)
 * @param status {@code open} (or {@code for_a_person}: a call the service gave up placing), {@code done}, {@code skipped}
 */
public record PersonTask(
        UUID id,
        Optional<CustomerKey> customer,
        String customerName,
        String kind,
        String detail,
        Optional<LocalDate> due,
        Optional<String> assignee,
        Instant created,
        Optional<ConversationId> conversation,
        String status) {

    public PersonTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether a person may still close it. */
    public boolean open() {
        return status.equals("open") || status.equals("for_a_person");
    }

    /** The kind in words: "call debtor", "billing dispute". */
    public String kindInWords() {
        return kind.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
