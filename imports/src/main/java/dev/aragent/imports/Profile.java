package dev.aragent.imports;

import dev.aragent.agent.imports.ImportKind;
import java.util.List;
import java.util.Locale;

/**
 * The tool a file came from. {@code generic} reads every kind in the columns the README documents; {@code quickbooks}
 * and {@code xero} read those tools' AR aging detail reports as exported, title and total lines included.
 */
public enum Profile {
    GENERIC(Cells.DateOrder.MONTH_FIRST),
    QUICKBOOKS(Cells.DateOrder.MONTH_FIRST),
    XERO(Cells.DateOrder.DAY_FIRST);

    private final Cells.DateOrder dateOrder;

    Profile(Cells.DateOrder dateOrder) {
        this.dateOrder = dateOrder;
    }

    Cells.DateOrder dateOrder() {
        return dateOrder;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile fromCode(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + code + "': use generic, quickbooks or xero", e);
        }
    }

    /** The kinds this profile can read. */
    public List<ImportKind> kinds() {
        return this == GENERIC ? List.of(ImportKind.values()) : List.of(ImportKind.AGING, ImportKind.INVOICES);
    }

    /** The columns this profile expects for a kind. */
    List<Field> fields(ImportKind kind) {
        return switch (this) {
            case GENERIC -> Layouts.generic(kind);
            case QUICKBOOKS -> Layouts.quickbooksAging();
            case XERO -> Layouts.xeroAging();
        };
    }

    /** Whether rows may be grouped under section lines (customer or aging-bucket headings) and subtotals. */
    boolean sectioned() {
        return this != GENERIC;
    }
}
