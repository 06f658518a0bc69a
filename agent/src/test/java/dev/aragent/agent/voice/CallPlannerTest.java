package dev.aragent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.queue.QueueRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallPlannerTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final QueueRules RULES = QueueRules.defaults();
    static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T15:00:00Z"); // 10:00 in New York

    @Test
    void aCallInsideTheWindowUnderTheCapIsPlaced() {
        assertThat(CallPlanner.decide(TUESDAY_10AM, NEW_YORK, RULES, 0, Optional.empty(), List.of()))
                .isInstanceOf(CallPlanner.Decision.Place.class);
    }

    @Test
    void outsideTheDebtorsHoursItWaitsForTheirMorning() {
        Instant late = Instant.parse("2026-11-25T03:00:00Z"); // 22:00 in New York
        var d = CallPlanner.decide(late, NEW_YORK, RULES, 0, Optional.empty(), List.of());
        assertThat(d)
                .isEqualTo(new CallPlanner.Decision.Wait(
                        Instant.parse("2026-11-25T13:00:00Z"), "outside the debtor's calling hours"));
        Instant saturday = Instant.parse("2026-11-28T15:00:00Z");
        assertThat(((CallPlanner.Decision.Wait)
                                CallPlanner.decide(saturday, NEW_YORK, RULES, 0, Optional.empty(), List.of()))
                        .until())
                .isEqualTo(Instant.parse("2026-11-30T13:00:00Z")); // Monday 08:00
    }

    @Test
    void afterAVoicemailTheRetriesWaitOneTwoThenFourDaysAndThenAPersonTakesOver() {
        var first = CallPlanner.decide(
                TUESDAY_10AM, NEW_YORK, RULES, 1, Optional.of(TUESDAY_10AM.minusSeconds(60)), List.of());
        assertThat(first)
                .isEqualTo(new CallPlanner.Decision.Wait(
                        TUESDAY_10AM.minusSeconds(60).plus(Duration.ofDays(1)), "retry 1 after an unanswered call"));
        var third = CallPlanner.decide(
                TUESDAY_10AM, NEW_YORK, RULES, 3, Optional.of(TUESDAY_10AM.minus(Duration.ofDays(4))), List.of());
        assertThat(third).isInstanceOf(CallPlanner.Decision.Place.class);
        assertThat(CallPlanner.decide(TUESDAY_10AM, NEW_YORK, RULES, 4, Optional.empty(), List.of()))
                .isInstanceOf(CallPlanner.Decision.GiveUp.class);
        assertThat(CallPlanner.unanswered("voicemail")).isTrue();
        assertThat(CallPlanner.unanswered("promise_confirmed")).isFalse();
    }

    @Test
    void aSecondCallTheSameDayWaitsForTheNextMorning() {
        var d = CallPlanner.decide(
                TUESDAY_10AM, NEW_YORK, RULES, 0, Optional.empty(), List.of(TUESDAY_10AM.minusSeconds(3_600)));
        assertThat(d)
                .isEqualTo(new CallPlanner.Decision.Wait( // Wednesday 08:00 in New York
                        Instant.parse("2026-11-25T13:00:00Z"), "called today already, then the calling hours"));
        // yesterday's call does not hold today's
        assertThat(CallPlanner.decide(
                        TUESDAY_10AM,
                        NEW_YORK,
                        RULES,
                        0,
                        Optional.empty(),
                        List.of(TUESDAY_10AM.minus(Duration.ofDays(1)))))
                .isInstanceOf(CallPlanner.Decision.Place.class);
    }

    @Test
    void theCallCapHoldsTheCallUntilTheOldestFallsOutOfTheWindow() {
        List<Instant> seven = Collections.nCopies(7, TUESDAY_10AM.minus(Duration.ofDays(2)));
        var d = CallPlanner.decide(TUESDAY_10AM, NEW_YORK, RULES, 0, Optional.empty(), seven);
        assertThat(d)
                .isEqualTo(new CallPlanner.Decision.Wait( // frees on Sunday: Monday 08:00 in New York
                        Instant.parse("2026-11-30T13:00:00Z"),
                        "call cap reached (7 in 7 days), then the calling hours"));
        assertThat(CallPlanner.decide(TUESDAY_10AM, NEW_YORK, RULES, 0, Optional.empty(), seven.subList(0, 6)))
                .isInstanceOf(CallPlanner.Decision.Place.class);
    }
}
