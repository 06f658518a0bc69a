/**
 * Approvals: proposals the policy engine leaves to a person (the AR manager, the controller), decided in Slack, over
 * the API or on the command line, re-checked when decided, and carried back into the conversation. Start with
 * {@link dev.aragent.agent.approval.ApprovalDesk}.
 */
@NullMarked
package dev.aragent.agent.approval;

import org.jspecify.annotations.NullMarked;
