package dev.aragent.agent.conversation;

import java.time.LocalDate;
import java.util.Optional;

/** Builds a disposition step by step. */
final class Status {
    private final Disposition.PaymentStatus status;
    private Optional<LocalDate> expected = Optional.empty();
    private Optional<String> dispute = Optional.empty();
    private Optional<Disposition.ContactChange> contact = Optional.empty();
    private boolean escalation;
    private Optional<LocalDate> retry = Optional.empty();

    Status(Disposition.PaymentStatus status) {
        this.status = status;
    }

    Status expected(LocalDate d) {
        expected = Optional.of(d);
        return this;
    }

    Status dispute(String reason) {
        dispute = Optional.of(reason);
        return this;
    }

    Status contact(Disposition.ContactChange c) {
        contact = c.isEmpty() ? Optional.empty() : Optional.of(c);
        return this;
    }

    Status escalate() {
        escalation = true;
        return this;
    }

    Status retry(LocalDate d) {
        retry = Optional.of(d);
        return this;
    }

    Disposition build() {
        return new Disposition(status, expected, dispute, contact, escalation, retry);
    }
}
