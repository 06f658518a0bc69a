package dev.aragent.agent.approval;

import dev.aragent.agent.ledger.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An approval as a person sees it: the debtor and the account's whole open balance now (its total exposure), whose
 * terms these are (the debtor's own, or the most a person may approve — then they are offered, agreed only by the
 * debtor's yes), what the debtor wrote and what the agent offered them last, the limits a person may approve within,
 * the payment risk with its top factors (a probability indicator, not a verdict), the reply the agent would send on
 * approval, until when it can be decided, and — when something changed since it was asked — why it is stale.
 */
public record ApprovalCard(
        Approval approval,
        Money openBalance,
        Optional<Double> risk,
        List<String> riskFactors,
        Optional<String> draftedReply,
        Instant deadline,
        Optional<dev.aragent.agent.policy.Terms> agentOffered,
        String limits,
        Optional<String> stale) {
    public ApprovalCard {
        riskFactors = List.copyOf(riskFactors);
    }

    /** Whose terms these are, in words. */
    public String whose() {
        return approval.debtorsOwn()
                ? "the debtor's own proposal: approved as asked, it is agreed"
                : "not the debtor's proposal (they refused our offer): the most a person may approve; approved, it is"
                        + " offered to them and agreed only when they accept";
    }
}
