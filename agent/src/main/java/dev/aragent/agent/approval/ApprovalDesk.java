package dev.aragent.agent.approval;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.Ruling;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ApprovalBook;
import dev.aragent.agent.spi.MailJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides approvals, wherever the person works (Slack, the API, the command line): a decision is checked again against
 * today's account and policy — a payment that arrived meanwhile makes it stale, terms beyond what anyone may approve
 * are refused, a person's own wording passes the guardrails — and then carried back into the conversation in one
 * transaction with the reply it causes. Deciding twice changes nothing. Approvals nobody answers lapse after
 * {@code expireAfter} and the conversation moves on without them.
 */
public final class ApprovalDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDesk.class);

    /** Turns the reply of a turn into the message its conversation's channel sends (email in thread, SMS). */
    @FunctionalInterface
    public interface Replies {
        List<Outgoing> to(TenantId tenant, ConversationId conversation, Channel channel, TurnRecord turn);
    }

    private final ApprovalBook book;
    private final MailJournal conversations;
    private final TurnTaker turnTaker;
    private final Replies replies;
    private final Clock clock;
    private final Duration expireAfter;

    private ApprovalDesk(
            ApprovalBook book,
            MailJournal conversations,
            TurnTaker turnTaker,
            Replies replies,
            Clock clock,
            Duration expireAfter) {
        this.book = book;
        this.conversations = conversations;
        this.turnTaker = turnTaker;
        this.replies = replies;
        this.clock = clock;
        this.expireAfter = expireAfter;
    }

    public static ApprovalDesk create(
            ApprovalBook book,
            MailJournal conversations,
            TurnTaker turnTaker,
            Replies replies,
            Clock clock,
            Duration expireAfter) {
        if (expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("approvals must stay open for some time: " + expireAfter);
        }
        return new ApprovalDesk(book, conversations, turnTaker, replies, clock, expireAfter);
    }

    /** The most recent approvals of any status, newest first. */
    public List<Approval> recent(TenantId tenant, int max) {
        return book.recent(tenant, max);
    }

    public List<Approval> pending(TenantId tenant) {
        return book.pending(tenant);
    }

    public Optional<Approval> find(TenantId tenant, UUID id) {
        return book.find(tenant, id);
    }

    public Duration expireAfter() {
        return expireAfter;
    }

    /**
     * Carries out one person's decision, or says why it cannot be: only in their own tenant, within their role's
     * approval limit, and recorded under who their credential says they are whatever {@code verdict} names. Safe to
     * call again with the same decision.
     */
    public Outcome decide(Principal who, UUID id, Verdict given) {
        TenantId tenant = who.tenant();
        Optional<Approval> found = book.find(tenant, id);
        if (found.isEmpty()) {
            return new Outcome.Refused(Outcome.Kind.NOT_FOUND, "There is no approval " + id + ".");
        }
        Approval a = found.get();
        if (!who.may(Permission.APPROVE) || !who.role().mayApprove(a.approver())) {
            LOG.atInfo()
                    .addKeyValue("approval", a.id())
                    .addKeyValue("person", who.person())
                    .addKeyValue("role", who.role().code())
                    .log("approval decision not allowed");
            return new Outcome.Refused(
                    Outcome.Kind.NOT_ALLOWED,
                    "This approval needs the " + title(a.approver()) + "; " + who.name() + " is "
                            + (who.may(Permission.APPROVE) ? "the " : "a ")
                            + who.role().title()
                            + (who.role().allows(Permission.APPROVE) && !who.may(Permission.APPROVE)
                                    ? " using a credential without the approve scope"
                                    : "")
                            + ".");
        }
        Verdict verdict = given.by(who.actor());
        if (a.status() != Approval.Status.PENDING) {
            return unchanged(a);
        }
        Instant now = clock.instant();
        if (!now.isBefore(a.deadline(expireAfter))) {
            expire(tenant, a, now);
            return new Outcome.Refused(
                    Outcome.Kind.EXPIRED,
                    "This approval expired at " + a.deadline(expireAfter) + " and the conversation moved on.");
        }
        ConversationState state = conversations.state(tenant, a.conversation());
        return switch (verdict) {
            case Verdict.Approve v ->
                carry(tenant, a, state, v, Approval.Status.APPROVED, a.proposed(), Optional.empty());
            case Verdict.Edit e -> carry(tenant, a, state, e, Approval.Status.EDITED, e.terms(), e.text());
            case Verdict.Reject r -> {
                TurnRecord turn = turnTaker.refused(
                        tenant, state, a.fallback(), "approval refused by " + r.by() + ": " + r.reason(), now);
                yield write(
                        tenant,
                        a,
                        new Approval.Resolution(
                                a.id(),
                                Approval.Status.REJECTED,
                                r.by(),
                                now,
                                Optional.of(r.reason()),
                                Optional.empty()),
                        turn);
            }
        };
    }

    private Outcome carry(
            TenantId tenant,
            Approval a,
            ConversationState state,
            Verdict v,
            Approval.Status status,
            dev.aragent.agent.policy.Terms terms,
            Optional<String> words) {
        Instant now = clock.instant();
        // agreed only when both said yes: the debtor proposed exactly these terms and the person approved them as asked
        boolean debtorAsked = a.debtorsOwn() && terms.equals(a.proposed());
        return switch (turnTaker.approved(tenant, state, terms, v.by(), debtorAsked, words, now)) {
            case Ruling.Carried c ->
                write(
                        tenant,
                        a,
                        new Approval.Resolution(a.id(), status, v.by(), now, Optional.empty(), Optional.of(terms)),
                        c.record());
            case Ruling.Refused r -> {
                if (r.reason() == Ruling.Reason.STALE) {
                    book.resolve(
                            tenant,
                            new Approval.Resolution(
                                    a.id(),
                                    Approval.Status.WITHDRAWN,
                                    v.by(),
                                    now,
                                    Optional.of(r.message()),
                                    Optional.empty()),
                            Optional.empty(),
                            List.of());
                }
                LOG.atInfo()
                        .addKeyValue("approval", a.id())
                        .addKeyValue("reason", r.reason().code())
                        .log("approval decision refused");
                yield new Outcome.Refused(kind(r.reason()), r.message());
            }
        };
    }

    private Outcome write(TenantId tenant, Approval a, Approval.Resolution resolution, TurnRecord turn) {
        List<Outgoing> messages = messages(tenant, a, turn);
        if (!book.resolve(tenant, resolution, Optional.of(turn), messages)) {
            return unchanged(book.find(tenant, a.id()).orElse(a));
        }
        LOG.atInfo()
                .addKeyValue("approval", a.id())
                .addKeyValue("status", resolution.status().code())
                .log("approval decided");
        return new Outcome.Decided(book.find(tenant, a.id()).orElse(a), turn.replyText());
    }

    private static String title(String approverRole) {
        try {
            return Role.fromCode(approverRole).title();
        } catch (IllegalArgumentException e) {
            return approverRole;
        }
    }

    /** Lapses every pending approval past its time: the conversation continues with the agent's own offer or a call. */
    public List<Approval> expireDue(TenantId tenant) {
        Instant now = clock.instant();
        List<Approval> out = new ArrayList<>();
        for (Approval a : book.pending(tenant)) {
            if (!now.isBefore(a.deadline(expireAfter)) && expire(tenant, a, now)) {
                out.add(a);
            }
        }
        return out;
    }

    private boolean expire(TenantId tenant, Approval a, Instant now) {
        ConversationState state = conversations.state(tenant, a.conversation());
        String why = "approval by " + a.approver() + " not given within " + hours(expireAfter) + "; escalated";
        TurnRecord turn = turnTaker.refused(tenant, state, a.fallback(), why, now);
        List<Outgoing> messages = messages(tenant, a, turn);
        return book.resolve(
                tenant,
                new Approval.Resolution(
                        a.id(), Approval.Status.EXPIRED, "system:expiry", now, Optional.of(why), Optional.empty()),
                Optional.of(turn),
                messages);
    }

    private List<Outgoing> messages(TenantId tenant, Approval a, TurnRecord turn) {
        return turn.replyText().isPresent() ? replies.to(tenant, a.conversation(), a.channel(), turn) : List.of();
    }

    private static String hours(Duration d) {
        return d.toHours() + " hours";
    }

    private static Outcome unchanged(Approval a) {
        String when = a.decidedAt().map(Instant::toString).orElse("earlier");
        return new Outcome.Unchanged(
                a, "Already " + a.status().code() + " by " + a.decidedBy().orElse("someone") + " at " + when + ".");
    }

    private static Outcome.Kind kind(Ruling.Reason r) {
        return switch (r) {
            case STALE -> Outcome.Kind.STALE;
            case OUT_OF_POLICY -> Outcome.Kind.OUT_OF_POLICY;
            case WORDING -> Outcome.Kind.WORDING;
        };
    }
}
