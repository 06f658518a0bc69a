package dev.aragent.agent.tasks;

import dev.aragent.agent.conversation.Disposition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person closed a task: the outcome, its date (a promise's, a call back's), their note, who and when; and the
 * disposition it becomes (none for done or skipped). Made only through {@link #of}, which refuses what does not hold.
 */
public record Closing(
        TaskOutcome outcome, Optional<LocalDate> on, String note, String by, Instant at, LocalDate today) {
    /** The longest note a person may leave. */
    public static final int MAX_NOTE = 2000;

    /** Days ahead a promise or a call back may be dated. */
    public static final int MAX_DAYS_AHEAD = 120;

    public Closing {
        Objects.requireNonNull(outcome, "outcome");
        note = note.strip();
    }

    /** A closing, or why not: a date the outcome needs (today or later, within 120 days), a note it needs. */
    public sealed interface Checked {}

    public record Valid(Closing closing) implements Checked {}

    public record Invalid(String reason) implements Checked {}

    public static Checked of(
            TaskOutcome outcome, Optional<LocalDate> on, String note, String by, Instant at, LocalDate today) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            return new Invalid("the note is longer than " + MAX_NOTE + " characters");
        }
        if (outcome.need() == TaskOutcome.Need.DATE) {
            if (on.isEmpty()) {
                return new Invalid("\"" + outcome.label() + "\" needs a date");
            }
            if (on.get().isBefore(today) || on.get().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                return new Invalid(
                        "the date must be between today (" + today + ") and " + MAX_DAYS_AHEAD + " days from now");
            }
        }
        if (outcome.need() == TaskOutcome.Need.NOTE && text.isEmpty()) {
            return new Invalid("\"" + outcome.label() + "\" needs a note saying why");
        }
        Optional<LocalDate> date = outcome.need() == TaskOutcome.Need.DATE ? on : Optional.empty();
        return new Valid(new Closing(outcome, date, text, by, at, today));
    }

    /** The task's status once closed: {@code skipped} or {@code done}. */
    public String status() {
        return outcome == TaskOutcome.SKIPPED ? "skipped" : "done";
    }

    /**
     * The account's disposition: the outcome's payment status, a promise's date, a dispute's reason (the note), and
     * when to look again — the day after a promise, the call-back day, two days after no answer, three to see a
     * claimed payment, a week after "cannot pay now".
     */
    public Optional<Disposition> disposition() {
        return outcome.paymentStatus().map(status -> {
            Optional<LocalDate> retry =
                    switch (outcome) {
                        case PROMISED -> on.map(d -> d.plusDays(1));
                        case CALL_BACK -> on;
                        case NO_ANSWER -> Optional.of(today.plusDays(2));
                        case CLAIMS_PAID -> Optional.of(today.plusDays(3));
                        case UNABLE_TO_PAY -> Optional.of(today.plusDays(7));
                        default -> Optional.empty();
                    };
            return new Disposition(
                    status,
                    outcome == TaskOutcome.PROMISED ? on : Optional.empty(),
                    outcome == TaskOutcome.DISPUTED ? Optional.of(note) : Optional.empty(),
                    Optional.empty(),
                    false,
                    retry);
        });
    }
}
