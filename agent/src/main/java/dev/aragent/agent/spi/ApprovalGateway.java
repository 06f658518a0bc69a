package dev.aragent.agent.spi;

import dev.aragent.agent.approval.ApprovalCard;

/**
 * Where AR staff decide approvals and read notices. Throws {@link TransientFailure} when the workspace cannot be
 * reached (the relay tries again), {@link PermanentFailure} on bad credentials. Adapter: channels
 * ({@code SlackApprovalGateway}).
 */
public interface ApprovalGateway {
    StaffFeed.Posted post(ApprovalCard card);

    void update(StaffFeed.Posted where, ApprovalCard card);

    void notify(String text);
}
