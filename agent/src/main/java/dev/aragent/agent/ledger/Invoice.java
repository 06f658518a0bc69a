package dev.aragent.agent.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One invoice as the book knows it. {@code openBalance} is what is still owed; it never exceeds {@code amount} and is
 * never negative (a credit is a {@link CreditMemo}).
 */
public record Invoice(
        CustomerKey customer,
        String number,
        Optional<String> poNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        Money amount,
        Money openBalance,
        InvoiceStatus status,
        Optional<LocalDate> settledDate,
        boolean disputed) {

    public Invoice {
        Objects.requireNonNull(customer, "customer");
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("invoice number is required");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException(
                    "invoice " + number + " is due " + dueDate + " before it was issued " + issueDate);
        }
        if (!amount.currency().equals(openBalance.currency())) {
            throw new IllegalArgumentException(
                    "invoice " + number + " mixes " + amount.currency() + " and " + openBalance.currency());
        }
        if (openBalance.isNegative()) {
            throw new IllegalArgumentException("invoice " + number + " has a negative open balance " + openBalance);
        }
        if (openBalance.compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "invoice " + number + " has open balance " + openBalance + " above its amount " + amount);
        }
    }

    /** Days past due on {@code today}: zero or negative while not yet due. */
    public long daysPastDue(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, today);
    }
}
