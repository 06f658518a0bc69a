package dev.aragent.agent.intent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The extractors, for text that is not a debtor's message: the guardrails read drafts with the same rules that read
 * debtors, so a date or an invoice number means the same thing on both sides.
 */
public final class Mentions {
    private Mentions() {}

    public static List<LocalDate> dates(String text, LocalDate today) {
        return Dates.find(text, today);
    }

    public static List<Amount> amounts(String text) {
        return Amounts.find(text);
    }

    public static List<String> invoiceNumbers(String text) {
        return Entities.invoiceNumbers(text);
    }

    public static Optional<String> email(String text) {
        return Entities.email(text);
    }

    public static boolean injection(String text) {
        return Entities.injection(text);
    }
}
