package dev.aragent.agent.queue;

import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Learns which strategy works at each cadence step for each segment, by Thompson sampling: every (segment, step,
 * strategy) arm keeps a Beta(successes + 1, failures + 1) belief; each choice draws once from each candidate's belief
 * and takes the highest draw. Strategies that worked get chosen more, untried ones still get tried. Deterministic for
 * a given seed.
 */
public final class StrategyLearner {
    /** Days after an outreach within which a payment, promise or agreement counts as its success. */
    public static final int OUTCOME_DAYS = 14;

    private final Map<String, int[]> arms = new HashMap<>();

    /** One finished outreach: did the debtor pay, promise or agree within the outcome window after it. */
    public record Result(String segment, int step, Outreach strategy, boolean success) {}

    /** A choice and the counts behind it, for the queue's "why". */
    public record Choice(Outreach strategy, String why) {}

    public StrategyLearner(List<Result> results) {
        for (Result r : results) {
            int[] a = arms.computeIfAbsent(key(r.segment(), r.step(), r.strategy()), k -> new int[2]);
            a[r.success() ? 0 : 1]++;
        }
    }

    public Choice choose(String segment, int step, List<Outreach> candidates, SplittableRandom random) {
        if (candidates.size() == 1) {
            return new Choice(candidates.getFirst(), "");
        }
        Outreach best = candidates.getFirst();
        double bestDraw = -1;
        StringBuilder why = new StringBuilder();
        for (Outreach c : candidates) {
            int[] a = arms.getOrDefault(key(segment, step, c), new int[2]);
            double draw = beta(a[0] + 1, a[1] + 1, random);
            if (why.length() > 0) {
                why.append(", ");
            }
            why.append(String.format(Locale.ROOT, "%s %d/%d", c.words(), a[0], a[0] + a[1]));
            if (draw > bestDraw) {
                bestDraw = draw;
                best = c;
            }
        }
        return new Choice(
                best,
                "strategy learned for " + (segment.isEmpty() ? "all segments" : segment) + " at day " + step
                        + " (successes/tries: " + why + ")");
    }

    private static String key(String segment, int step, Outreach s) {
        return segment + "|" + step + "|" + s.code();
    }

    /** A Beta(a, b) draw for integer a, b ≥ 1, as the ratio of Gamma draws (sums of exponentials). */
    static double beta(int a, int b, SplittableRandom random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    private static double gamma(int shape, SplittableRandom random) {
        if (shape > 50) { // normal approximation keeps large counts cheap
            double g = shape + Math.sqrt(shape) * gaussian(random);
            return Math.max(1e-9, g);
        }
        double sum = 0;
        for (int i = 0; i < shape; i++) {
            sum -= Math.log(1 - random.nextDouble());
        }
        return sum;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The strategies that fit a cadence step at this age, lightest first. */
    static List<Outreach> candidates(int step, long maxDays) {
        if (maxDays >= 90) {
            return List.of(Outreach.FINAL_NOTICE);
        }
        if (maxDays >= 60) {
            return List.of(Outreach.ESCALATION_NOTICE, Outreach.PAYMENT_PLAN_OFFER);
        }
        if (step >= 30) {
            return List.of(Outreach.PAYMENT_PLAN_OFFER, Outreach.ESCALATION_NOTICE);
        }
        if (step >= 14) {
            return List.of(Outreach.VALUE_ADDED_FOLLOW_UP, Outreach.PAYMENT_PLAN_OFFER);
        }
        if (step >= 7) {
            return List.of(Outreach.GENTLE_REMINDER, Outreach.VALUE_ADDED_FOLLOW_UP);
        }
        return List.of(Outreach.GENTLE_REMINDER);
    }

    /**
     * What each executed action led to, once its outcome window has passed (or earlier, on success): a payment
     * received, or a promise made, within {@link #OUTCOME_DAYS} days.
     */
    static List<Result> results(List<OutreachLog.Executed> executed, Collection<AccountRecord> accounts, Instant now) {
        if (executed.isEmpty()) {
            return List.of();
        }
        Map<dev.aragent.agent.ledger.CustomerKey, AccountRecord> byKey = new HashMap<>();
        accounts.forEach(a -> byKey.put(a.customer().key(), a));
        List<Result> out = new ArrayList<>();
        for (OutreachLog.Executed e : executed) {
            AccountRecord a = byKey.get(e.customer());
            if (a == null) {
                continue;
            }
            Instant until = e.at().plus(OUTCOME_DAYS, ChronoUnit.DAYS);
            LocalDate from = LocalDate.ofInstant(e.at(), java.time.ZoneOffset.UTC);
            LocalDate to = LocalDate.ofInstant(until, java.time.ZoneOffset.UTC);
            boolean paid = a.payments().stream()
                    .anyMatch(p ->
                            !p.receivedOn().isBefore(from) && !p.receivedOn().isAfter(to));
            boolean promised = a.activity().promises().stream()
                    .anyMatch(p -> !p.madeAt().isBefore(e.at()) && p.madeAt().isBefore(until));
            boolean success = paid || promised;
            if (success || !until.isAfter(now)) {
                out.add(new Result(e.segment(), e.step(), e.strategy(), success));
            }
        }
        return out;
    }
}
