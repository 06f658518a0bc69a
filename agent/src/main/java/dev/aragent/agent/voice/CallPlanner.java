package dev.aragent.agent.voice;

import dev.aragent.agent.queue.ContactWindow;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a call a conversation asked for (a second broken promise, "call me", a stalled thread) may be placed: inside the
 * debtor's calling window, under the AR manager's call cap (default ≤ 7 in 7 days), and after a voicemail or no answer
 * only on the retry schedule (1, 2, then 4 days later), and never a second call the same day in the debtor's zone (two
 * tasks due together — a call asked for and a plan to confirm — once rang twice in an afternoon). After
 * {@link #MAX_ATTEMPTS} unanswered calls a person takes over.
 */
public final class CallPlanner {
    /** The wait after the first, second and third unanswered call. */
    public static final List<Duration> RETRIES = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(4));

    public static final int MAX_ATTEMPTS = RETRIES.size() + 1;

    /** What to do with a call task now. */
    public sealed interface Decision {
        record Place() implements Decision {}

        record Wait(Instant until, String why) implements Decision {}

        record GiveUp(String why) implements Decision {}
    }

    private CallPlanner() {}

    /**
     * @param attempts calls already placed for this task, none of which reached the debtor
     * @param lastAttempt when the last of them was placed
     * @param recentCalls when calls to this customer were placed (for any reason), for the cap
     */
    public static Decision decide(
            Instant now,
            ZoneId zone,
            QueueRules rules,
            int attempts,
            Optional<Instant> lastAttempt,
            List<Instant> recentCalls) {
        if (attempts >= MAX_ATTEMPTS) {
            return new Decision.GiveUp(attempts + " calls without reaching the debtor: a person should try");
        }
        Instant earliest = now;
        String why = "";
        if (attempts > 0 && lastAttempt.isPresent()) {
            Instant retry = lastAttempt.get().plus(RETRIES.get(attempts - 1));
            if (retry.isAfter(earliest)) {
                earliest = retry;
                why = "retry " + attempts + " after an unanswered call";
            }
        }
        QueueRules.Cap cap = rules.caps().get(Reach.CALL);
        if (cap != null) {
            Instant windowStart = earliest.minus(Duration.ofDays(cap.days()));
            List<Instant> inWindow = recentCalls.stream()
                    .filter(t -> t.isAfter(windowStart))
                    .sorted(Comparator.naturalOrder())
                    .toList();
            if (inWindow.size() >= cap.max()) {
                Instant frees = inWindow.get(inWindow.size() - cap.max()).plus(Duration.ofDays(cap.days()));
                if (frees.isAfter(earliest)) {
                    earliest = frees;
                    why = "call cap reached (" + cap.max() + " in " + cap.days() + " days)";
                }
            }
        }
        java.time.LocalDate day = earliest.atZone(zone).toLocalDate();
        if (recentCalls.stream().anyMatch(t -> t.atZone(zone).toLocalDate().equals(day))) {
            earliest = day.plusDays(1).atStartOfDay(zone).toInstant();
            why = why.isEmpty() ? "called today already" : why + ", and called that day already";
        }
        Instant open = ContactWindow.next(earliest, zone, rules.window()).toInstant();
        if (open.isAfter(earliest)) {
            earliest = open;
            why = why.isEmpty() ? "outside the debtor's calling hours" : why + ", then the calling hours";
        }
        return earliest.isAfter(now) ? new Decision.Wait(earliest, why) : new Decision.Place();
    }

    /** Whether a call's outcome means nobody was reached (a retry is due). */
    public static boolean unanswered(String outcome) {
        return List.of("voicemail", "no-answer", "busy", "failed", "canceled").contains(outcome);
    }
}
