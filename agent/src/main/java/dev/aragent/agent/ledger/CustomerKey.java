package dev.aragent.agent.ledger;

import java.util.Locale;

/**
 * A customer's identity as the source system knows it: an account id when the export has one, else the display name
 * folded to a stable key (QuickBooks and Xero aging reports carry names only).
 */
public record CustomerKey(String value) {
    public CustomerKey {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("customer key must be 1-200 characters: " + value);
        }
    }

    public static CustomerKey of(String value) {
        return new CustomerKey(value.strip());
    }

    /** Key derived from a display name: case, punctuation and spacing differences do not make a new customer. */
    public static CustomerKey fromName(String name) {
        String folded = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return new CustomerKey("name:" + folded);
    }

    @Override
    public String toString() {
        return value;
    }
}
