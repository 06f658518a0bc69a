package dev.aragent.agent.grounding;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;

/**
 * One fact of a debtor's account as readable text ("Invoice INV-4471 issued 2026-01-05, due 2026-02-04, $2,450.00
 * open, PO 7781"), with where it came from. {@code sourceId} is unique per tenant and type.
 */
public record Document(
        TenantId tenant, CustomerKey account, DocType type, String sourceId, LocalDate date, String text) {
    public Document {
        if (sourceId.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a document needs a source id and text");
        }
    }

    /** The key the index stores it under: type and source id. */
    public String key() {
        return type.code() + ":" + sourceId;
    }
}
