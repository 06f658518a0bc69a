package dev.aragent.agent.approval;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.policy.Terms;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposal waiting for (or decided by) a person: the terms the debtor asked for, why policy would not let the agent
 * agree alone ({@code reasons}), what the agent may offer instead ({@code fallback}), the debtor's words and the
 * passages the agent cited, and — once decided — who decided, when, and why. {@code debtorsOwn}: the debtor proposed
 * {@code proposed} themself (else it is the most a person may approve, to be offered to them). {@code debtorWords}: what
 * the debtor wrote in the conversation up to the request, oldest first, each with its day and channel.
 */
public record Approval(
        UUID id,
        ConversationId conversation,
        CustomerKey customer,
        String customerName,
        Channel channel,
        Terms proposed,
        Optional<Terms> fallback,
        String approver,
        List<String> reasons,
        Optional<String> debtorText,
        List<String> citations,
        Status status,
        Instant requestedAt,
        Optional<Instant> decidedAt,
        Optional<String> decidedBy,
        Optional<String> note,
        Optional<Terms> agreed,
        boolean debtorsOwn,
        List<String> debtorWords) {

    public Approval {
        Objects.requireNonNull(id, "id");
        reasons = List.copyOf(reasons);
        debtorWords = List.copyOf(debtorWords);
        citations = List.copyOf(citations);
    }

    public enum Status {
        PENDING,
        APPROVED,
        EDITED,
        REJECTED,
        EXPIRED,
        /** The account changed (a payment arrived) before anyone decided; nothing was agreed. */
        WITHDRAWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The decision written with the turn it causes. */
    public record Resolution(
            UUID approval, Status status, String by, Instant at, Optional<String> note, Optional<Terms> agreed) {
        public Resolution {
            if (status == Status.PENDING) {
                throw new IllegalArgumentException("a resolution decides: " + status);
            }
        }
    }

    /** When it lapses unanswered. */
    public Instant deadline(java.time.Duration expireAfter) {
        return requestedAt.plus(expireAfter);
    }
}
