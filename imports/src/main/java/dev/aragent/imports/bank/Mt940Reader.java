package dev.aragent.imports.bank;

import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.field.Field61;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWIFT MT940 customer statements, as banks deliver them: whole FIN messages ({@code {1:…}{2:…}{4: … -}}) or only
 * their text block, one statement after another. Each field's value is read by Prowide Core (the maintained SWIFT MT
 * model — {@link Field61} splits a statement line into value date, entry date, debit/credit mark, funds code, amount,
 * type and references); this class finds the statements and the fields in order, and pairs each {@code :61:} line
 * with the {@code :86:} information that follows it. A statement without its opening or closing balance, or a line
 * whose amount or mark cannot be read, refuses the file whole with its line.
 */
public final class Mt940Reader {
    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Mt940Reader() {}

    /** The statements of {@code content}, in the file's order. */
    public static List<BankStatement> read(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        List<Tagged> fields = fields(text);
        List<BankStatement> out = new ArrayList<>();
        Builder b = null;
        for (Tagged f : fields) {
            switch (f.tag()) {
                case "20" -> {
                    if (b != null) {
                        out.add(b.build());
                    }
                    b = new Builder(f.line(), f.value().strip());
                }
                case "25", "25P" -> need(b, f).account = f.value().strip().split("\n")[0];
                case "60F", "60M" -> need(b, f).opening = Optional.of(balance(f));
                case "62F", "62M" -> need(b, f).closing = Optional.of(balance(f));
                case "61" -> need(b, f).lines.add(new Line(f, new ArrayList<>()));
                case "34F" ->
                    need(b, f).floor = Optional.of(currency(
                            f,
                            f.value()
                                    .strip()
                                    .substring(0, Math.min(3, f.value().strip().length()))));
                case "90D" -> need(b, f).debits = Optional.of(f);
                case "90C" -> need(b, f).credits = Optional.of(f);
                case "86" -> {
                    Builder s = need(b, f);
                    if (!s.lines.isEmpty() && s.lines.getLast().info().isEmpty()) {
                        s.lines
                                .getLast()
                                .info()
                                .add(f.value().replace('\n', ' ').strip());
                    }
                }
                default -> {
                    // :28C: numbering, :64: available, :65: forward balances: not what entries add up to
                }
            }
        }
        if (b != null) {
            out.add(b.build());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("not an MT940 statement: no :20: field");
        }
        return out;
    }

    /** A field, its tag, its value (continuation lines joined by newlines) and the line it starts on. */
    private record Tagged(String tag, String value, int line) {}

    private record Line(Tagged field, List<String> info) {}

    /** Every field of every statement in order: the text block of each FIN message, or the whole text. */
    private static List<Tagged> fields(String text) {
        List<Tagged> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String tag = null;
        StringBuilder value = new StringBuilder();
        int start = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            // the envelope of a FIN message: its header blocks, the end of its text block, its trailer
            int open = line.indexOf("{4:");
            if (open >= 0) {
                line = line.substring(open + 3);
            }
            if (line.startsWith("-}") || line.equals("-") || line.startsWith("{")) {
                if (tag != null) {
                    out.add(new Tagged(tag, value.toString(), start));
                    tag = null;
                }
                continue;
            }
            Matcher m = TAG.matcher(line);
            if (m.matches()) {
                if (tag != null) {
                    out.add(new Tagged(tag, value.toString(), start));
                }
                tag = m.group(1);
                value = new StringBuilder(m.group(2));
                start = n + 1;
            } else if (tag != null) {
                value.append('\n').append(line);
            }
        }
        if (tag != null) {
            out.add(new Tagged(tag, value.toString(), start));
        }
        return out;
    }

    /** A field's first line without the envelope's control characters (a report may end with ETX). */
    private static String firstLine(Tagged f) {
        return f.value()
                .replaceAll("[\\x00-\\x1F&&[^\\n]]", "")
                .strip()
                .split("\n")[0]
                .strip();
    }

    private static Builder need(Builder b, Tagged f) {
        if (b == null) {
            throw refused(f, "the field :" + f.tag() + ": comes before any statement's :20:");
        }
        return b;
    }

    /** A :60: or :62: balance: mark, date, currency, amount (Prowide's field model reads the components). */
    private static Money balance(Tagged f) {
        Field field = Field.getField(f.tag(), f.value().strip());
        String mark = field.getComponent(1);
        String currency = field.getComponent(3);
        BigDecimal amount = number(f, field.getComponent(4));
        if (!"C".equals(mark) && !"D".equals(mark)) {
            throw refused(f, "a balance is C or D, not '" + mark + "'");
        }
        return Money.ofMajor(mark.equals("D") ? amount.negate() : amount, currency(f, currency));
    }

    private static BigDecimal number(Tagged f, String s) {
        try {
            return new BigDecimal(s == null ? "" : s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw refused(f, "'" + s + "' is no amount", e);
        }
    }

    private static Currency currency(Tagged f, String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw refused(f, "'" + code + "' is no currency", e);
        }
    }

    private static IllegalArgumentException refused(Tagged f, String why) {
        return new IllegalArgumentException("line " + f.line() + " (:" + f.tag() + ":): " + why);
    }

    private static IllegalArgumentException refused(Tagged f, String why, Exception cause) {
        return new IllegalArgumentException("line " + f.line() + " (:" + f.tag() + ":): " + why, cause);
    }

    private static final class Builder {
        final int line;
        final String id;
        String account = "";
        Optional<Money> opening = Optional.empty();
        Optional<Money> closing = Optional.empty();
        /** An MT942 interim report's currency (its floor limit, :34F:) and its stated totals (:90D:, :90C:). */
        Optional<Currency> floor = Optional.empty();

        Optional<Tagged> debits = Optional.empty();
        Optional<Tagged> credits = Optional.empty();
        final List<Line> lines = new ArrayList<>();

        Builder(int line, String id) {
            this.line = line;
            this.id = id;
        }

        BankStatement build() {
            if (opening.isEmpty() && closing.isEmpty() && floor.isPresent()) {
                return interim(floor.get());
            }
            if (opening.isEmpty() || closing.isEmpty()) {
                throw new IllegalArgumentException("line " + line + ": statement " + id
                        + " lacks its opening (:60F:/:60M:) or closing (:62F:/:62M:) balance");
            }
            Currency c = opening.get().currency();
            List<BankTransaction> entries = new ArrayList<>();
            for (Line l : lines) {
                entries.add(entry(l, c));
            }
            return new BankStatement("mt940", id, account, c, opening, closing, entries);
        }

        /**
         * An MT942 interim report: no balances; what it states instead — the number and sum of its debits (:90D:) and
         * credits (:90C:) — must be what its lines add up to.
         */
        private BankStatement interim(Currency c) {
            List<BankTransaction> entries = new ArrayList<>();
            for (Line l : lines) {
                entries.add(entry(l, c));
            }
            BankStatement s = new BankStatement("mt942", id, account, c, Optional.empty(), Optional.empty(), entries);
            check(debits, false, s);
            check(credits, true, s);
            return s;
        }

        private static void check(Optional<Tagged> stated, boolean credit, BankStatement s) {
            if (stated.isEmpty()) {
                return;
            }
            Tagged f = stated.get();
            Matcher m = Pattern.compile("(\\d+)([A-Z]{3})([\\d,]+)").matcher(firstLine(f));
            if (!m.matches()) {
                throw refused(
                        f,
                        "a total is a count, a currency and an amount, not '"
                                + f.value().strip() + "'");
            }
            long count = s.entries().stream().filter(e -> e.credit() == credit).count();
            long sum = credit ? s.creditsMinor() : s.debitsMinor();
            long said = Money.ofMajor(number(f, m.group(3)), currency(f, m.group(2)))
                    .minor();
            if (Long.parseLong(m.group(1)) != count || said != sum) {
                throw refused(
                        f,
                        "the report states " + m.group(1) + " " + (credit ? "credits" : "debits") + " of " + m.group(3)
                                + " but its lines hold " + count + " of "
                                + Money.of(sum, s.currency().getCurrencyCode()).toPlainString());
            }
        }

        /** One statement line: {@code RC} and {@code RD} reverse a credit (a debit) and a debit (a credit). */
        private static BankTransaction entry(Line l, Currency c) {
            Tagged f = l.field();
            Field61 line = new Field61(f.value().strip());
            String mark = line.getDebitCreditMark();
            if (mark == null || !mark.matches("C|D|RC|RD|EC|ED")) {
                throw refused(f, "a statement line is C, D, RC or RD, not '" + mark + "'");
            }
            boolean credit = mark.endsWith("C") ? !mark.startsWith("R") : mark.startsWith("R");
            BigDecimal amount = number(f, line.getAmount());
            Optional<LocalDate> value = date(f, line.getValueDate());
            List<String> references = new ArrayList<>();
            Optional.ofNullable(line.getReferenceForTheAccountOwner())
                    .map(String::strip)
                    .filter(r -> !r.isEmpty() && !r.equals("NONREF"))
                    .ifPresent(references::add);
            String details = Optional.ofNullable(line.getSupplementaryDetails())
                    .orElse("")
                    .strip();
            List<String> remittance = new ArrayList<>(l.info());
            if (!details.isEmpty()) {
                remittance.add(details);
            }
            return new BankTransaction(
                    Optional.ofNullable(line.getReferenceOfTheAccountServicingInstitution())
                            .map(String::strip)
                            .orElse(""),
                    Money.ofMajor(amount, c),
                    credit,
                    mark.startsWith("R"),
                    "BOOK",
                    value,
                    value,
                    "",
                    "",
                    references,
                    remittance);
        }

        private static Optional<LocalDate> date(Tagged f, String yymmdd) {
            if (yymmdd == null || yymmdd.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(yymmdd.strip(), YYMMDD));
            } catch (DateTimeParseException e) {
                throw refused(f, "'" + yymmdd + "' is no date (YYMMDD)", e);
            }
        }
    }
}
