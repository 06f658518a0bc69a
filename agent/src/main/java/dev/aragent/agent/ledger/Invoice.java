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

    /** Whether something is still to be paid on it: open, with a balance left. */
    public boolean owing() {
        return status == InvoiceStatus.OPEN && !openBalance.isZero();
    }

    /** This invoice with another open balance, status and settlement day. */
    /** This invoice, disputed (or not). */
    public Invoice withDisputed(boolean disputed) {
        return new Invoice(
                customer, number, poNumber, issueDate, dueDate, amount, openBalance, status, settledDate, disputed);
    }

    public Invoice with(Money open, InvoiceStatus status, Optional<LocalDate> settled) {
        return new Invoice(customer, number, poNumber, issueDate, dueDate, amount, open, status, settled, disputed);
    }

    /** A paid invoice, settled on {@code settledOn}. */
    public static Invoice settled(
            CustomerKey customer,
            String number,
            LocalDate issued,
            LocalDate due,
            Money amount,
            LocalDate settledOn,
            boolean disputed) {
        return new Invoice(
                customer,
                number,
                Optional.empty(),
                issued,
                due,
                amount,
                Money.zero(amount.currency()),
                InvoiceStatus.PAID,
                Optional.of(settledOn),
                disputed);
    }

    /** An open invoice that still owes its whole amount. */
    public static Invoice unpaid(
            CustomerKey customer, String number, LocalDate issued, LocalDate due, Money amount, boolean disputed) {
        return new Invoice(
                customer,
                number,
                Optional.empty(),
                issued,
                due,
                amount,
                amount,
                InvoiceStatus.OPEN,
                Optional.empty(),
                disputed);
    }

    /** Days past due on {@code today}: zero or negative while not yet due. */
    public long daysPastDue(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, today);
    }
}
