package dev.aragent.agent.rules;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The next quarter of a tenant's own book under a set of queue rules, projected: on each of the rules' batch days the
 * real queue plans the book as it stands then (the same planner, risk model, caps, cadence and exclusions), and the
 * debtors it reaches answer by stated assumptions (below). Two rule sets projected over the same book with the same
 * {@code seed} meet the same debtors with the same draws, so what differs between them is what the rules changed.
 *
 * <p>The assumptions (ours, not measured on this book; the demo's simulator models debtors message by message, this
 * is its quick sketch): a debtor reached pays the invoices planned with a chance of the share still recoverable at
 * their age ({@link QueueRules#recoverable}) × the channel's lift ({@link #LIFT}) × (1 − 0.6 × the model's risk),
 * 2–10 days later; of the rest, one reached by a call or a person promises with a chance of 15 % (5 % by email or
 * text) and keeps 70 % of promises, 10 days later; any account pays unprompted with a chance of 0.3 % a day.
 */
public final class QuarterProjection {
    /** How much more a debtor reached on each channel pays than the share recoverable says on its own. */
    static final Map<Reach, Double> LIFT =
            Map.of(Reach.EMAIL, 0.30, Reach.SMS, 0.35, Reach.CALL, 0.50, Reach.HUMAN, 0.55);

    private static final double UNPROMPTED = 0.003;
    private static final int DAYS = 91;

    /** What the quarter came to under one rule set. */
    public record Outcome(
            long collectedMinor,
            Currency currency,
            long openAtEndMinor,
            double dsoAtEnd,
            int invoicesPaid,
            int promises,
            int promisesKept,
            int humanTouches,
            Map<Reach, Integer> touches) {
        public Outcome {
            touches = Map.copyOf(touches);
        }

        /** Every message and call, people's included. */
        public int allTouches() {
            return touches.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The book the quarter starts from, read once for every rule set projected over it. */
    public record Book(
            List<AccountRecord> accounts,
            Set<String> paused,
            Map<CustomerKey, Hold> holds,
            List<OutreachLog.Executed> executed,
            RiskModel model,
            Features features,
            Instant start,
            long seed) {
        public Book {
            accounts = List.copyOf(accounts);
            paused = Set.copyOf(paused);
            holds = Map.copyOf(holds);
            executed = List.copyOf(executed);
        }
    }

    private QuarterProjection() {}

    /** The days the projection covers. */
    public static int days() {
        return DAYS;
    }

    /** The quarter under {@code rules}; {@code progress} hears each day done. */
    public static Outcome project(Book book, QueueRules rules, IntConsumer progress) {
        ZoneId zone = rules.defaultZone();
        LocalDate first = book.start().atZone(zone).toLocalDate();
        Currency currency = book.accounts().stream()
                .flatMap(a -> a.invoices().stream())
                .findFirst()
                .map(i -> i.amount().currency())
                .orElse(Currency.getInstance("USD"));
        Map<CustomerKey, AccountRecord> accounts = new HashMap<>();
        book.accounts().forEach(a -> accounts.put(a.customer().key(), a));
        List<OutreachLog.Executed> executed = new ArrayList<>(book.executed());
        Map<LocalDate, List<Payment>> due = new HashMap<>();
        Map<Reach, Integer> touches = new EnumMap<>(Reach.class);
        long collected = 0;
        int paid = 0;
        int promises = 0;
        int kept = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            for (Payment p : due.getOrDefault(day, List.of())) {
                long got = settle(accounts, p.customer(), p.invoices(), day);
                collected += got;
                paid += got > 0 ? p.invoices().size() : 0;
            }
            for (AccountRecord a : List.copyOf(accounts.values())) {
                if (open(a) && draw(book.seed(), a.customer().key(), d, 7) < UNPROMPTED) {
                    List<String> all = a.invoices().stream()
                            .filter(QuarterProjection::isOpen)
                            .map(Invoice::number)
                            .toList();
                    collected += settle(accounts, a.customer().key(), all, day);
                    paid += all.size();
                }
            }
            if (rules.runDays().contains(day.getDayOfWeek())) {
                Instant now = day.atTime(rules.runAt()).atZone(zone).toInstant();
                ActionQueue.Plan plan = ActionQueue.plan(
                        accounts.values().stream()
                                .filter(QuarterProjection::open)
                                .toList(),
                        book.paused(),
                        book.holds(),
                        executed,
                        book.model(),
                        book.features(),
                        rules,
                        now,
                        Integer.MAX_VALUE,
                        false);
                for (QueueEntry e : plan.entries()) {
                    Reach channel = e.action().channel();
                    touches.merge(channel, 1, Integer::sum);
                    executed.add(new OutreachLog.Executed(
                            e.customer(),
                            e.segment(),
                            e.action().step(),
                            e.action().strategy(),
                            channel,
                            now,
                            e.invoiceNumbers()));
                    double u = draw(book.seed(), e.customer(), d, 1);
                    double pays =
                            rules.recoverable(e.daysOverdue()) * LIFT.getOrDefault(channel, 0.3) * (1 - 0.6 * e.risk());
                    double promisesToo = channel == Reach.CALL || channel == Reach.HUMAN ? 0.15 : 0.05;
                    if (u < pays) {
                        int lag = 2 + (int) (draw(book.seed(), e.customer(), d, 2) * 9);
                        due.computeIfAbsent(day.plusDays(lag), x -> new ArrayList<>())
                                .add(new Payment(e.customer(), e.invoiceNumbers()));
                    } else if (u < pays + promisesToo) {
                        promises++;
                        if (draw(book.seed(), e.customer(), d, 3) < 0.7) {
                            kept++;
                            due.computeIfAbsent(day.plusDays(10), x -> new ArrayList<>())
                                    .add(new Payment(e.customer(), e.invoiceNumbers()));
                        }
                    }
                }
            }
            progress.accept(d + 1);
        }
        long open = accounts.values().stream()
                .flatMap(a -> a.invoices().stream())
                .filter(QuarterProjection::isOpen)
                .mapToLong(i -> i.openBalance().minor())
                .sum();
        long billed = book.accounts().stream()
                .flatMap(a -> a.invoices().stream())
                .filter(i -> !i.issueDate().isBefore(first.minusDays(DAYS))
                        && i.issueDate().isBefore(first))
                .mapToLong(i -> i.amount().minor())
                .sum();
        double dso = billed > 0 ? open / (billed / (double) DAYS) : Double.NaN;
        return new Outcome(
                collected, currency, open, dso, paid, promises, kept, touches.getOrDefault(Reach.HUMAN, 0), touches);
    }

    private record Payment(CustomerKey customer, List<String> invoices) {}

    private static boolean isOpen(Invoice i) {
        return i.owing();
    }

    private static boolean open(AccountRecord a) {
        return a.invoices().stream().anyMatch(QuarterProjection::isOpen);
    }

    /** Settles the account's {@code numbers} still open on {@code day}; what they came to. */
    private static long settle(
            Map<CustomerKey, AccountRecord> accounts, CustomerKey customer, List<String> numbers, LocalDate day) {
        AccountRecord a = accounts.get(customer);
        if (a == null) {
            return 0;
        }
        long got = 0;
        List<Invoice> invoices = new ArrayList<>(a.invoices().size());
        for (Invoice i : a.invoices()) {
            if (isOpen(i) && numbers.contains(i.number())) {
                got += i.openBalance().minor();
                invoices.add(i.with(
                        dev.aragent.agent.ledger.Money.zero(i.amount().currency()),
                        InvoiceStatus.PAID,
                        Optional.of(day)));
            } else {
                invoices.add(i);
            }
        }
        if (got > 0) {
            accounts.put(customer, a.withInvoices(invoices));
        }
        return got;
    }

    /** A draw in [0, 1) fixed by the seed, the account, the day and what it decides. */
    private static double draw(long seed, CustomerKey customer, int day, int what) {
        long h = seed * 0x9E3779B97F4A7C15L + customer.value().hashCode();
        h = h * 31 + day;
        h = h * 31 + what;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
