package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.policy.Terms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Copies of an {@link Approval} with a few of its fields changed, for the approval contracts and fakes. */
final class Approvals {
    private Approvals() {}

    /** A copy of {@code a} to change: {@code Approvals.with(a).customerName("…").build()}. */
    static With with(Approval a) {
        return new With(a);
    }

    static final class With {
        private final Approval a;
        private String customerName;
        private Optional<String> debtorText;
        private List<String> debtorWords;
        private Approval.Status status;
        private Optional<Instant> decidedAt;
        private Optional<String> decidedBy;
        private Optional<String> note;
        private Optional<Terms> agreed;

        private With(Approval a) {
            this.a = a;
            customerName = a.customerName();
            debtorText = a.debtorText();
            debtorWords = a.debtorWords();
            status = a.status();
            decidedAt = a.decidedAt();
            decidedBy = a.decidedBy();
            note = a.note();
            agreed = a.agreed();
        }

        With customerName(String name) {
            customerName = name;
            return this;
        }

        /** What the debtor wrote: their last message, and their words up to the request. */
        With saying(String lastMessage, List<String> words) {
            debtorText = Optional.of(lastMessage);
            debtorWords = words;
            return this;
        }

        /** As {@code r} leaves it: decided by whom, when, with what note and what terms agreed. */
        With decided(Approval.Resolution r) {
            status = r.status();
            decidedAt = Optional.of(r.at());
            decidedBy = Optional.of(r.by());
            note = r.note();
            agreed = r.agreed();
            return this;
        }

        Approval build() {
            return new Approval(
                    a.id(),
                    a.conversation(),
                    a.customer(),
                    customerName,
                    a.channel(),
                    a.proposed(),
                    a.fallback(),
                    a.approver(),
                    a.reasons(),
                    debtorText,
                    a.citations(),
                    status,
                    a.requestedAt(),
                    decidedAt,
                    decidedBy,
                    note,
                    agreed,
                    a.debtorsOwn(),
                    debtorWords);
        }
    }
}
