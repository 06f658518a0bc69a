package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A promised payment or plan installment on file, and whether it was kept. */
public record PromiseRecord(UUID id, Money amount, LocalDate due, int installment, Status status, Instant createdAt) {
    public enum Status {
        OPEN,
        KEPT,
        BROKEN,
        CANCELLED
    }
}
