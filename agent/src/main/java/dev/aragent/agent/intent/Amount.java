package dev.aragent.agent.intent;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A sum of money a debtor mentioned: an exact figure ("$500", "1,250.50 USD"), a share of what is owed ("half",
 * "50%": {@code value} is the fraction), the rest of it ("the rest") or all of it ("in full"). The currency is the
 * one written, if any; the account's currency applies otherwise. Never a floating-point number.
 */
public record Amount(Kind kind, BigDecimal value, Optional<String> currency) {

    public enum Kind {
        EXACT,
        SHARE,
        REST,
        FULL
    }

    public Amount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an amount is never negative: " + value);
        }
    }

    public static Amount exact(BigDecimal value, Optional<String> currency) {
        return new Amount(
                Kind.EXACT, value.setScale(Math.max(2, value.scale()), java.math.RoundingMode.UNNECESSARY), currency);
    }

    public static Amount share(BigDecimal fraction) {
        return new Amount(Kind.SHARE, fraction, Optional.empty());
    }

    public static Amount rest() {
        return new Amount(Kind.REST, BigDecimal.ONE, Optional.empty());
    }

    public static Amount full() {
        return new Amount(Kind.FULL, BigDecimal.ONE, Optional.empty());
    }

    /** How it reads in JSON and logs: {@code 500.00}, {@code 50%}, {@code rest}, {@code full}. */
    public String display() {
        return switch (kind) {
            case EXACT -> value.toPlainString();
            case SHARE -> value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case REST -> "rest";
            case FULL -> "full";
        };
    }
}
