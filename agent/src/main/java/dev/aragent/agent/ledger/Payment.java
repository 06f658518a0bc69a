package dev.aragent.agent.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Money received from a customer, and the invoices it was applied to. */
public record Payment(
        CustomerKey customer,
        String reference,
        LocalDate receivedOn,
        Money amount,
        Optional<String> method,
        List<Allocation> allocations) {

    /** The part of a payment applied to one invoice. */
    public record Allocation(String invoiceNumber, Money amount) {}

    public Payment {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("payment reference is required");
        }
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("payment " + reference + " must have a positive amount");
        }
        allocations = List.copyOf(allocations);
        Money applied = allocations.stream().map(Allocation::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (applied.compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "payment " + reference + " applies " + applied + ", more than its amount " + amount);
        }
    }
}
