package dev.aragent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceSessionTest {
    @Test
    void aPlanIsReadBackAsItWillBePaid() {
        Money balance = Money.of(240_000, "USD");
        Terms plan = new Terms(
                balance,
                0,
                false,
                List.of(
                        new Installment(LocalDate.of(2026, 11, 13), Money.of(120_000, "USD")),
                        new Installment(LocalDate.of(2026, 12, 14), Money.of(120_000, "USD"))));
        assertThat(VoiceSession.readBack(plan))
                .isEqualTo("$1,200.00 on Friday, November 13, then $1,200.00 on Monday, December 14");
        assertThat(VoiceSession.readBack(Terms.single(balance, LocalDate.of(2026, 11, 13))))
                .isEqualTo("$2,400.00 on Friday, November 13");
    }

    @Test
    void aDraftIsSpokenWithoutLineBreaksOrListMarks() {
        assertThat(VoiceSession.spoken("Here is the plan:\n- $1,200.00 by Friday\n- $1,200.00 by Monday"))
                .isEqualTo("Here is the plan: $1,200.00 by Friday $1,200.00 by Monday");
    }
}
