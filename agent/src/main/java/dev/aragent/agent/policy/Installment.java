package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.Objects;

/** One payment of a plan: how much, by when. */
public record Installment(LocalDate due, Money amount) {
    public Installment {
        Objects.requireNonNull(due, "due");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("an installment must be positive: " + amount);
        }
    }
}
