package dev.aragent.agent.ledger;

import java.util.regex.Pattern;

/** The company whose receivables these are. Leads every key in the store. */
public record TenantId(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant id must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit: "
                            + value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
