package dev.aragent.agent.risk;

import dev.aragent.agent.drafting.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the agent's conversations know about one account: the messages sent and received, promises and how they ended,
 * disputes, and the latest disposition. Risk features and the queue's contact rules read it; every fact carries its
 * time, so a feature for an earlier day sees only what had happened by then.
 */
public record AccountActivity(
        List<Touch> touches,
        List<PromiseFact> promises,
        List<Instant> disputesOpened,
        int openDisputes,
        Optional<Outcome> lastOutcome,
        boolean cadencePaused,
        Optional<LocalDate> retryOn) {

    public AccountActivity {
        touches = List.copyOf(touches);
        promises = List.copyOf(promises);
        disputesOpened = List.copyOf(disputesOpened);
    }

    /**
     * The stages (by code) of a conversation that hold the reminder cadence of what it covers: the debtor is talking,
     * promised, agreed a plan, or a person has it. A dispute holds only the invoices it names (the ledger's paused
     * invoices). The contact logs set {@link #cadencePaused()} by it; the queue reads it from the last outcome.
     */
    private static final java.util.Set<String> HOLDING =
            java.util.Set.of("engaged", "promised", "plan_agreed", "escalated");

    /** Whether a conversation in the stage {@code code} holds the cadence of what it covers. */
    public static boolean holdsCadence(String code) {
        return HOLDING.contains(code);
    }

    /** The latest day an open promise names when it is not yet past on {@code today}: the debtor's word to wait for. */
    public Optional<LocalDate> promisedUntil(LocalDate today) {
        return promises.stream()
                .filter(p -> "open".equals(p.status()) && !p.dueOn().isBefore(today))
                .map(PromiseFact::dueOn)
                .max(java.util.Comparator.naturalOrder());
    }

    /** Nothing known: an account the agent has not talked to. */
    public static AccountActivity none() {
        return new AccountActivity(List.of(), List.of(), List.of(), 0, Optional.empty(), false, Optional.empty());
    }

    /** One message in or out, or a call. */
    public record Touch(Channel channel, boolean inbound, Instant at) {}

    /** A promise to pay by {@code dueOn}: open, kept or broken (resolved at {@code resolvedAt}). */
    public record PromiseFact(LocalDate dueOn, String status, Instant madeAt, Optional<Instant> resolvedAt) {
        public boolean brokenBy(Instant t) {
            return "broken".equals(status) && resolvedAt.map(r -> !r.isAfter(t)).orElse(false);
        }

        public boolean keptBy(Instant t) {
            return "kept".equals(status) && resolvedAt.map(r -> !r.isAfter(t)).orElse(false);
        }
    }

    /** How the last conversation turn ended (the disposition's payment status and the conversation's stage). */
    public record Outcome(String paymentStatus, String stage, Instant at) {}

    /** Our messages since the debtor last wrote, up to {@code t}. */
    public int unansweredBy(Instant t) {
        int n = 0;
        for (Touch touch : touches) {
            if (touch.at().isAfter(t)) {
                continue;
            }
            n = touch.inbound() ? 0 : n + 1;
        }
        return n;
    }

    /**
     * Our messages since the debtor last wrote or paid, up to {@code t}: a payment received on {@code paidOn} answers
     * what we sent up to that day's end (a debtor who pays on a reminder without a word has not ignored it).
     */
    public int unansweredBy(Instant t, Optional<LocalDate> paidOn) {
        Instant answered = paidOn.map(d ->
                        d.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .orElse(Instant.MIN);
        int n = 0;
        for (Touch touch : touches) {
            if (touch.at().isAfter(t)) {
                continue;
            }
            n = touch.inbound() ? 0 : touch.at().isBefore(answered) ? 0 : n + 1;
        }
        return n;
    }

    /** Messages we sent on {@code channel} in {@code [from, to)}. */
    public long sent(Channel channel, Instant from, Instant to) {
        return touches.stream()
                .filter(t -> !t.inbound() && t.channel() == channel && !t.at().isBefore(from) && t.at().isBefore(to))
                .count();
    }
}
