package dev.aragent.agent.app;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a chat's approval buttons land (an inbound interface: declared here, called by the Slack adapter, implemented
 * by {@link Office}): a decision taken as the person a chat user is mapped to, with their role and limits.
 */
public interface ApprovalDecisions {
    /**
     * Decides as the person the Slack user {@code slackUser} is mapped to, or refuses when they are nobody the tenant
     * knows.
     */
    Outcome decide(UUID approval, String slackUser, Verdict verdict);

    Optional<Approval> find(UUID approval);
}
