package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.policy.Decision;
import java.util.List;
import java.util.Optional;

/**
 * What the playbook made of one message: the conversation's next stage, the policy decision if there was a proposal,
 * the reply to draft (none for automatic mail and opt-outs), the effects to write, the disposition, and the reading it
 * all rests on (for the audit).
 */
public record Turn(
        Stage stage,
        Understanding reading,
        Optional<Decision> decision,
        Optional<DraftRequest> reply,
        List<Effect> effects,
        Disposition disposition,
        String policyVersion) {

    public Turn {
        effects = List.copyOf(effects);
    }
}
