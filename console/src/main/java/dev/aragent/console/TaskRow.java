package dev.aragent.console;

import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import dev.aragent.agent.tasks.TaskOutcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One task for a person on the worklist: what, for which account, due when, who has it; while open, the form that
 * closes it (an outcome, its date, a note); once closed, what was recorded; a refusal shown in the row itself.
 *
 * @param closed what was recorded, in words, once the task is closed (empty while open)
 * @param error why the last attempt changed nothing (empty when it did, or none was made)
 * @param stale why the task may no longer be needed (a call about an account paid since), empty otherwise
 * @param stake what the account has at stake, the list's order ("$8,000.00 past due, 12 days: 73 % recoverable"), empty
 *     when not known
 */
public record TaskRow(
        String id,
        String customer,
        String account,
        String kind,
        String detail,
        String due,
        boolean overdue,
        String assignee,
        String created,
        boolean open,
        String closed,
        String error,
        String today,
        boolean mine,
        String csrf,
        String stale,
        String stake) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** An outcome a person may choose, and whether it needs a date or a note. */
    public record Choice(String code, String label, boolean needsDate, boolean needsNote) {}

    /** The outcomes, in the order the form offers them. */
    public static final List<Choice> CHOICES = Arrays.stream(TaskOutcome.values())
            .map(o -> new Choice(
                    o.code(), o.label(), o.need() == TaskOutcome.Need.DATE, o.need() == TaskOutcome.Need.NOTE))
            .toList();

    /** The outcomes a person may log on an account outside any task: what they heard from the debtor. */
    public static final List<Choice> LOGGABLE = Arrays.stream(TaskOutcome.values())
            .filter(o -> o.paymentStatus().isPresent())
            .map(o -> new Choice(
                    o.code(), o.label(), o.need() == TaskOutcome.Need.DATE, o.need() == TaskOutcome.Need.NOTE))
            .toList();

    public static TaskRow of(PersonTask t, LocalDate today, ZoneId zone, String csrf) {
        return of(t, Optional.empty(), Optional.empty(), today, zone, csrf, "");
    }

    /** The row as {@code login} sees it (a task they have offers to give it back). */
    public static TaskRow of(PersonTask t, LocalDate today, ZoneId zone, String csrf, String login) {
        return of(t, Optional.empty(), Optional.empty(), today, zone, csrf, login);
    }

    public static TaskRow of(
            PersonTask t,
            Optional<Closing> closing,
            Optional<String> error,
            LocalDate today,
            ZoneId zone,
            String csrf) {
        return of(t, closing, error, today, zone, csrf, "");
    }

    /** The row for {@code login}, with what closing it recorded or why nothing changed. */
    public static TaskRow of(
            PersonTask t,
            Optional<Closing> closing,
            Optional<String> error,
            LocalDate today,
            ZoneId zone,
            String csrf,
            String login) {
        String closed = t.open()
                ? ""
                : closing.map(TaskRow::recorded).orElse(t.status().equals("skipped") ? "Skipped." : "Done.");
        return new TaskRow(
                t.id().toString(),
                t.customerName().isBlank() ? "—" : t.customerName(),
                t.customer().map(k -> k.value()).orElse(""),
                t.kindInWords(),
                t.detail(),
                t.due().map(d -> d.format(DAY)).orElse(""),
                t.due().map(d -> d.isBefore(today)).orElse(false),
                t.assignee().orElse(""),
                t.created().atZone(zone).toLocalDate().format(DAY),
                t.open(),
                closed,
                error.orElse(""),
                today.toString(),
                !login.isEmpty() && t.assignee().map(login::equals).orElse(false),
                csrf,
                "",
                "");
    }

    /**
     * This row, told (when {@code paid}) that its account owes nothing any more: a payment came in since the task was
     * made, so a call would chase a paid account.
     */
    public TaskRow paidUp(boolean paid) {
        if (!paid || !open || !kind.toLowerCase(Locale.ROOT).contains("call")) {
            return this;
        }
        return new TaskRow(
                id,
                customer,
                account,
                kind,
                detail,
                due,
                overdue,
                assignee,
                created,
                open,
                closed,
                error,
                today,
                mine,
                csrf,
                "Paid since this task was made: the account owes nothing now. No call needed; close it as done.",
                stake);
    }

    /** This row with what its account has at stake ({@code words}: the list's order, in words). */
    public TaskRow atStake(String words) {
        return new TaskRow(
                id, customer, account, kind, detail, due, overdue, assignee, created, open, closed, error, today, mine,
                csrf, stale, words);
    }

    /** What closing the task recorded, as the person who did it reads it back. */
    private static String recorded(Closing c) {
        String what = c.outcome().label()
                + c.on().map(d -> " (" + d.format(DAY) + ")").orElse("");
        String where =
                c.disposition().isPresent() ? " — recorded on the account and sent to the CRM" : " — sent to the CRM";
        return what + (c.note().isEmpty() ? "" : ": \u201c" + c.note() + "\u201d") + where + ", by " + c.by() + ".";
    }

    public List<Choice> choices() {
        return CHOICES;
    }
}
