package dev.aragent.imports;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A generic historical-invoice file for risk evaluation: a header with {@code
 * customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed} (ISO dates, amount with a decimal point,
 * {@code settled_date} empty while open, {@code disputed} true/false or yes/no), any further columns kept as extra
 * features. The whole file is checked before anything is used; errors name the line and column.
 */
public final class HistoryCsv {
    static final List<String> REQUIRED =
            List.of("customer_id", "invoice_id", "invoice_date", "due_date", "amount", "settled_date", "disputed");
    private static final int MAX_ERRORS = 20;

    private HistoryCsv() {}

    /** What a history file holds: the accounts, the last date it mentions, the extra columns, the row count. */
    public record History(List<AccountRecord> accounts, LocalDate end, List<String> extraColumns, int invoices) {
        public History {
            accounts = List.copyOf(accounts);
            extraColumns = List.copyOf(extraColumns);
        }
    }

    public static History read(byte[] bytes, Currency currency) {
        CsvTable table;
        try {
            table = CsvTable.parse(bytes);
        } catch (CsvTable.UnreadableCsv e) {
            throw new IllegalArgumentException("not a readable CSV file: " + e.getMessage(), e);
        }
        if (table.lines().isEmpty()) {
            throw new IllegalArgumentException(
                    "the file is empty; expected a header row: " + String.join(",", REQUIRED));
        }
        List<String> header = table.lines().getFirst().cells().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        List<String> missing =
                REQUIRED.stream().filter(r -> !header.contains(r)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing column(s) " + missing + "; the header must name "
                    + String.join(",", REQUIRED) + " (any further columns are extra features); found " + header);
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.putIfAbsent(header.get(i), i);
        }
        List<String> extras = header.stream()
                .filter(h -> !REQUIRED.contains(h) && !h.isBlank())
                .distinct()
                .toList();
        List<String> errors = new ArrayList<>();
        Map<String, List<Invoice>> invoices = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> extraValues = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        LocalDate end = LocalDate.MIN;
        int rows = 0;
        for (CsvTable.Line line : table.lines().subList(1, table.lines().size())) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                String customer = cell(line, at, "customer_id");
                String number = cell(line, at, "invoice_id");
                if (customer.isEmpty() || number.isEmpty()) {
                    throw new IllegalArgumentException("customer_id and invoice_id are required");
                }
                if (!seen.add(customer + "\u0000" + number)) {
                    throw new IllegalArgumentException("invoice " + number + " of " + customer + " appears twice");
                }
                LocalDate issued = date(cell(line, at, "invoice_date"), "invoice_date");
                LocalDate due = date(cell(line, at, "due_date"), "due_date");
                String settledText = cell(line, at, "settled_date");
                Optional<LocalDate> settled =
                        settledText.isEmpty() ? Optional.empty() : Optional.of(date(settledText, "settled_date"));
                Money amount = amount(cell(line, at, "amount"), currency);
                boolean disputed = bool(cell(line, at, "disputed"));
                CustomerKey key = CustomerKey.of(customer);
                invoices.computeIfAbsent(customer, k -> new ArrayList<>())
                        .add(
                                settled.isPresent()
                                        ? Invoice.settled(key, number, issued, due, amount, settled.get(), disputed)
                                        : Invoice.unpaid(key, number, issued, due, amount, disputed));
                Map<String, String> x = new HashMap<>();
                for (String e : extras) {
                    x.put(e, cell(line, at, e));
                }
                extraValues.computeIfAbsent(customer, k -> new HashMap<>()).put(number, x);
                for (LocalDate d : List.of(issued, due, settled.orElse(issued))) {
                    end = d.isAfter(end) ? d : end;
                }
                rows++;
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.add("line " + line.number() + ": " + e.getMessage());
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "")
                    + " bad row(s); fix them and run again:\n  " + String.join("\n  ", errors));
        }
        if (rows == 0) {
            throw new IllegalArgumentException("no invoices after the header");
        }
        List<AccountRecord> accounts = new ArrayList<>();
        for (var e : invoices.entrySet()) {
            accounts.add(new AccountRecord(
                    Customer.named(CustomerKey.of(e.getKey()), e.getKey()),
                    e.getValue(),
                    List.of(),
                    List.of(),
                    List.of(),
                    AccountActivity.none(),
                    extraValues.getOrDefault(e.getKey(), Map.of())));
        }
        return new History(accounts, end, extras, rows);
    }

    private static String cell(CsvTable.Line line, Map<String, Integer> at, String column) {
        int i = at.get(column);
        return i < line.cells().size() ? line.cells().get(i).strip() : "";
    }

    private static LocalDate date(String s, String column) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + s + "' is not an ISO date (YYYY-MM-DD)", e);
        }
    }

    private static Money amount(String s, Currency currency) {
        try {
            BigDecimal v = new BigDecimal(s.replace(",", ""));
            if (v.signum() <= 0) {
                throw new IllegalArgumentException("amount '" + s + "' must be positive");
            }
            return Money.ofMajor(v, currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + s + "' is not a number like 1234.56", e);
        }
    }

    private static boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "y" -> true;
            case "false", "no", "0", "n", "" -> false;
            default -> throw new IllegalArgumentException("disputed '" + s + "' must be true/false or yes/no");
        };
    }
}
