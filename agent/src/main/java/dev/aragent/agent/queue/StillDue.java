package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Invoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether an action planned about some invoices may still go out, judged against the book as it is at the moment it
 * would: never a reminder, text or call about an invoice paid, settled, closed or disputed since it was planned, nor
 * one that states a balance a payment has changed since. A stale action is dropped, not sent; the next pass plans
 * again from what is open then.
 */
public final class StillDue {
    private StillDue() {}

    /**
     * Why the action about {@code planned} (the invoices as the plan read them) is stale against {@code current} (the
     * account's invoices now); empty when it may go out.
     */
    public static Optional<String> stale(List<Invoice> planned, List<Invoice> current) {
        Map<String, Invoice> now =
                current.stream().collect(Collectors.toMap(Invoice::number, Function.identity(), (a, b) -> a));
        List<String> paid = new ArrayList<>();
        List<String> disputed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Invoice p : planned) {
            Invoice c = now.get(p.number());
            if (c == null || !c.owing()) {
                paid.add(p.number());
            } else if (c.disputed() && !p.disputed()) {
                disputed.add(p.number());
            } else if (!c.openBalance().equals(p.openBalance())) {
                changed.add(p.number());
            }
        }
        List<String> why = new ArrayList<>();
        if (!paid.isEmpty()) {
            why.add(String.join(", ", paid) + (paid.size() == 1 ? " was" : " were") + " paid or closed");
        }
        if (!disputed.isEmpty()) {
            why.add(String.join(", ", disputed) + (disputed.size() == 1 ? " was" : " were") + " disputed");
        }
        if (!changed.isEmpty()) {
            why.add("a payment changed the balance of " + String.join(", ", changed));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why) + " since it was planned");
    }
}
