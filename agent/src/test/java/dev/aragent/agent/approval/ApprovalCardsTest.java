package dev.aragent.agent.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.spi.ApprovalBookContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When deciding an approval now would answer an old question, the card says so. */
class ApprovalCardsTest {
    static final Instant ASKED_AT = Instant.parse("2026-11-19T15:00:00Z");
    static final Approval PENDING = ApprovalBookContract.requested(Channel.EMAIL, ASKED_AT);

    static ConversationState state(Optional<Strategy> strategy, Optional<Instant> lastOut) {
        return new ConversationState(
                PENDING.conversation(),
                PENDING.customer(),
                Channel.EMAIL,
                Stage.ENGAGED,
                List.of("INV-1041"),
                List.of(),
                0,
                strategy,
                strategy.map(s -> ApprovalBookContract.FALLBACK),
                lastOut,
                Optional.empty());
    }

    @Test
    void anApprovalAskedOnTheSameBalanceWithNoLaterOfferIsCurrent() {
        assertThat(ApprovalCards.stale(
                        PENDING,
                        state(Optional.empty(), Optional.empty()),
                        PENDING.proposed().balance()))
                .isEmpty();
    }

    @Test
    void aBalanceThatMovedSinceItWasAskedMakesItStale() {
        assertThat(ApprovalCards.stale(PENDING, state(Optional.empty(), Optional.empty()), Money.of(200_000, "USD")))
                .contains("the open balance is now $2,000.00, not $3,000.00 as when this was asked");
    }

    @Test
    void otherTermsOfferedAfterItWasAskedMakeItStaleButAnEarlierOfferDoesNot() {
        Money same = PENDING.proposed().balance();

        assertThat(ApprovalCards.stale(
                        PENDING,
                        state(Optional.of(Strategy.COUNTER_OFFER), Optional.of(ASKED_AT.plusSeconds(600))),
                        same))
                .hasValueSatisfying(
                        s -> assertThat(s).startsWith("the agent has offered ").endsWith(" since this was asked"));
        assertThat(ApprovalCards.stale(
                        PENDING,
                        state(Optional.of(Strategy.COUNTER_OFFER), Optional.of(ASKED_AT.minusSeconds(600))),
                        same))
                .isEmpty();
    }

    @Test
    void aDecidedApprovalIsNeverStale() {
        Approval decided = ApprovalBookContract.decided(
                PENDING, ApprovalBookContract.approved(PENDING, "dana", ASKED_AT.plusSeconds(60)));

        assertThat(ApprovalCards.stale(decided, state(Optional.empty(), Optional.empty()), Money.of(1, "USD")))
                .isEmpty();
    }
}
