package dev.aragent.agent.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountActivityTest {
    private static final Instant MONDAY = Instant.parse("2026-11-02T15:00:00Z");

    private static AccountActivity.Touch out(int day) {
        return new AccountActivity.Touch(Channel.EMAIL, false, MONDAY.plusSeconds(86_400L * day));
    }

    @Test
    void aPaymentAnswersWhatWasSentUpToItsDay() {
        AccountActivity a = new AccountActivity(
                List.of(out(0), out(2), out(4), out(7)),
                List.of(),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());
        Instant later = MONDAY.plusSeconds(86_400L * 8);

        assertThat(a.unansweredBy(later, Optional.empty())).isEqualTo(4);
        // paid on Friday (day 4): the messages up to that day's end were answered; Monday's after it was not
        assertThat(a.unansweredBy(later, Optional.of(LocalDate.of(2026, 11, 6))))
                .isEqualTo(1);
        // a debtor's own message answers as before
        AccountActivity wrote = new AccountActivity(
                List.of(out(0), new AccountActivity.Touch(Channel.EMAIL, true, MONDAY.plusSeconds(3_600)), out(2)),
                List.of(),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());
        assertThat(wrote.unansweredBy(later, Optional.empty())).isEqualTo(1);
    }

    @Test
    void theDayToWaitForIsTheLatestOpenPromiseNotYetPast() {
        LocalDate today = LocalDate.of(2026, 11, 10);
        AccountActivity a = new AccountActivity(
                List.of(),
                List.of(
                        new AccountActivity.PromiseFact(today.plusDays(3), "open", MONDAY, Optional.empty()),
                        new AccountActivity.PromiseFact(today.plusDays(17), "open", MONDAY, Optional.empty()),
                        new AccountActivity.PromiseFact(today.plusDays(30), "broken", MONDAY, Optional.of(MONDAY)),
                        new AccountActivity.PromiseFact(today.minusDays(2), "open", MONDAY, Optional.empty())),
                List.of(),
                0,
                Optional.empty(),
                false,
                Optional.empty());

        assertThat(a.promisedUntil(today)).contains(today.plusDays(17));
        assertThat(a.promisedUntil(today.plusDays(18))).isEmpty();
        assertThat(AccountActivity.none().promisedUntil(today)).isEmpty();
    }
}
