package dev.aragent.agent.intent;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader made of a debtor's message: the intent the playbook acts on, with a confidence in [0, 1], other
 * intents the message also carries, and the entities found. {@code injection} is set when the text tries to
 * instruct the agent; it never changes what the policy allows, only how the message is handled and audited.
 */
public record Understanding(
        Intent intent,
        double confidence,
        List<Intent> alsoMentioned,
        List<Amount> amounts,
        List<LocalDate> dates,
        List<String> invoiceNumbers,
        Optional<String> newEmail,
        Optional<String> newPhone,
        Optional<String> contactName,
        Optional<String> disputeReason,
        boolean injection,
        String reader) {

    public Understanding {
        Objects.requireNonNull(intent, "intent");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        alsoMentioned = List.copyOf(alsoMentioned);
        amounts = List.copyOf(amounts);
        dates = List.copyOf(dates);
        invoiceNumbers = List.copyOf(invoiceNumbers);
    }

    /** A reading of {@code intent} that found nothing else in the text (no amounts, dates, invoices or contacts). */
    public static Understanding only(Intent intent, double confidence, String reader) {
        return new Understanding(
                intent,
                confidence,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                reader);
    }

    /** This reading with another intent and confidence, the entities kept. */
    public Understanding withIntent(Intent other, double otherConfidence, List<Intent> others, String by) {
        return new Understanding(
                other,
                otherConfidence,
                others,
                amounts,
                dates,
                invoiceNumbers,
                newEmail,
                newPhone,
                contactName,
                disputeReason,
                injection,
                by);
    }
}
