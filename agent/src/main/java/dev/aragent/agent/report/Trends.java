package dev.aragent.agent.report;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.spi.OutreachLog;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The book week by week, for the last {@link #WEEKS} weeks up to today (Monday to Sunday, the current week partial):
 * cash collected (payments received, in the report's currency), the agent's touches by channel — a person's among them
 * (the accounts it left to the team) — and promises to pay made, kept and broken.
 */
public final class Trends {
    /** The weeks shown: a quarter. */
    public static final int WEEKS = 13;

    private Trends() {}

    /** One week: from its Monday. */
    public record Week(
            LocalDate from, Money collected, Map<Reach, Integer> touches, int promisesMade, int kept, int broken) {
        public Week {
            touches = Map.copyOf(touches);
        }

        /** The touches of a channel that week. */
        public int touches(Reach channel) {
            return touches.getOrDefault(channel, 0);
        }
    }

    /** The weeks, oldest first, and the quarter's totals. */
    public record Report(List<Week> weeks, Money collected, int humanTouches, int agentTouches) {
        public Report {
            weeks = List.copyOf(weeks);
        }
    }

    public static Report compute(
            Collection<AccountRecord> accounts,
            List<OutreachLog.Executed> executed,
            Currency currency,
            LocalDate today,
            ZoneId zone) {
        LocalDate first =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        long[] collected = new long[WEEKS];
        int[] made = new int[WEEKS];
        int[] kept = new int[WEEKS];
        int[] broken = new int[WEEKS];
        List<Map<Reach, Integer>> touches = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            touches.add(new EnumMap<>(Reach.class));
        }
        for (AccountRecord a : accounts) {
            for (Payment p : a.payments()) {
                int w = week(first, p.receivedOn(), today);
                if (w >= 0 && p.amount().currency().equals(currency)) {
                    collected[w] += p.amount().minor();
                }
            }
            for (AccountActivity.PromiseFact f : a.activity().promises()) {
                int w = week(first, day(f.madeAt(), zone), today);
                if (w >= 0) {
                    made[w]++;
                }
                if (f.resolvedAt().isPresent()) {
                    int r = week(first, day(f.resolvedAt().get(), zone), today);
                    if (r >= 0 && "kept".equals(f.status())) {
                        kept[r]++;
                    } else if (r >= 0 && "broken".equals(f.status())) {
                        broken[r]++;
                    }
                }
            }
        }
        for (OutreachLog.Executed e : executed) {
            int w = week(first, day(e.at(), zone), today);
            if (w >= 0) {
                touches.get(w).merge(e.channel(), 1, Integer::sum);
            }
        }
        List<Week> weeks = new ArrayList<>(WEEKS);
        long total = 0;
        int human = 0;
        int agent = 0;
        for (int w = 0; w < WEEKS; w++) {
            weeks.add(new Week(
                    first.plusWeeks(w),
                    new Money(collected[w], currency),
                    touches.get(w),
                    made[w],
                    kept[w],
                    broken[w]));
            total += collected[w];
            for (Map.Entry<Reach, Integer> t : touches.get(w).entrySet()) {
                if (t.getKey() == Reach.HUMAN) {
                    human += t.getValue();
                } else {
                    agent += t.getValue();
                }
            }
        }
        return new Report(weeks, new Money(total, currency), human, agent);
    }

    /** The week {@code day} falls in (0 the oldest), or -1 outside the weeks shown. */
    private static int week(LocalDate first, LocalDate day, LocalDate today) {
        if (day.isBefore(first) || day.isAfter(today)) {
            return -1;
        }
        return (int) (java.time.temporal.ChronoUnit.DAYS.between(first, day) / 7);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
