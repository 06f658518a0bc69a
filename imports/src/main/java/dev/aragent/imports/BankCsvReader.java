package dev.aragent.imports;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bank's CSV export of an account's transactions, read through a mapping profile: which column holds the date, the
 * amount (signed, or a credit and a debit column), the currency (or one for the whole file), the counterparty's name
 * and account, the remittance text and the bank's reference, and how dates and decimals are written. A column the
 * profile names but the file lacks, or a cell that is no date or amount, refuses the file whole with its line.
 */
public final class BankCsvReader {

    /**
     * How one bank writes its CSV: each of our fields to its column header ({@code amount}, or {@code credit} and
     * {@code debit}; {@code date}; optional {@code value-date}, {@code currency}, {@code name}, {@code account},
     * {@code text}, {@code reference}), the file's currency when no column gives it, the date pattern, the decimal
     * separator (the field delimiter is found as for every CSV we read).
     */
    public record Profile(
            String name, Map<String, String> columns, Optional<Currency> currency, String datePattern, char decimal) {
        public Profile {
            columns = Map.copyOf(columns);
            if (!columns.containsKey("date")) {
                throw new IllegalArgumentException("a bank CSV profile maps the date column");
            }
            if (!columns.containsKey("amount") && !(columns.containsKey("credit") && columns.containsKey("debit"))) {
                throw new IllegalArgumentException("a bank CSV profile maps an amount column, or credit and debit");
            }
            if (!columns.containsKey("currency") && currency.isEmpty()) {
                throw new IllegalArgumentException("a bank CSV profile names a currency column or the file's currency");
            }
        }

        /**
         * The generic profile: {@code date, amount, currency, name, account, text, reference} headers, ISO dates, a
         * point for decimals.
         */
        public static Profile generic() {
            return new Profile(
                    "generic",
                    Map.of(
                            "date", "date",
                            "amount", "amount",
                            "currency", "currency",
                            "name", "name",
                            "account", "account",
                            "text", "text",
                            "reference", "reference"),
                    Optional.empty(),
                    "yyyy-MM-dd",
                    '.');
        }
    }

    private BankCsvReader() {}

    /**
     * The file's transactions as one statement of {@code account} (a CSV export states no balances), read as every CSV
     * we import is (encoding, delimiter, the limits on columns, cells and lines).
     */
    public static BankStatement read(byte[] content, Profile profile, String account) {
        CsvTable table;
        try {
            table = CsvTable.parse(content);
        } catch (CsvTable.UnreadableCsv e) {
            throw new IllegalArgumentException("line " + e.line() + ": " + e.getMessage(), e);
        }
        List<CsvTable.Line> lines =
                table.lines().stream().filter(l -> !l.blank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> header = lines.getFirst().cells().stream()
                .map(h -> h.strip().replace("\uFEFF", ""))
                .toList();
        Map<String, Integer> at = new java.util.HashMap<>();
        for (var column : profile.columns().entrySet()) {
            int k = header.indexOf(column.getValue());
            if (k < 0) {
                throw new IllegalArgumentException("line " + lines.getFirst().number() + ": the profile '"
                        + profile.name() + "' reads the " + column.getKey() + " from a column '" + column.getValue()
                        + "' the file does not have");
            }
            at.put(column.getKey(), k);
        }
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(profile.datePattern(), Locale.ROOT);
        List<BankTransaction> entries = new ArrayList<>();
        Currency seen = null;
        for (CsvTable.Line row : lines.subList(1, lines.size())) {
            long line = row.number();
            java.util.function.Function<String, String> cell =
                    field -> at.containsKey(field) ? row.cell(at.get(field)) : "";
            Currency c = at.containsKey("currency")
                    ? currency(line, cell.apply("currency"))
                    : profile.currency().orElseThrow();
            BigDecimal amount = at.containsKey("amount")
                    ? number(line, cell.apply("amount"), profile.decimal())
                    : number(line, cell.apply("credit"), profile.decimal())
                            .abs()
                            .subtract(number(line, cell.apply("debit"), profile.decimal())
                                    .abs());
            LocalDate booked = date(line, cell.apply("date"), dates);
            Optional<LocalDate> value = cell.apply("value-date").isEmpty()
                    ? Optional.of(booked)
                    : Optional.of(date(line, cell.apply("value-date"), dates));
            String remittance = cell.apply("text");
            entries.add(new BankTransaction(
                    cell.apply("reference"),
                    Money.ofMajor(amount.abs(), c),
                    amount.signum() >= 0,
                    false,
                    "BOOK",
                    Optional.of(booked),
                    value,
                    cell.apply("name"),
                    cell.apply("account"),
                    List.of(),
                    remittance.isEmpty() ? List.of() : List.of(remittance)));
            seen = seen == null ? c : seen;
        }
        if (seen == null) {
            throw new IllegalArgumentException("the file holds no transaction, only its header");
        }
        return new BankStatement(
                "csv:" + profile.name(), "", account, seen, Optional.empty(), Optional.empty(), entries);
    }

    private static BigDecimal number(long line, String s, char decimal) {
        if (s.isEmpty()) {
            return BigDecimal.ZERO;
        }
        String t = s.replace(" ", "").replace("\u00a0", "").replace("'", "");
        t = decimal == ',' ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": '" + s + "' is no amount", e);
        }
    }

    private static LocalDate date(long line, String s, DateTimeFormatter dates) {
        try {
            return LocalDate.parse(s, dates);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + line + ": '" + s + "' is no date", e);
        }
    }

    private static Currency currency(long line, String code) {
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + line + ": '" + code + "' is no currency", e);
        }
    }
}
