package dev.aragent.agent.spi;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link ApprovalGateway} in memory, for core tests; {@link ApprovalGatewayContract} checks it behaves as the real
 * one. Its channel is plain text (nothing in it is markup): a card is posted with Approve / Edit / Reject and updated
 * without them, a notice is its text. It can lose the workspace and have its credentials refused, and like Slack it
 * refuses to update a message it never posted.
 */
public final class InMemoryApprovalGateway implements ApprovalGateway {
    /** The staff channel every message goes to. */
    public static final String CHANNEL = "C0STAFF";

    private static final List<String> BUTTONS = List.of("Approve", "Edit", "Reject");

    /** A message in the channel as last edited. */
    public record Message(StaffFeed.Posted where, String text, List<String> buttons, int edits) {}

    private final List<Message> messages = new ArrayList<>();
    private long lastTs = 1_790_000_000_000_100L;
    private final Outage outage = new Outage();
    private boolean refused;

    @Override
    public synchronized StaffFeed.Posted post(ApprovalCard card) {
        check();
        StaffFeed.Posted where = new StaffFeed.Posted(CHANNEL, nextTs());
        messages.add(new Message(where, text(card, true), BUTTONS, 0));
        return where;
    }

    @Override
    public synchronized void update(StaffFeed.Posted where, ApprovalCard card) {
        check();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.where().equals(where)) {
                messages.set(i, new Message(where, text(card, false), List.of(), m.edits() + 1));
                return;
            }
        }
        throw new PermanentFailure("no message " + where.ts() + " in " + where.channel());
    }

    @Override
    public synchronized void notify(String text) {
        check();
        messages.add(new Message(new StaffFeed.Posted(CHANNEL, nextTs()), text, List.of(), 0));
    }

    /** Every message in the channel, oldest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The chat's outage: every call while it is down is a passing failure. */
    public Outage outage() {
        return outage;
    }

    /** Every call from now on is refused for bad credentials. */
    public synchronized void revokeCredentials() {
        refused = true;
    }

    private void check() {
        if (outage.down()) {
            throw new TransientFailure("staff workspace unreachable");
        }
        if (refused) {
            throw new PermanentFailure("staff workspace refused the credentials");
        }
    }

    private String nextTs() {
        long ts = lastTs++;
        return String.format(Locale.ROOT, "%d.%06d", ts / 1_000_000, ts % 1_000_000);
    }

    /** What the card says: the pending one asks, the decided one says who decided how, when and why. */
    private static String text(ApprovalCard card, boolean pending) {
        Approval a = card.approval();
        StringBuilder s = new StringBuilder()
                .append("Approval for ")
                .append(a.approver().replace('_', ' '))
                .append(": ")
                .append(a.customerName())
                .append(" (")
                .append(a.customer().value())
                .append(", by ")
                .append(a.channel().code())
                .append(")\nTotal open on the account ")
                .append(card.openBalance().format());
        card.stale().ifPresent(why -> s.append("\nStale: ").append(why));
        s.append("\nProposed: ").append(a.proposed().describe()).append(" — ").append(card.whose());
        s.append("\nAgainst policy: ").append(String.join("; ", a.reasons()));
        card.risk().ifPresent(r -> s.append("\nPayment risk: ").append(r));
        List<String> words =
                a.debtorWords().isEmpty() ? a.debtorText().map(List::of).orElse(List.of()) : a.debtorWords();
        if (!words.isEmpty()) {
            s.append("\nThey wrote:");
            words.forEach(w -> s.append("\n> ").append(w));
        }
        card.draftedReply().ifPresent(t -> s.append("\nReply on approval: ").append(t));
        if (pending) {
            s.append("\nDecide by ").append(card.deadline());
        } else {
            s.append('\n').append(a.status().code());
            a.decidedBy().ifPresent(by -> s.append(" by ").append(by));
            a.decidedAt().ifPresent(at -> s.append(" at ").append(at));
            a.agreed().ifPresent(t -> s.append(" — agreed ").append(t.describe()));
            a.note().ifPresent(n -> s.append(" — ").append(n));
        }
        return s.toString();
    }
}
