package dev.aragent.agent.approval;

import java.util.Optional;

/** What deciding an approval did. */
public sealed interface Outcome {

    /** Decided now; {@code reply} is what the debtor will receive. */
    record Decided(Approval approval, Optional<String> reply) implements Outcome {}

    /** Already decided earlier (a retried click, a second person): nothing changed. */
    record Unchanged(Approval approval, String message) implements Outcome {}

    /** Not carried out, with a message for the person: unknown, expired, stale, out of policy, bad wording. */
    record Refused(Kind kind, String message) implements Outcome {}

    enum Kind {
        NOT_FOUND,
        EXPIRED,
        STALE,
        OUT_OF_POLICY,
        WORDING,
        /** Beyond the person's role: the approval needs someone with a higher approval limit. */
        NOT_ALLOWED,
        /** The decision itself was incomplete (no decision named, a rejection without its reason, unreadable terms). */
        INVALID
    }
}
