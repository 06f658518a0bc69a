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

    /** The method of a receipt the agent applied from a bank file. */
    public static final String BANK_TRANSFER = "bank transfer";

    /** The method of a payment made through a pay-now link (reported by the payment processor). */
    public static final String PAY_NOW_LINK = "pay-now link";

    /** The methods of payments the agent applied itself, not imported from the ERP. */
    public static final java.util.Set<String> APPLIED_BY_AGENT = java.util.Set.of(BANK_TRANSFER, PAY_NOW_LINK);

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
