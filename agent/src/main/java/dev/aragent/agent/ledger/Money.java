package dev.aragent.agent.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency in its minor units (cents for USD). Never a {@code double}: arithmetic is on
 * {@code long} and fails loudly on overflow or on mixing currencies.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Exact conversion from a decimal amount; more fraction digits than the currency has is an error, not a rounding. */
    public static Money ofMajor(BigDecimal major, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        try {
            return new Money(
                    major.setScale(digits, RoundingMode.UNNECESSARY)
                            .movePointRight(digits)
                            .longValueExact(),
                    currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "amount " + major.toPlainString() + " has more than " + digits + " decimals for " + currency, e);
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /** Plain decimal, e.g. {@code 2450.00}: the form written to CSV and JSON. */
    public String toPlainString() {
        return toMajor().toPlainString();
    }

    /** Human form with symbol and grouping, e.g. {@code $2,450.00} or {@code EUR 1,200.00}. */
    public String format() {
        String symbol = currency.getCurrencyCode().equals("USD") ? "$" : currency.getCurrencyCode() + " ";
        String digits = String.format(
                java.util.Locale.ROOT,
                "%,." + Math.max(0, currency.getDefaultFractionDigits()) + "f",
                toMajor().abs());
        return (isNegative() ? "-" : "") + symbol + digits;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toPlainString();
    }
}
