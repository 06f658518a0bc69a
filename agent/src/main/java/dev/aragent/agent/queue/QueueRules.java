package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AR manager's rules for the queue, per tenant (edited as YAML, see the README): the contact window, frequency caps
 * per channel, the cadence, segment adjustments, customer overrides, exclusions and the priority weights.
 *
 * @param window when debtors may be contacted, in their own time zone
 * @param defaultZone the zone of a customer with none on file
 * @param caps at most {@code max} messages per channel in any {@code days} days
 * @param cadence days from the due date at which a reminder is due (negative: before)
 * @param segments per segment: a priority factor and optionally its own cadence
 * @param customers per customer: a forced channel (e.g. human for VIPs) and a note
 * @param skipWhenCreditMemoPending leave an account alone while a credit memo is open
 * @param excludeAutoPay leave auto-pay customers (tag {@code autopay}) out of the cadence
 * @param weights exponents of amount, risk and recoverability in the priority
 * @param highValueMinor open amount (minor units) from which a 30-day-late account gets a call
 * @param callMinimumMinor open amount (minor units) below which unanswered messages or broken promises do not bring a
 *     call (the next message goes by text or email instead): a call, the agent's or a person's, is kept for sums worth it
 * @param callRestDays days after a person phoned an account during which the account's other calls for a person wait
 *     behind every account not phoned (a call the debtor asked for, or one booked for the day, keeps its place): the
 *     team's calls spread over the book rather than ringing one account again and again
 * @param recovery days past due → share recoverable by acting now, interpolated
 * @param runDays days of the week the batch runs on, at {@code runAt} tenant time
 */
public record QueueRules(
        Window window,
        ZoneId defaultZone,
        Map<Reach, Cap> caps,
        List<Integer> cadence,
        Map<String, SegmentRule> segments,
        Map<CustomerKey, CustomerRule> customers,
        boolean skipWhenCreditMemoPending,
        boolean excludeAutoPay,
        Weights weights,
        long highValueMinor,
        long callMinimumMinor,
        int callRestDays,
        Map<Integer, Double> recovery,
        Set<DayOfWeek> runDays,
        LocalTime runAt) {

    public QueueRules {
        caps = Map.copyOf(caps);
        cadence = List.copyOf(cadence);
        if (cadence.isEmpty()) {
            throw new IllegalArgumentException("the cadence needs at least one step, e.g. [-7, 0, 7, 14, 30]");
        }
        segments = Map.copyOf(segments);
        customers = Map.copyOf(customers);
        recovery = Map.copyOf(recovery);
        runDays = Set.copyOf(runDays);
        if (callRestDays < 0) {
            throw new IllegalArgumentException("call-rest is a number of days, 0 or more: " + callRestDays);
        }
    }

    /** Local hours and days on which a debtor may be contacted. */
    public record Window(LocalTime from, LocalTime to, boolean businessDaysOnly) {
        public Window {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("contact window must start before it ends: " + from + "–" + to);
            }
        }
    }

    /** At most {@code max} messages in any {@code days} days. */
    public record Cap(int max, int days) {}

    /** A segment's priority factor (below 1: lower priority) and optional cadence. */
    public record SegmentRule(double priority, Optional<List<Integer>> cadence, String note) {}

    /** A customer's forced channel and the note shown with it. */
    public record CustomerRule(Optional<Reach> channel, double priority, String note) {}

    /** Exponents in priority = amount^amount × risk^risk × recoverable^recovery. */
    public record Weights(double amount, double risk, double recovery) {}

    /** The defaults: 08:00–21:00 on business days, ≤ 3 emails and ≤ 3 texts a week, ≤ 7 calls in 7 days. */
    public static QueueRules defaults() {
        return new QueueRules(
                new Window(LocalTime.of(8, 0), LocalTime.of(21, 0), true),
                ZoneId.of("America/New_York"),
                Map.of(Reach.EMAIL, new Cap(3, 7), Reach.SMS, new Cap(3, 7), Reach.CALL, new Cap(7, 7)),
                List.of(-7, 0, 7, 14, 30),
                Map.of(),
                Map.of(),
                true,
                true,
                new Weights(1, 1, 1),
                2_500_000,
                25_000,
                14,
                Map.of(0, 0.80, 10, 0.74, 30, 0.60, 60, 0.40, 90, 0.18, 180, 0.08),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalTime.of(7, 0));
    }

    /** These rules with other segment and customer rules. */
    public QueueRules withOverrides(Map<String, SegmentRule> s, Map<CustomerKey, CustomerRule> c) {
        return new QueueRules(
                window,
                defaultZone,
                caps,
                cadence,
                s,
                c,
                skipWhenCreditMemoPending,
                excludeAutoPay,
                weights,
                highValueMinor,
                callMinimumMinor,
                callRestDays,
                recovery,
                runDays,
                runAt);
    }

    /** These rules for customers with no time zone on file in {@code zone} (and the batch schedule). */
    public QueueRules withDefaultZone(ZoneId zone) {
        return new QueueRules(
                window,
                zone,
                caps,
                cadence,
                segments,
                customers,
                skipWhenCreditMemoPending,
                excludeAutoPay,
                weights,
                highValueMinor,
                callMinimumMinor,
                callRestDays,
                recovery,
                runDays,
                runAt);
    }

    /** The cadence for a segment (its own, or the tenant's). */
    public List<Integer> cadenceFor(String segment) {
        SegmentRule rule = segments.get(segment);
        return rule == null ? cadence : rule.cadence().orElse(cadence);
    }

    /** The share recoverable by acting at {@code daysPastDue}, interpolated between the configured points. */
    public double recoverable(long daysPastDue) {
        java.util.TreeMap<Integer, Double> curve = new java.util.TreeMap<>(recovery);
        var lo = curve.floorEntry((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, daysPastDue)));
        var hi = curve.ceilingEntry((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, daysPastDue)));
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double t = (double) (daysPastDue - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + t * (hi.getValue() - lo.getValue());
    }
}
