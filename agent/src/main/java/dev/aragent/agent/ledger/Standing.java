package dev.aragent.agent.ledger;

import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one account owes at one moment: its open invoices whose collection is not paused (no dispute), oldest due first,
 * and their total. The one source of every total a message to a debtor states, of what "the whole balance" means,
 * and of the message audit's {@code open_total}.
 */
public record Standing(List<Invoice> invoices, Money total) {
    public Standing {
        invoices = List.copyOf(invoices);
        Objects.requireNonNull(total, "total");
    }

    /**
     * The standing of an account from its invoices ({@code paused}: invoice numbers under dispute). Invoices in
     * another currency than the oldest open one are listed but not added (a total is one currency).
     */
    public static Standing of(List<Invoice> invoices, Set<String> paused, Currency fallback) {
        List<Invoice> open = invoices.stream()
                .filter(i -> i.status() == InvoiceStatus.OPEN && !i.disputed() && !paused.contains(i.number()))
                .filter(i -> i.openBalance().minor() > 0)
                .sorted(java.util.Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                .toList();
        Currency currency =
                open.isEmpty() ? fallback : open.getFirst().openBalance().currency();
        Money total = Money.zero(currency);
        for (Invoice i : open) {
            if (i.openBalance().currency().equals(currency)) {
                total = total.plus(i.openBalance());
            }
        }
        return new Standing(open, total);
    }

    public boolean settled() {
        return invoices.isEmpty();
    }
}
