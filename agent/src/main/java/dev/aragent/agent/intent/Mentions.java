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

    /** Every sum and share a draft states, none judged a count or a rate by its neighbours ({@code Amounts.stated}). */
    public static List<Amount> statedAmounts(String text) {
        return Amounts.stated(text);
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

    /** "two", "a couple of", "12" → the number; how people count payments and weeks. */
    public static int count(String word) {
        return switch (word.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "a", "an", "one", "un", "una", "une", "ein", "eine", "einer", "einem" -> 1;
            case "two", "a couple of", "couple of", "dos", "deux", "zwei" -> 2;
            case "three", "a few", "few", "tres", "trois", "drei" -> 3;
            case "four", "cuatro", "quatre", "vier" -> 4;
            case "five", "cinco", "cinq", "fünf" -> 5;
            case "six", "seis", "sechs" -> 6;
            case "seven", "siete", "sept", "sieben" -> 7;
            case "eight", "ocho", "huit", "acht" -> 8;
            case "nine", "nueve", "neuf", "neun" -> 9;
            case "ten", "diez", "dix", "zehn" -> 10;
            case "fifteen", "quince", "quinze", "fünfzehn" -> 15;
            case "eleven" -> 11;
            case "twelve" -> 12;
            default -> Integer.parseInt(word.strip());
        };
    }
}
