package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.spi.ApprovalBookContract;
import dev.aragent.agent.spi.ApprovalGatewayContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The line a Slack notification shows for an approval card, read as the AR team reads it on a phone. */
class SlackCardsTest {
    static final Instant AT = Instant.parse("2026-11-19T15:00:00Z");

    @Test
    void aPendingApprovalAsksAndADecidedOneSaysHowItWasDecided() {
        Approval pending = ApprovalBookContract.requested(Channel.EMAIL, AT);
        Approval rejected = ApprovalBookContract.decided(
                pending, ApprovalBookContract.rejected(pending, "dana", AT.plusSeconds(60), "too long"));

        assertThat(SlackCards.summary(ApprovalGatewayContract.card(pending)))
                .startsWith("Approval needed: Blue Fern Bistro proposes ");
        assertThat(SlackCards.summary(ApprovalGatewayContract.card(rejected)))
                .startsWith("Rejected: Blue Fern Bistro proposed ");
    }
}
