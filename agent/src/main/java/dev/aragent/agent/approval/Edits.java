package dev.aragent.agent.approval;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Edited terms as a person types them (in Slack's modal, the API or the command line): amounts and ISO dates, comma
 * separated, one of each per installment, on the approval's balance. A typo is an error that says what to write.
 */
public final class Edits {
    private Edits() {}

    /** The amounts and dates of {@code t}, as the edit form shows them. */
    public static String amounts(Terms t) {
        return String.join(
                ", ",
                t.installments().stream().map(i -> i.amount().toPlainString()).toList());
    }

    public static String dates(Terms t) {
        return String.join(
                ", ", t.installments().stream().map(i -> i.due().toString()).toList());
    }

    /** Terms on {@code proposed}'s balance with these installments; throws with a message for the person. */
    public static Terms terms(Terms proposed, String amounts, String dates) {
        List<String> a = split(amounts);
        List<String> d = split(dates);
        if (a.isEmpty()) {
            throw new IllegalArgumentException("Give at least one amount, e.g. 600.00, 600.00");
        }
        if (a.size() != d.size()) {
            throw new IllegalArgumentException(
                    "Give one date per amount: " + a.size() + " amounts, " + d.size() + " dates");
        }
        List<Installment> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            Money m;
            try {
                m = Money.ofMajor(
                        new BigDecimal(a.get(i).replace(",", "").replaceAll("^[^0-9.]+", "")),
                        proposed.balance().currency());
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("\"" + a.get(i) + "\" is not an amount; write e.g. 1250.00", e);
            }
            if (m.isNegative() || m.isZero()) {
                throw new IllegalArgumentException("Amounts must be above zero: " + a.get(i));
            }
            LocalDate due;
            try {
                due = LocalDate.parse(d.get(i));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + d.get(i) + "\" is not a date; write e.g. 2026-12-15", e);
            }
            out.add(new Installment(due, m));
        }
        try {
            return new Terms(proposed.balance(), 0, proposed.lateFeesWaived(), out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Dates must be in order, earliest first", e);
        }
    }

    /** Commas, semicolons, new lines or spaces separate; a comma before three digits groups thousands (1,250.00). */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("\\s*[;\\n]\\s*|,(?!\\d{3}(?:\\D|$))\\s*|\\s+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
