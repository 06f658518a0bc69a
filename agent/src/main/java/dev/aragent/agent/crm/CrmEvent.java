package dev.aragent.agent.crm;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact for the CRM, as recorded: {@code id} is its idempotency key (the same event delivered twice is one event to
 * the receiver), {@code properties} the structured fields in a stable order, {@code note} a sentence for the timeline,
 * {@code tasks} follow-ups a person must do; {@code conversation} is empty for what a person did outside one (a call
 * the queue left to them).
 */
public record CrmEvent(
        String id,
        Kind kind,
        CustomerKey customer,
        String customerName,
        Optional<String> contactEmail,
        Optional<ConversationId> conversation,
        Instant at,
        Map<String, String> properties,
        String note,
        List<String> tasks) {

    public CrmEvent {
        Objects.requireNonNull(id, "id");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        tasks = List.copyOf(tasks);
    }

    public enum Kind {
        DISPOSITION,
        PROMISE,
        DISPUTE,
        CONTACT_CHANGE,
        APPROVAL,
        /** A person closed a task (done or skipped) without saying anything of the debtor. */
        TASK;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
