package dev.aragent.agent.policy;

import java.util.List;
import java.util.Optional;

/** What the policy engine decided about a proposal, always with its reasons and the policy version. */
public sealed interface Decision {
    String policyVersion();

    List<String> reasons();

    /** The debtor's terms, as proposed, are inside what the agent may agree alone. */
    record Accept(Terms terms, String policyVersion, List<String> reasons) implements Decision {
        public Accept {
            reasons = List.copyOf(reasons);
        }
    }

    /** The proposal is outside what may be agreed; {@code terms} is the best offer the agent may make instead. */
    record Counter(Terms terms, String policyVersion, List<String> reasons) implements Decision {
        public Counter {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A person ({@code approver}) may agree to the proposal; until they do, nothing is promised. {@code fallback} is the
     * best offer the agent may make alone, for when the approval is refused (none when the agent may agree nothing
     * alone on this balance).
     */
    record NeedsApproval(
            Terms proposed, String approver, Optional<Terms> fallback, String policyVersion, List<String> reasons)
            implements Decision {
        public NeedsApproval {
            reasons = List.copyOf(reasons);
        }
    }

    /** Nothing can be offered: the proposal cannot be read as terms, or there is nothing to pay. */
    record Decline(String policyVersion, List<String> reasons) implements Decision {
        public Decline {
            reasons = List.copyOf(reasons);
        }
    }
}
