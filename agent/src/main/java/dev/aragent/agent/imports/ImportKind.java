package dev.aragent.agent.imports;

import java.util.Locale;

/**
 * What a file holds. An {@link #AGING} file is a full snapshot of what is open; the others add to the book — among them
 * {@link #INVOICES}, the invoices issued since the last export, in the aging's columns (an ERP's nightly "new invoices",
 * which closes nothing).
 */
public enum ImportKind {
    CUSTOMERS("customer accounts and contacts"),
    AGING("open invoices and credit memos (AR aging)"),
    HISTORY("historical invoices with settlement dates"),
    PAYMENTS("payments and their allocation to invoices"),
    NOTES("CRM notes and support tickets"),
    INVOICES("invoices issued since the last export (adds to the aging; closes nothing)");

    private final String description;

    ImportKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether its rows are an aging's: open invoices and credit memos (a snapshot, or what was added to it). */
    public boolean aging() {
        return this == AGING || this == INVOICES;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by {@code code} (e.g. {@code aging}); an unknown code fails with the list of known ones. */
    public static ImportKind fromCode(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown kind '" + code + "': use customers, aging, history, payments, notes or invoices", e);
        }
    }
}
