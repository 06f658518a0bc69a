package dev.aragent.console;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.Edits;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.policy.Terms;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An approval as the console shows it — what the Slack card shows: the debtor and the whole open balance, the terms
 * proposed and whose they are, why policy would not agree alone, the limits, what the agent offered and may offer,
 * the risk (a probability indicator, not a verdict), what the debtor wrote, the reply on approval and the passages it
 * rests on, until when it can be decided; while pending, the forms that approve, edit or reject it; and what became of
 * the last decision sent from this page.
 *
 * @param result what the last decision from this page did, in words (empty when none was sent)
 * @param refused whether that decision changed nothing
 */
public record ApprovalView(
        String id,
        String customer,
        String account,
        String channel,
        String openBalance,
        String proposed,
        String whose,
        List<String> againstPolicy,
        String limits,
        String agentOffered,
        String mayOfferAlone,
        String risk,
        List<String> riskFactors,
        List<String> debtorWords,
        String draftedReply,
        List<String> citations,
        String deadline,
        String stale,
        boolean pending,
        String decided,
        String amounts,
        String dates,
        String result,
        boolean refused,
        String csrf) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm z", Locale.ENGLISH);

    public static ApprovalView of(ApprovalCard card, ZoneId zone, String csrf) {
        return of(card, Optional.empty(), zone, csrf);
    }

    /** The card, with what the decision just sent from the page did. */
    public static ApprovalView of(ApprovalCard card, Optional<Outcome> outcome, ZoneId zone, String csrf) {
        Approval a = card.approval();
        List<String> words =
                a.debtorWords().isEmpty() ? a.debtorText().map(List::of).orElse(List.of()) : a.debtorWords();
        boolean pending = a.status() == Approval.Status.PENDING;
        String decided = pending
                ? ""
                : capitalized(a.status().code())
                        + a.decidedBy().map(b -> " by " + b).orElse("")
                        + a.decidedAt()
                                .map(t -> ", " + t.atZone(zone).format(WHEN))
                                .orElse("")
                        + a.agreed()
                                .map(t -> (a.debtorsOwn()
                                                ? " — agreed "
                                                : " — offered to the debtor (agreed when they accept) ")
                                        + t.describe())
                                .orElse("")
                        + a.note().map(n -> " — " + n).orElse("");
        return new ApprovalView(
                a.id().toString(),
                a.customerName(),
                a.customer().value(),
                a.channel().code(),
                card.openBalance().format(),
                a.proposed().describe(),
                card.whose(),
                a.reasons(),
                card.limits(),
                card.agentOffered().map(Terms::describe).orElse(""),
                a.fallback().map(Terms::describe).orElse(""),
                card.risk().map(Risk::percent).orElse(""),
                card.riskFactors(),
                words,
                card.draftedReply().orElse(""),
                Citations.words(a.citations()),
                card.deadline().atZone(zone).format(WHEN),
                card.stale().orElse(""),
                pending,
                decided,
                Edits.amounts(a.proposed()),
                Edits.dates(a.proposed()),
                outcome.map(ApprovalView::result).orElse(""),
                outcome.map(o -> !(o instanceof Outcome.Decided)).orElse(false),
                csrf);
    }

    /** What a decision did, as the person who sent it reads it. */
    static String result(Outcome o) {
        return switch (o) {
            case Outcome.Decided d ->
                "Decided: " + d.approval().status().code()
                        + d.reply()
                                .map(r -> ". The reply to the debtor is on its way.")
                                .orElse(".");
            case Outcome.Unchanged u -> u.message();
            case Outcome.Refused r -> r.message();
        };
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** How risk is to be read, shown beside it. */
    public String riskNote() {
        return dev.aragent.agent.risk.Assessment.FRAMING;
    }
}
