package dev.aragent.imports;

import dev.aragent.agent.imports.DataHealthReport.RowProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;

/** One data line read through the header's column map; every unreadable or missing value becomes a {@link RowProblem}. */
final class Row {
    private final CsvTable.Line line;
    private final Header header;
    private final Health health;
    private final Cells.DateOrder order;
    private boolean valid = true;

    Row(CsvTable.Line line, Header header, Health health, Cells.DateOrder order) {
        this.line = line;
        this.header = header;
        this.health = health;
        this.order = order;
    }

    int line() {
        return line.number();
    }

    boolean valid() {
        return valid;
    }

    boolean has(String field) {
        return header.columns().containsKey(field);
    }

    /** The stripped cell, or empty when the column is absent or the cell blank. */
    Optional<String> text(String field) {
        Integer column = header.columns().get(field);
        if (column == null) {
            return Optional.empty();
        }
        String value = line.cell(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The cell, or a "missing" problem and empty. */
    /** The cell, or a "missing" problem and empty. A column absent from the file is a schema problem, not a row's. */
    Optional<String> required(String field) {
        Optional<String> value = text(field);
        if (value.isEmpty() && !has(field)) {
            valid = false;
        } else if (value.isEmpty()) {
            problem(field, "", "required value is missing", false);
        }
        return value;
    }

    Optional<LocalDate> date(String field, boolean required) {
        return parsed(
                field,
                required,
                s -> Cells.date(s, order).filter(Cells::plausible),
                order == Cells.DateOrder.MONTH_FIRST
                        ? "not a date between 1970 and 2100 (expected YYYY-MM-DD, MM/DD/YYYY or 'Mar 5, 2026')"
                        : "not a date between 1970 and 2100 (expected YYYY-MM-DD, DD/MM/YYYY or '5 Mar 2026')");
    }

    Optional<Instant> instant(String field, boolean required) {
        return parsed(
                field,
                required,
                s -> Cells.instant(s)
                        .or(() -> Cells.date(s, order)
                                .map(d ->
                                        d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())),
                "not a date-time (expected ISO 8601, e.g. 2026-03-05T14:30:00Z)");
    }

    Optional<Cells.Amount> amount(String field, boolean required) {
        return parsed(field, required, Cells::amount, "not an amount (e.g. 1,234.56 or $1,234.56)");
    }

    Optional<Boolean> bool(String field) {
        return parsed(field, false, Cells::bool, "not true/false or yes/no");
    }

    /** The row's currency: its currency column, else its amounts' symbols, else the file default. */
    Optional<Currency> currency(Currency fallback, Cells.Amount... amounts) {
        Optional<String> raw = text("currency");
        Optional<Currency> declared = parsed(
                "currency",
                false,
                s -> {
                    try {
                        return Optional.of(Currency.getInstance(s.toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                },
                "not an ISO 4217 currency code (e.g. USD)");
        if (raw.isPresent() && declared.isEmpty()) {
            return Optional.empty();
        }
        Currency result = declared.orElse(null);
        for (Cells.Amount a : amounts) {
            if (a.currency().isPresent()) {
                if (result != null && !result.equals(a.currency().get())) {
                    problem(
                            "currency",
                            result.getCurrencyCode(),
                            "amounts in " + a.currency().get() + " on a row in " + result
                                    + ": mixed currencies in one row",
                            true);
                    return Optional.empty();
                }
                result = a.currency().get();
            }
        }
        return Optional.of(result == null ? fallback : result);
    }

    private <T> Optional<T> parsed(
            String field, boolean required, Function<String, Optional<T>> parser, String reason) {
        Optional<String> raw = required ? required(field) : text(field);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(raw.get());
        if (value.isEmpty()) {
            problem(field, raw.get(), reason, true);
        }
        return value;
    }

    void problem(String field, String value, String reason) {
        problem(field, value, reason, true);
    }

    /** An optional value that cannot be used: flagged in the report, and the row is kept without it. */
    void flag(String field, String value, String reason) {
        health.problem(
                new RowProblem(
                        line.number(),
                        field,
                        value.length() > 80 ? value.substring(0, 80) + "…" : value,
                        reason + "; the row is kept without it",
                        true),
                true);
    }

    private void problem(String field, String value, String reason, boolean invalid) {
        valid = false;
        health.problem(
                new RowProblem(
                        line.number(), field, value.length() > 80 ? value.substring(0, 80) + "…" : value, reason),
                invalid);
    }
}
