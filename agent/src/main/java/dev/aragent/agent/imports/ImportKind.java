package dev.aragent.agent.imports;

import java.util.Locale;

/** What a file holds. An {@link #AGING} file is a full snapshot of what is open; the others add to the book. */
public enum ImportKind {
    CUSTOMERS("customer accounts and contacts"),
    AGING("open invoices and credit memos (AR aging)"),
    HISTORY("historical invoices with settlement dates"),
    PAYMENTS("payments and their allocation to invoices"),
    NOTES("CRM notes and support tickets");

    private final String description;

    ImportKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportKind fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
