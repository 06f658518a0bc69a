package dev.aragent.imports.bank;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * BAI2 cash-management balance reports (BAI's Version 2 format, as US and Canadian banks send them). No maintained Java
 * library reads it, so this one does: records {@code 01} file, {@code 02} group (as-of date, currency), {@code 03}
 * account (its summaries: {@code 010} opening and {@code 015} closing ledger among them), {@code 16} transaction
 * details (type codes 100–399 are credits, 400–699 debits; amounts in minor units), {@code 88} continuing the record
 * before, {@code 49} account trailer whose control total must equal every amount of the account's {@code 03} and
 * {@code 16} records — a file whose totals do not hold is refused whole, with the line.
 */
public final class Bai2Reader {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Bai2Reader() {}

    /** A logical record: its type, fields (continuations joined) and the line it starts on. */
    private record Record(String type, List<String> fields, int line) {}

    /** One account block of the file, one statement each. */
    public static List<BankStatement> read(byte[] content) {
        List<Record> records = records(new String(content, StandardCharsets.ISO_8859_1));
        if (records.isEmpty() || !records.getFirst().type().equals("01")) {
            throw new IllegalArgumentException("line 1: not a BAI2 file (it starts with record 01)");
        }
        List<BankStatement> out = new ArrayList<>();
        Optional<LocalDate> asOf = Optional.empty();
        String groupCurrency = "USD";
        Account account = null;
        for (Record r : records) {
            switch (r.type()) {
                case "01", "98", "99" -> {
                    // file header and trailers: the group and account totals are checked where they are
                }
                case "02" -> {
                    asOf = Optional.of(date(r, field(r, 3)));
                    groupCurrency = field(r, 5).isBlank() ? "USD" : field(r, 5).strip();
                }
                case "03" -> {
                    String c =
                            field(r, 1).isBlank() ? groupCurrency : field(r, 1).strip();
                    account = new Account(r, field(r, 0).strip(), currency(r, c), asOf);
                    account.summaries(r);
                }
                case "16" -> need(account, r).detail(r);
                case "49" -> {
                    out.add(need(account, r).close(r));
                    account = null;
                }
                default ->
                    throw new IllegalArgumentException(
                            "line " + r.line() + ": '" + r.type() + "' is no BAI2 record type");
            }
        }
        if (account != null) {
            throw new IllegalArgumentException("line " + account.start.line() + ": account " + account.number
                    + " has no 49 trailer: the file is cut short");
        }
        return out;
    }

    /** The file's records, each {@code 88} joined to the record it continues. */
    private static List<Record> records(String text) {
        List<Record> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            int comma = line.indexOf(',');
            String type = comma < 0 ? line : line.substring(0, comma);
            String rest = comma < 0 ? "" : line.substring(comma + 1);
            if (type.equals("88")) {
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": a continuation (88) continues nothing");
                }
                Record before = out.removeLast();
                List<String> fields = new ArrayList<>(before.fields());
                if (before.type().equals("16")) {
                    // a detail's text goes on: the continuation is more text
                    String last = fields.isEmpty() ? "" : fields.removeLast();
                    fields.add((last + " " + unslashed(rest)).strip());
                } else {
                    fields.addAll(split(rest));
                }
                out.add(new Record(before.type(), fields, before.line()));
            } else {
                out.add(new Record(type, type.equals("16") ? detailFields(rest) : split(rest), n + 1));
            }
        }
        return out;
    }

    /** A record's fields, its "/" end dropped. */
    private static List<String> split(String rest) {
        String body = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        List<String> out = new ArrayList<>(List.of(body.split(",", -1)));
        return out;
    }

    /**
     * A detail's fields: type, amount, funds type and its details, bank reference, customer reference, then the text —
     * the rest of the record, commas and all.
     */
    private static List<String> detailFields(String rest) {
        List<String> all = List.of(rest.split(",", -1));
        List<String> out = new ArrayList<>();
        int k = 0;
        out.add(at(all, k++)); // type
        out.add(at(all, k++)); // amount
        String funds = at(all, k++).strip();
        out.add(funds);
        int details =
                switch (funds) {
                    case "V" -> 2;
                    case "S" -> 3;
                    case "D" -> {
                        int pairs = parseCount(at(all, k));
                        yield 1 + 2 * pairs;
                    }
                    default -> 0;
                };
        List<String> fundsDetails = new ArrayList<>();
        for (int d = 0; d < details; d++) {
            fundsDetails.add(at(all, k++));
        }
        out.add(String.join(",", fundsDetails));
        out.add(unslashed(at(all, k++))); // bank reference
        out.add(unslashed(at(all, k++))); // customer reference
        String text = k < all.size() ? String.join(",", all.subList(k, all.size())) : "";
        out.add(unslashed(text));
        return out;
    }

    /** A field without the record's "/" end. */
    private static String unslashed(String s) {
        String t = s.strip();
        return t.endsWith("/") ? t.substring(0, t.length() - 1).strip() : t;
    }

    private static int parseCount(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String at(List<String> fields, int k) {
        return k < fields.size() ? fields.get(k) : "";
    }

    private static String field(Record r, int k) {
        return at(r.fields(), k);
    }

    private static Account need(Account a, Record r) {
        if (a == null) {
            throw new IllegalArgumentException(
                    "line " + r.line() + ": record " + r.type() + " outside an account (03)");
        }
        return a;
    }

    private static long amount(Record r, String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + r.line() + ": '" + t + "' is no amount (minor units)", e);
        }
    }

    private static LocalDate date(Record r, String s) {
        try {
            return LocalDate.parse(s.strip(), YYMMDD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + r.line() + ": '" + s.strip() + "' is no date (YYMMDD)", e);
        }
    }

    private static Currency currency(Record r, String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + r.line() + ": '" + code + "' is no currency", e);
        }
    }

    /** One account block being read. */
    private static final class Account {
        final Record start;
        final String number;
        final Currency currency;
        final Optional<LocalDate> asOf;
        long total;
        Optional<Money> opening = Optional.empty();
        Optional<Money> closing = Optional.empty();
        final List<BankTransaction> entries = new ArrayList<>();

        Account(Record start, String number, Currency currency, Optional<LocalDate> asOf) {
            this.start = start;
            this.number = number;
            this.currency = currency;
            this.asOf = asOf;
        }

        /** The 03 record's summaries: type code, amount, item count, funds type and its details, repeated. */
        void summaries(Record r) {
            List<String> f = r.fields();
            int k = 2;
            while (k < f.size()) {
                String type = f.get(k).strip();
                if (type.isEmpty()) {
                    k++;
                    continue;
                }
                long amount = amount(r, at(f, k + 1));
                total += amount;
                switch (type) {
                    case "010" -> opening = Optional.of(new Money(amount, currency));
                    case "015" -> closing = Optional.of(new Money(amount, currency));
                    default -> {
                        // other summaries (available, float, totals of credits and debits) count in the control
                    }
                }
                // the funds type's own details (a value date, a distribution) are not amounts of the control total
                String funds = at(f, k + 3).strip();
                k += 4;
                switch (funds) {
                    case "V" -> k += 2;
                    case "S" -> k += 3;
                    case "D" -> k += 1 + 2 * parseCount(at(f, k));
                    default -> {
                        // no details
                    }
                }
            }
        }

        void detail(Record r) {
            List<String> f = r.fields();
            int type;
            try {
                type = Integer.parseInt(field(r, 0).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + r.line() + ": '" + field(r, 0) + "' is no type code", e);
            }
            long amount = amount(r, field(r, 1));
            total += amount;
            String funds = field(r, 2).strip();
            List<String> fundsDetails = List.of(field(r, 3).split(",", -1));
            if (type < 100 || type >= 700) {
                return; // an information or memo detail: counted in the control, not cash in or out
            }
            Optional<LocalDate> value =
                    funds.equals("V") && !at(fundsDetails, 0).isBlank()
                            ? Optional.of(date(r, at(fundsDetails, 0)))
                            : asOf;
            String customerRef = at(f, 5).strip();
            String text = at(f, 6).strip();
            entries.add(new BankTransaction(
                    at(f, 4).strip(),
                    new Money(Math.abs(amount), currency),
                    type < 400,
                    false,
                    "BOOK",
                    asOf,
                    value,
                    "",
                    "",
                    customerRef.isEmpty() ? List.of() : List.of(customerRef),
                    text.isEmpty() ? List.of() : List.of(text)));
        }

        BankStatement close(Record trailer) {
            long stated = amount(trailer, field(trailer, 0));
            if (stated != total) {
                throw new IllegalArgumentException("line " + trailer.line() + ": account " + number
                        + "'s control total says " + stated + ", its records add up to " + total);
            }
            return new BankStatement(
                    "bai2",
                    number + asOf.map(d -> "@" + d).orElse(""),
                    number,
                    currency,
                    opening.filter(o -> closing.isPresent()),
                    closing.filter(c -> opening.isPresent()),
                    entries);
        }
    }
}
