package dev.aragent.agent.spi;

import static dev.aragent.agent.spi.ApprovalBookContract.NOW;
import static dev.aragent.agent.spi.ApprovalBookContract.requested;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.drafting.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryApprovalGatewayTest implements ApprovalGatewayContract {
    private final InMemoryApprovalGateway gateway = new InMemoryApprovalGateway();

    @Override
    public ApprovalGateway gateway() {
        return gateway;
    }

    /** Its channel is plain text: nothing in it becomes a mention or a link. */
    @Override
    public List<Shown> channelShows() {
        return gateway.messages().stream()
                .map(m -> new Shown(m.where(), m.text(), m.buttons(), List.of(), m.edits()))
                .toList();
    }

    @Override
    public String staffChannel() {
        return InMemoryApprovalGateway.CHANNEL;
    }

    @Override
    public void workspaceUnreachable() {
        gateway.outage().providerGoesDown();
    }

    @Override
    public void credentialsRefused() {
        gateway.revokeCredentials();
    }

    @Test
    void updatingAMessageItNeverPostedShouldBeAPermanentFailure() {
        assertThatThrownBy(() -> gateway.update(
                        new StaffFeed.Posted(InMemoryApprovalGateway.CHANNEL, "1790000000.999999"),
                        ApprovalGatewayContract.card(requested(Channel.SMS, NOW))))
                .isInstanceOf(PermanentFailure.class);
    }
}
