package dev.aragent.agent.ledger;

import java.time.LocalDate;
import java.util.Optional;

/** A credit the customer holds (return, price adjustment); open while not applied. {@code amount} is positive. */
public record CreditMemo(
        CustomerKey customer, String number, LocalDate issueDate, Money amount, Optional<String> appliesTo) {
    public CreditMemo {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("credit memo number is required");
        }
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("credit memo " + number + " must have a positive amount");
        }
    }
}
