package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.spi.HashingEmbedder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ProposalsTest {
    private static final RuleIntentReader READER = RuleIntentReader.create(new HashingEmbedder());
    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    private static java.util.List<LocalDate> dates(String text) {
        var reading = READER.read(
                new IncomingText(text, Instant.parse("2026-11-02T15:00:00Z"), ZoneId.of("America/New_York")));
        return Proposals.read(reading, text, Money.of(1_000_000, "USD"), TODAY, Policy.standard())
                .orElseThrow()
                .installments()
                .stream()
                .map(Installment::due)
                .toList();
    }

    @Test
    void theGapTheDebtorNamesIsKeptAndTheDatesWeWorkOutFallOnBusinessDays() {
        // "two weeks later" is two weeks after Friday, not a month
        assertThat(dates("Could we do half this Friday and the other half two weeks later?"))
                .containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 20));
        // a month after Friday 6 November is Sunday 6 December: the Monday after
        assertThat(dates("We can pay half on Friday and the rest later."))
                .containsExactly(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 12, 7));
    }
}
