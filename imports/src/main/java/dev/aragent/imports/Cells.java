package dev.aragent.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell values as accounting tools write them: amounts with currency symbols or codes, thousands separators, decimal
 * commas, parentheses for negatives; dates in ISO, US or day-first order and with month names; phones in national form.
 * Each parser returns empty on a value it cannot read, so the caller can name the row and the field.
 */
final class Cells {
    private Cells() {}

    /** Which way round numeric dates are read: {@code 03/04/2026} is 4 March (US) or 3 April (day first). */
    enum DateOrder {
        MONTH_FIRST,
        DAY_FIRST
    }

    /** An amount read from a cell, with the currency its symbol or code named, if any. */
    record Amount(BigDecimal value, Optional<Currency> currency) {}

    private static final Map<String, String> SYMBOLS = Map.of(
            "$", "USD", "US$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "C$", "CAD", "CA$", "CAD", "A$", "AUD", "AU$",
            "AUD");
    private static final Pattern AMOUNT = Pattern.compile(
            "^(?<neg1>-)?\\(?(?<neg2>-)?\\s*(?<pre>[A-Z]{3}|[A-Z]{0,2}\\$|[€£¥])?\\s*(?<neg3>-)?(?<num>[0-9][0-9.,' ]*)\\s*(?<post>[A-Z]{3}|[€£$])?\\s*\\)?(?<neg4>-)?$");

    static Optional<Amount> amount(String raw) {
        String s = raw.replace('\u00a0', ' ').replace('\u2212', '-').strip();
        Matcher m = AMOUNT.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        if (s.contains("(") != s.contains(")")) {
            return Optional.empty();
        }
        boolean parens = s.contains("(");
        boolean negative = parens
                || m.group("neg1") != null
                || m.group("neg2") != null
                || m.group("neg3") != null
                || m.group("neg4") != null;
        String pre = m.group("pre");
        String post = m.group("post");
        if (pre != null && post != null) {
            return Optional.empty();
        }
        String sign = pre != null ? pre : post;
        Optional<Currency> currency;
        try {
            currency = sign == null
                    ? Optional.empty()
                    : Optional.of(Currency.getInstance(SYMBOLS.getOrDefault(sign, sign)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return number(m.group("num").strip()).map(n -> new Amount(negative ? n.negate() : n, currency));
    }

    /** {@code 1,234.56}, {@code 1.234,56}, {@code 1 234,56}, {@code 1'234.56}, {@code 1234}, {@code 12,5}. */
    private static Optional<BigDecimal> number(String s) {
        String n = s.replace(" ", "").replace("'", "");
        int lastDot = n.lastIndexOf('.');
        int lastComma = n.lastIndexOf(',');
        String normalized;
        if (lastDot >= 0 && lastComma >= 0) {
            normalized = lastDot > lastComma
                    ? n.replace(",", "")
                    : n.replace(".", "").replace(',', '.');
        } else if (lastComma >= 0) {
            boolean grouping = n.matches("[0-9]{1,3}(,[0-9]{3})+");
            normalized = grouping ? n.replace(",", "") : n.matches("[0-9]+,[0-9]{1,2}") ? n.replace(',', '.') : null;
        } else if (lastDot >= 0 && n.indexOf('.') != lastDot) {
            normalized = n.matches("[0-9]{1,3}(\\.[0-9]{3})+") ? n.replace(".", "") : null;
        } else {
            normalized = n;
        }
        if (normalized == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(normalized));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final List<DateTimeFormatter> TEXTUAL = formatters(
            "MMMM d, uuuu",
            "MMM d, uuuu",
            "MMM. d, uuuu",
            "d MMMM uuuu",
            "d MMM uuuu",
            "dd-MMM-uuuu",
            "d-MMM-uu",
            "d-MMM-uuuu",
            "EEEE, MMMM d, uuuu",
            "EEE, MMM d, uuuu");
    private static final List<DateTimeFormatter> ISO = formatters("uuuu-MM-dd", "uuuu/MM/dd", "uuuu-M-d", "uuuuMMdd");
    private static final List<DateTimeFormatter> MONTH_FIRST = formatters("M/d/uuuu", "M/d/uu", "M-d-uuuu", "M.d.uuuu");
    private static final List<DateTimeFormatter> DAY_FIRST = formatters("d/M/uuuu", "d/M/uu", "d-M-uuuu", "d.M.uuuu");

    private static List<DateTimeFormatter> formatters(String... patterns) {
        return java.util.Arrays.stream(patterns)
                .map(p -> DateTimeFormatter.ofPattern(p, Locale.US).withResolverStyle(ResolverStyle.STRICT))
                .toList();
    }

    /** A date a receivables book can hold: 9999-12-31 (a "never" placeholder) or 0001-01-01 is not one. */
    static boolean plausible(LocalDate d) {
        return d.getYear() >= 1970 && d.getYear() <= 2100;
    }

    static Optional<LocalDate> date(String raw, DateOrder order) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
            return instant(s).map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate());
        }
        for (List<DateTimeFormatter> group :
                List.of(ISO, order == DateOrder.MONTH_FIRST ? MONTH_FIRST : DAY_FIRST, TEXTUAL)) {
            for (DateTimeFormatter f : group) {
                try {
                    return Optional.of(LocalDate.parse(s, f));
                } catch (DateTimeParseException e) {
                    // next format
                }
            }
        }
        return Optional.empty();
    }

    /** An instant: ISO with offset, or a local date-time / date taken as UTC. */
    static Optional<Instant> instant(String raw) {
        String s = raw.strip();
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            // try local forms
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try local forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A phone in E.164: {@code (555) 010-0100} and {@code 555.010.0100} become {@code +15550100100} (NANP). */
    static Optional<String> phone(String raw) {
        String s = raw.strip();
        String digits = s.replaceAll("[^0-9]", "");
        if (s.startsWith("+") && digits.length() >= 8 && digits.length() <= 15 && digits.charAt(0) != '0') {
            return Optional.of("+" + digits);
        }
        if (digits.length() == 10 && digits.charAt(0) >= '2') {
            return Optional.of("+1" + digits);
        }
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return Optional.of("+" + digits);
        }
        return Optional.empty();
    }

    static Optional<ZoneId> zone(String raw) {
        String s = raw.strip();
        Map<String, String> us = Map.of(
                "ET",
                "America/New_York",
                "EST",
                "America/New_York",
                "CT",
                "America/Chicago",
                "CST",
                "America/Chicago",
                "MT",
                "America/Denver",
                "MST",
                "America/Denver",
                "PT",
                "America/Los_Angeles",
                "PST",
                "America/Los_Angeles");
        try {
            return Optional.of(ZoneId.of(us.getOrDefault(s.toUpperCase(Locale.ROOT), s)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Boolean> bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> Optional.of(true);
            case "false", "no", "n", "0", "f", "" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
