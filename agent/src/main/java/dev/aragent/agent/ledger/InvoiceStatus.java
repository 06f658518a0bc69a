package dev.aragent.agent.ledger;

/** Where an invoice stands in the book. */
public enum InvoiceStatus {
    /** On the latest AR aging with a balance. */
    OPEN,
    /** Settled in full (history import or payments). */
    PAID,
    /** Was open, then absent from a newer aging: settled, credited or written off outside ar-agent. */
    CLOSED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static InvoiceStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
