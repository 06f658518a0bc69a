package dev.aragent.agent.app;

import dev.aragent.agent.access.Principal;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import dev.aragent.agent.tasks.TaskOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A person works the tasks the agent left them: takes one, closes one with an outcome (checked here: a promise needs
 * its date, a dispute its reason), which the store keeps as the account's disposition and tells the CRM — once, however
 * often the form is sent. Days are the tenant's.
 */
public final class TaskDesk {
    private final PeopleTasks tasks;
    private final Function<TenantId, QueueRules> rules;
    private final Clock clock;

    private TaskDesk(PeopleTasks tasks, Function<TenantId, QueueRules> rules, Clock clock) {
        this.tasks = tasks;
        this.rules = rules;
        this.clock = clock;
    }

    public static TaskDesk create(PeopleTasks tasks, Function<TenantId, QueueRules> rules, Clock clock) {
        return new TaskDesk(tasks, rules, clock);
    }

    /** What became of a person's step on a task. */
    public sealed interface Result {
        /** The task as it is now, and how it was closed (when it was). */
        record Done(PersonTask task, Optional<Closing> closing) implements Result {}

        /** Nothing changed, and why (in words a person reads on the page). */
        record Refused(Optional<PersonTask> task, String reason) implements Result {}
    }

    /** The tenant's open tasks for people, due first. */
    public List<PersonTask> open(TenantId tenant, int limit) {
        return tasks.open(tenant, limit);
    }

    /** The task goes to {@code who} (or back to nobody when {@code mine} is false). */
    public Result take(Principal who, String id, boolean mine) {
        Optional<UUID> key = key(id);
        Optional<PersonTask> task = key.flatMap(k -> tasks.task(who.tenant(), k));
        if (task.isEmpty()) {
            return new Result.Refused(task, "no such task");
        }
        if (!tasks.assign(who.tenant(), key.get(), mine ? Optional.of(who.login()) : Optional.empty())) {
            return new Result.Refused(task, "the task was closed already");
        }
        return new Result.Done(tasks.task(who.tenant(), key.get()).orElseThrow(), Optional.empty());
    }

    /**
     * Closes the task {@code id} with {@code outcome} (its code), {@code date} (ISO, for a promise or a call back) and
     * {@code note}, as {@code who}.
     */
    public Result close(Principal who, String id, String outcome, String date, String note) {
        Optional<UUID> key = key(id);
        Optional<PersonTask> task = key.flatMap(k -> tasks.task(who.tenant(), k));
        if (task.isEmpty()) {
            return new Result.Refused(task, "no such task");
        }
        if (!task.get().open()) {
            return new Result.Refused(task, "the task was closed already");
        }
        return switch (read(who, outcome, date, note, task.get().customer().isPresent(), clock.instant(), today(who))) {
            case Closing.Invalid i -> new Result.Refused(task, i.reason());
            case Closing.Valid v ->
                tasks.close(who.tenant(), key.get(), v.closing())
                        ? new Result.Done(tasks.task(who.tenant(), key.get()).orElseThrow(), Optional.of(v.closing()))
                        : new Result.Refused(task, "the task was closed already");
        };
    }

    /** The tenant's today, in its rules' zone. */
    private LocalDate today(Principal who) {
        return clock.instant().atZone(rules.apply(who.tenant()).defaultZone()).toLocalDate();
    }

    /**
     * What a person said happened, read: {@code outcome} (its code), {@code date} (ISO, for a promise or a call back)
     * and {@code note} as a closing by {@code who} at {@code now}, or why it cannot be one; {@code onAccount} whether
     * it is about an account (an outcome for a debtor needs one).
     */
    static Closing.Checked read(
            Principal who, String outcome, String date, String note, boolean onAccount, Instant now, LocalDate today) {
        Optional<TaskOutcome> how = TaskOutcome.of(outcome == null ? "" : outcome);
        if (how.isEmpty()) {
            return new Closing.Invalid("choose what happened");
        }
        if (!onAccount && how.get().paymentStatus().isPresent()) {
            return new Closing.Invalid("this task is about no account: close it as done or skipped");
        }
        Optional<LocalDate> on;
        try {
            on = date == null || date.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            return new Closing.Invalid("the date is not a date (year-month-day)");
        }
        return Closing.of(how.get(), on, note, who.login(), now, today);
    }

    private static Optional<UUID> key(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
