package dev.aragent.agent.approval;

import dev.aragent.agent.policy.Terms;
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
