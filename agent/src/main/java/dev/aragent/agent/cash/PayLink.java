package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import java.time.Instant;
import java.util.List;

/**
 * A pay-now link a message carried: the payment processor's id for it and the address the debtor opens, whose it is,
 * the invoices it pays (oldest first) and exactly how much, why it was made ({@code reminder}, {@code installment
 * 2026-12-15}), when, and whether it still takes a payment (a link is retired once what it asks is paid another way).
 */
public record PayLink(
        String id,
        String url,
        CustomerKey customer,
        List<String> invoices,
        Money amount,
        String purpose,
        Instant createdAt,
        boolean active) {
    public PayLink {
        invoices = List.copyOf(invoices);
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a pay-now link asks for a positive amount, not " + amount);
        }
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a pay-now link pays at least one invoice");
        }
    }

    /** This link, no longer taking payments. */
    public PayLink retired() {
        return new PayLink(id, url, customer, invoices, amount, purpose, createdAt, false);
    }

    /** What a link is asked for: whose, which invoices, how much and why. */
    public record Order(
            CustomerKey customer, String customerName, List<String> invoices, Money amount, String purpose) {
        public Order {
            invoices = List.copyOf(invoices);
        }

        /** The same order always gets the same key: a retried request makes one link at the processor, not two. */
        public String idempotencyKey(String tenant) {
            return "paylink-"
                    + BankFile.sha256((tenant + "|" + customer.value() + "|" + String.join(",", invoices) + "|"
                                            + amount.minor() + amount.currency().getCurrencyCode() + "|" + purpose)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .substring(0, 40);
        }
    }

    /**
     * A payment made through a link, as the processor reported it (its signature checked): the event's id (one event
     * is applied once), the link, the processor's reference for the payment (a payment intent), what was paid, and when.
     */
    public record Paid(String eventId, String linkId, String paymentReference, Money amount, Instant paidAt) {}
}
