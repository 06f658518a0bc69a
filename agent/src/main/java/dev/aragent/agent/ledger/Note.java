package dev.aragent.agent.ledger;

import java.time.Instant;
import java.util.Optional;

/** Free text about a customer from a CRM (note) or a help desk (ticket). Bodies are PII: never log them above DEBUG. */
public record Note(
        CustomerKey customer,
        String reference,
        Kind kind,
        Instant createdAt,
        String source,
        String author,
        Optional<String> subject,
        String body,
        Optional<String> ticketStatus) {

    /** Where the text came from. */
    public enum Kind {
        NOTE,
        TICKET
    }

    public Note {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("note reference is required");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("note " + reference + " has no text");
        }
    }
}
