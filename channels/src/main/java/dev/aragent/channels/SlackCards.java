package dev.aragent.channels;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Block Kit of an approval card: pending (with buttons) or decided (who, when, what). */
final class SlackCards {
    private SlackCards() {}

    /** The notification text (shown where blocks are not). */
    /** The notification's text: escaped like the card, and saying whether it still waits for someone. */
    static String summary(ApprovalCard card) {
        Approval a = card.approval();
        if (a.status() == Approval.Status.PENDING) {
            return "Approval needed: " + escape(a.customerName()) + " proposes "
                    + a.proposed().describe();
        }
        String status = a.status().code();
        return Character.toUpperCase(status.charAt(0)) + status.substring(1) + ": " + escape(a.customerName())
                + " proposed " + a.proposed().describe();
    }

    static List<LayoutBlock> card(ApprovalCard card, boolean pending) {
        Approval a = card.approval();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(
                s -> s.text(markdownText("*Approval for " + a.approver().replace('_', ' ') + ":* "
                        + escape(a.customerName()) + " (" + a.customer().value() + ", by "
                        + a.channel().code() + ")\n"
                        + "Total open on the account *" + card.openBalance().format() + "*"))));
        card.stale()
                .ifPresent(why -> blocks.add(section(s -> s.text(markdownText(":warning: *Stale:* " + escape(why))))));
        blocks.add(section(s ->
                s.text(markdownText("*Proposed:* " + a.proposed().describe() + " — _" + escape(card.whose()) + "_"
                        + "\n*Against policy:* " + escape(String.join("; ", a.reasons()))
                        + (card.limits().isBlank() ? "" : "\n*Limits:* " + escape(card.limits()))
                        + card.agentOffered()
                                .map(o -> "\n*Agent offered them:* " + o.describe())
                                .orElse("")
                        + a.fallback()
                                .map(f -> "\n*Agent may offer alone:* " + f.describe())
                                .orElse("")))));
        card.risk()
                .ifPresent(r -> blocks.add(section(s -> s.text(markdownText(String.format(
                        Locale.ROOT,
                        "*Payment risk:* %.2f — %s _(a probability indicator, not a verdict)_",
                        r,
                        escape(String.join(", ", card.riskFactors()))))))));
        List<String> words =
                a.debtorWords().isEmpty() ? a.debtorText().map(List::of).orElse(List.of()) : a.debtorWords();
        if (!words.isEmpty()) {
            StringBuilder said = new StringBuilder("*They wrote:*");
            for (String w : words) {
                said.append("\n>").append(escape(clip(w, 300)));
            }
            blocks.add(section(s -> s.text(markdownText(clip(said.toString(), 2900)))));
        }
        card.draftedReply()
                .ifPresent(t -> blocks.add(section(s -> s.text(
                        markdownText("*Reply on approval:*\n```" + clip(t, 1500).replace("```", "'''") + "```")))));
        if (!a.citations().isEmpty()) {
            blocks.add(context(c ->
                    c.elements(List.of(markdownText("Cited: " + escape(String.join(" · ", a.citations())))))));
        }
        blocks.add(divider());
        if (pending) {
            String id = a.id().toString();
            blocks.add(actions(x -> x.blockId("ar_decide")
                    .elements(List.of(
                            button(b -> b.actionId(SlackApprovalGateway.APPROVE)
                                    .style("primary")
                                    .value(id)
                                    .text(plainText("Approve"))),
                            button(b -> b.actionId(SlackApprovalGateway.EDIT)
                                    .value(id)
                                    .text(plainText("Edit"))),
                            button(b -> b.actionId(SlackApprovalGateway.REJECT)
                                    .style("danger")
                                    .value(id)
                                    .text(plainText("Reject")))))));
            blocks.add(context(c -> c.elements(List.of(markdownText("Decide by " + card.deadline()
                    + "; after that the agent offers what it may alone and a colleague calls.")))));
        } else {
            String what = a.status().code()
                    + a.decidedBy().map(b -> " by " + escape(b)).orElse("")
                    + a.decidedAt().map(t -> " at " + t).orElse("")
                    + a.agreed().map(t -> " — agreed " + t.describe()).orElse("")
                    + a.note().map(n -> " — " + escape(n)).orElse("");
            blocks.add(section(s -> s.text(markdownText("*" + capitalize(what) + "*"))));
        }
        return blocks;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String clip(String s, int max) {
        String t = s.strip();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
