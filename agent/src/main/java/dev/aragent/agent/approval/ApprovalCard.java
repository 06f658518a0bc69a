package dev.aragent.agent.approval;

import dev.aragent.agent.ledger.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An approval as a person sees it: the debtor and what they owe now, the proposal against policy, the payment risk
 * with its top factors (a probability indicator, not a verdict), the reply the agent would send on approval and the
 * passages it rests on, and until when it can be decided.
 */
public record ApprovalCard(
        Approval approval,
        Money openBalance,
        Optional<Double> risk,
        List<String> riskFactors,
        Optional<String> draftedReply,
        Instant deadline) {
    public ApprovalCard {
        riskFactors = List.copyOf(riskFactors);
    }
}
