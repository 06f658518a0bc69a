package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.policy.Terms;
import java.util.List;
import java.util.Optional;

/**
 * A handled message as it is written: the playbook's turn, the reply's wording and who wrote it, what the guardrails
 * found (in the draft that was sent, and in a rejected LLM draft before the template replaced it), and the citations
 * the reply rested on.
 */
public record TurnRecord(
        Turn turn,
        Optional<String> replyText,
        String drafter,
        List<String> guardrailViolations,
        List<String> rejectedDraftViolations,
        List<Passage> citations) {

    public TurnRecord {
        guardrailViolations = List.copyOf(guardrailViolations);
        rejectedDraftViolations = List.copyOf(rejectedDraftViolations);
        citations = List.copyOf(citations);
    }

    /** The same turn with nothing sent (what is decided about automatic mail, which is never answered). */
    public TurnRecord withoutReply() {
        return new TurnRecord(turn, Optional.empty(), drafter, guardrailViolations, rejectedDraftViolations, citations);
    }

    /** Whether an LLM draft was refused and the template's sent instead. */
    public boolean fellBack() {
        return !rejectedDraftViolations.isEmpty();
    }

    /** What the sent reply did; empty when nothing was sent. */
    public Optional<Strategy> strategy() {
        return replyText.isEmpty() ? Optional.empty() : turn.reply().map(DraftRequest::strategy);
    }

    /**
     * The terms the sent reply put on the table, which a plain "ok" from the debtor accepts: a counter-offer, or the
     * plan among the options offered.
     */
    public Optional<Terms> offered() {
        if (replyText.isEmpty() || turn.reply().isEmpty()) {
            return Optional.empty();
        }
        if (turn.decision().orElse(null) instanceof Decision.Counter c) {
            return Optional.of(c.terms());
        }
        DraftRequest r = turn.reply().get();
        if (r.strategy() == Strategy.OFFER_OPTIONS || r.strategy() == Strategy.ASK_DATE) {
            return r.options().stream().filter(Terms::isPlan).reduce((a, b) -> b);
        }
        return Optional.empty();
    }
}
