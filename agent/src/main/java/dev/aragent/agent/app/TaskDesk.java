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
        /**
         * The task as it is now, how it was closed (when it was), and the account's other calls for a person this one
         * covered (closed with it).
         */
        record Done(PersonTask task, Optional<Closing> closing, List<PersonTask> covered) implements Result {
            public Done {
                covered = List.copyOf(covered);
            }

            public Done(PersonTask task, Optional<Closing> closing) {
                this(task, closing, List.of());
            }
        }

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
                        ? new Result.Done(
                                tasks.task(who.tenant(), key.get()).orElseThrow(),
                                Optional.of(v.closing()),
                                covered(who, task.get(), v.closing()))
                        : new Result.Refused(task, "the task was closed already");
        };
    }

    /** The open tasks read to find the calls one call covers (an account's are among a tenant's first thousands). */
    static final int COVER_SCAN = 5_000;

    /**
     * One call covers the account: a person who phoned it about one task has phoned it about the others waiting for a
     * call (a cadence step, a broken promise, "call me"), so they close with it — done, saying which call covered them,
     * with no second disposition. A task skipped as not needed was no call and covers nothing; a call booked for a later
     * day stays. The simulated quarter showed one person's call in eight a second call to an account phoned that day.
     */
    private List<PersonTask> covered(Principal who, PersonTask call, Closing closing) {
        if (!CALL.equals(call.kind())
                || closing.outcome() == TaskOutcome.SKIPPED
                || call.customer().isEmpty()) {
            return List.of();
        }
        Closing cover = new Closing(
                TaskOutcome.DONE,
                Optional.empty(),
                "covered by " + closing.by() + "'s call (" + closing.outcome().label() + ")",
                closing.by(),
                closing.at(),
                closing.today());
        List<PersonTask> out = new java.util.ArrayList<>();
        for (PersonTask other : tasks.open(who.tenant(), COVER_SCAN)) {
            if (CALL.equals(other.kind())
                    && other.customer().equals(call.customer())
                    && !other.id().equals(call.id())
                    && !other.created().isAfter(closing.at())
                    && other.due().filter(d -> d.isAfter(closing.today())).isEmpty()
                    && tasks.close(who.tenant(), other.id(), cover)) {
                out.add(tasks.task(who.tenant(), other.id()).orElse(other));
            }
        }
        return out;
    }

    private static final String CALL = "call_debtor";

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
