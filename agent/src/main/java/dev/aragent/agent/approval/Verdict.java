package dev.aragent.agent.approval;

import dev.aragent.agent.policy.Terms;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A person's decision on an approval; {@code by} names them as the audit log records it ("slack:U123 (Dana)"). */
public sealed interface Verdict {
    String by();

    /** The same decision recorded under {@code who}: the authenticated person, whatever the request named. */
    default Verdict by(String who) {
        return switch (this) {
            case Approve a -> new Approve(who);
            case Edit e -> new Edit(who, e.terms(), e.text());
            case Reject r -> new Reject(who, r.reason());
        };
    }

    /**
     * A decision on {@code a} from its fields as a form or an API body gives them ({@code decision}: approve, edit or
     * reject; {@code amounts}, {@code dates} and {@code text} for an edit, the proposal's own where missing; {@code
     * reason} for a rejection), recorded under {@code by}; throws with what to send instead.
     */
    static Verdict of(Approval a, Map<String, String> f, String by) {
        return switch (f.getOrDefault("decision", "").toLowerCase(Locale.ROOT)) {
            case "approve" -> new Approve(by);
            case "edit" ->
                new Edit(
                        by,
                        Edits.terms(
                                a.proposed(),
                                f.getOrDefault("amounts", Edits.amounts(a.proposed())),
                                f.getOrDefault("dates", Edits.dates(a.proposed()))),
                        Optional.ofNullable(f.get("text")).filter(s -> !s.isBlank()));
            case "reject" ->
                new Reject(
                        by,
                        Optional.ofNullable(f.get("reason"))
                                .filter(s -> !s.isBlank())
                                .orElseThrow(() -> new IllegalArgumentException("a rejection needs a \"reason\"")));
            default -> throw new IllegalArgumentException("\"decision\" must be approve, edit or reject");
        };
    }

    /** The terms as the debtor proposed them. */
    record Approve(String by) implements Verdict {}

    /** Other terms (amounts, dates), optionally in the person's own words; both are checked again. */
    record Edit(String by, Terms terms, Optional<String> text) implements Verdict {}

    /** No: the agent offers what it may alone, or a colleague calls. */
    record Reject(String by, String reason) implements Verdict {
        public Reject {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }
}
