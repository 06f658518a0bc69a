package dev.aragent.agent.approval;

import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.ledger.CustomerKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What AR staff are told as a turn happens, in words: a dispute opened, a second broken promise (a call is needed).
 * The journal stores each once per kind and key; the relay shows them in Slack. Decided and worded here, never in
 * the store.
 */
public final class StaffNotices {
    /** One notice: its kind (a {@code notices.kind}), the key it is kept once by, and its text. */
    public record Notice(String kind, String key, String text) {}

    /** How a conversation's call task for a second broken promise begins (the playbook writes it so). */
    public static final String SECOND_BROKEN_PROMISE = "second broken promise";

    private StaffNotices() {}

    /** The notices {@code turn} raises for {@code customer} on {@code today}. */
    public static List<Notice> of(CustomerKey customer, TurnRecord turn, LocalDate today) {
        List<Notice> out = new ArrayList<>();
        for (Effect e : turn.turn().effects()) {
            switch (e) {
                case Effect.OpenDispute d ->
                    out.add(new Notice(
                            "dispute_opened",
                            customer.value() + ":" + d.invoiceNumber(),
                            "Dispute opened by " + customer.value() + " on " + d.invoiceNumber() + " ("
                                    + d.amount().format() + "): " + d.reason()));
                case Effect.Task task
                when task.kind() == Effect.TaskKind.CALL_DEBTOR && task.detail().startsWith(SECOND_BROKEN_PROMISE) ->
                    out.add(new Notice(
                            "promise_broken_twice",
                            customer.value() + ":" + today,
                            "Second broken promise by " + customer.value() + ": " + task.detail()
                                    + ". A call is needed."));
                default -> {}
            }
        }
        return out;
    }

    /** The notice an approval that lapsed (expired unanswered, or withdrawn as stale) raises; none for a decision. */
    public static Optional<Notice> lapsed(CustomerKey customer, Approval.Resolution res) {
        if (res.status() != Approval.Status.EXPIRED && res.status() != Approval.Status.WITHDRAWN) {
            return Optional.empty();
        }
        return Optional.of(new Notice(
                "approval_" + (res.status() == Approval.Status.EXPIRED ? "expired" : "stale"),
                res.approval().toString(),
                "Approval for " + customer.value() + " " + res.status().code() + ": "
                        + res.note().orElse("")));
    }
}
