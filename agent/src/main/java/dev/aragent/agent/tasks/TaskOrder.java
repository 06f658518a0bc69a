package dev.aragent.agent.tasks;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;

/**
 * The people's tasks in the order to work them: what is due by today before what is booked for a later day, and among
 * those the most at stake first — the account's past-due balance weighted by how much of it acting now can still
 * recover (the AR manager's recovery curve, the one the queue weighs its own actions by). An hour on a debt a week late
 * moves more than one on a debt a year late: the simulated quarter showed the team's calls going, oldest task first, to
 * debts no call would move any more while fresh ones waited.
 */
public final class TaskOrder {
    private TaskOrder() {}

    /**
     * What a task's account has at stake: its past-due balance, the days past due of its oldest past-due invoice, and
     * the balance weighted by the share acting now can still recover ({@code value}, in major units).
     */
    public record Stake(
            Money pastDue, long daysPastDue, double recoverable, double value, java.util.Optional<String> waits) {
        public Stake(Money pastDue, long daysPastDue, double recoverable, double value) {
            this(pastDue, daysPastDue, recoverable, value, java.util.Optional.empty());
        }

        /**
         * In words, for the task list: "$4,200.00 past due, 12 days: 70 % recoverable", and why its calls wait when
         * they do ("; a person phoned on Mar 14: its calls wait").
         */
        public String words() {
            String owed = pastDue.isZero()
                    ? "nothing past due"
                    : String.format(
                            Locale.ROOT,
                            "%s past due, %d days: %.0f %% recoverable",
                            pastDue.format(),
                            daysPastDue,
                            recoverable * 100);
            return owed + waits.map(w -> "; " + w + ": its calls wait").orElse("");
        }

        Stake waiting(String why) {
            return new Stake(pastDue, daysPastDue, recoverable, value, java.util.Optional.of(why));
        }
    }

    /**
     * What makes an account's calls wait: the day a person last phoned it ({@code phoned}; within {@code restDays} of
     * today), and the day it promised to pay by ({@code promised}; an open promise not yet due).
     */
    public record Lately(Map<CustomerKey, LocalDate> phoned, int restDays, Map<CustomerKey, LocalDate> promised) {
        public static final Lately NOTHING = new Lately(Map.of(), 0, Map.of());

        public Lately {
            phoned = Map.copyOf(phoned);
            promised = Map.copyOf(promised);
        }

        /** Why {@code customer}'s calls wait on {@code today}, if they do. */
        java.util.Optional<String> waits(CustomerKey customer, LocalDate today) {
            LocalDate by = promised.get(customer);
            if (by != null && !by.isBefore(today)) {
                return java.util.Optional.of("promised to pay by " + day(by));
            }
            LocalDate on = phoned.get(customer);
            return on != null && on.isAfter(today.minusDays(restDays))
                    ? java.util.Optional.of("a person phoned on " + day(on))
                    : java.util.Optional.empty();
        }

        private static String day(LocalDate d) {
            return d.format(java.time.format.DateTimeFormatter.ofPattern("MMM d", Locale.US));
        }
    }

    /** The stake of an account with {@code invoices} on {@code today}, weighted by {@code recoverable}. */
    public static Stake stake(List<Invoice> invoices, LongToDoubleFunction recoverable, LocalDate today) {
        List<Invoice> late = invoices.stream()
                .filter(i -> i.owing() && i.daysPastDue(today) > 0)
                .toList();
        if (late.isEmpty()) {
            Currency currency = invoices.isEmpty()
                    ? Currency.getInstance("USD")
                    : invoices.getFirst().openBalance().currency();
            return new Stake(Money.zero(currency), 0, 0, 0);
        }
        Currency currency = late.getFirst().openBalance().currency();
        Money pastDue = Money.zero(currency);
        for (Invoice i : late) {
            if (i.openBalance().currency().equals(currency)) {
                pastDue = pastDue.plus(i.openBalance());
            }
        }
        long days = late.stream().mapToLong(i -> i.daysPastDue(today)).max().orElse(0);
        double share = recoverable.applyAsDouble(days);
        return new Stake(pastDue, days, share, pastDue.toMajor().doubleValue() * share);
    }

    /** Tasks in the order to work them, with the stake of each account among them. */
    public record Ordered(List<PersonTask> tasks, Map<CustomerKey, Stake> stakes) {
        public Ordered {
            tasks = List.copyOf(tasks);
            stakes = Map.copyOf(stakes);
        }

        /**
         * Whether {@code t} is for a later day on {@code today}: booked for one, or a call whose account waits (a
         * promise not yet due, a person's call within the rest). Listed, after the rest; not today's work.
         */
        public boolean later(PersonTask t, LocalDate today) {
            return t.due().filter(d -> d.isAfter(today)).isPresent() || waits(t, stakes);
        }
    }

    /**
     * Whether {@code t} is a call for a person whose account waits, or has nothing past due any more (paid since the
     * call was asked for: a call about what is past due has nothing to ask). A call the debtor asked for, or one booked
     * for a day, keeps its place.
     */
    static boolean waits(PersonTask t, Map<CustomerKey, Stake> stakes) {
        return t.kind().equals("call_debtor")
                && t.conversation().isEmpty()
                && t.due().isEmpty()
                && t.customer()
                        .map(stakes::get)
                        .map(s -> s.waits().isPresent() || s.pastDue().isZero())
                        .orElse(false);
    }

    /**
     * {@code tasks} (in the store's order: due date, then when made) in the order to work them on {@code today}: due by
     * today first, most at stake first, then the oldest; a task booked for a later day after them, by its day. Each
     * account's invoices are read once through {@code invoices}.
     */
    public static List<PersonTask> order(
            List<PersonTask> tasks,
            Function<CustomerKey, List<Invoice>> invoices,
            LongToDoubleFunction recoverable,
            LocalDate today) {
        return rank(tasks, invoices, recoverable, today).tasks();
    }

    /** {@link #order} with the stakes it ordered by, for the list to show. */
    public static Ordered rank(
            List<PersonTask> tasks,
            Function<CustomerKey, List<Invoice>> invoices,
            LongToDoubleFunction recoverable,
            LocalDate today) {
        return rank(tasks, invoices, recoverable, today, Lately.NOTHING);
    }

    /**
     * {@link #rank}, where the calls for a person on an account whose calls wait ({@link Lately}: a person phoned it
     * within the rest, or it promised to pay by a day not yet past) come after every other task due: a second call
     * soon after the first, or one before the day a debtor named, is worth less than a first one elsewhere. A call the
     * debtor asked for (one from a conversation) and one booked for a day keep their place.
     */
    public static Ordered rank(
            List<PersonTask> tasks,
            Function<CustomerKey, List<Invoice>> invoices,
            LongToDoubleFunction recoverable,
            LocalDate today,
            Lately lately) {
        Map<CustomerKey, Stake> stakes = new HashMap<>();
        for (PersonTask t : tasks) {
            t.customer()
                    .ifPresent(c -> stakes.computeIfAbsent(c, k -> {
                        Stake s = stake(invoices.apply(k), recoverable, today);
                        return lately.waits(k, today).map(s::waiting).orElse(s);
                    }));
        }
        Function<PersonTask, Double> value =
                t -> t.customer().map(c -> stakes.get(c).value()).orElse(0.0);
        Comparator<PersonTask> later =
                Comparator.comparing(t -> t.due().filter(d -> d.isAfter(today)).isPresent());
        Comparator<PersonTask> resting = Comparator.comparing(t -> waits(t, stakes));
        // alike in both: the older day first, then by account and what to do (never by the instant a task was written:
        // two written side by side by two workers would order by a race), else the store's order (a stable sort)
        List<PersonTask> ordered = tasks.stream()
                .sorted(later.thenComparing(
                                t -> t.due().filter(d -> d.isAfter(today)).orElse(LocalDate.MIN))
                        .thenComparing(resting)
                        .thenComparing(value, Comparator.reverseOrder())
                        .thenComparing(t -> t.created().truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                        .thenComparing(t -> t.customer().map(CustomerKey::value).orElse(""))
                        .thenComparing(PersonTask::kind)
                        .thenComparing(PersonTask::detail))
                .toList();
        return new Ordered(ordered, stakes);
    }
}
