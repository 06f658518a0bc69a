package dev.aragent.imports;

import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.DataHealthReport.SchemaProblem;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ParsedImport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an import file (AR aging, customers, history, payments, notes) into a {@link ParsedImport}: the batch of valid
 * records and a {@link DataHealthReport} naming every problem by line and field. Reading writes nothing; whether the
 * batch is written is {@code ImportService}'s decision.
 */
public final class CsvImport {
    private static final Pattern AS_OF = Pattern.compile("(?i)\\bas (?:of|at)\\s+(.+?)\\s*$");
    private static final Pattern BUCKET_HEADING = Pattern.compile(
            "(?i)^(current|\\d+\\s*-\\s*\\d+\\s*days.*|\\d+\\s*(or more|\\+)\\s*days.*|.*past due|older|< ?1 month|\\d+ months?)$");
    private static final Pattern TOTAL = Pattern.compile("(?i)^(grand\\s+)?total\\b.*");

    private final Profile profile;
    private final Currency defaultCurrency;

    private CsvImport(Profile profile, Currency defaultCurrency) {
        this.profile = profile;
        this.defaultCurrency = defaultCurrency;
    }

    /** @param defaultCurrency the currency of amounts that state none (the tenant's home currency) */
    public static CsvImport create(Profile profile, Currency defaultCurrency) {
        return new CsvImport(profile, defaultCurrency);
    }

    /** Reads a file whose kind is known. */
    public ParsedImport read(String source, byte[] content, ImportKind kind) {
        if (!profile.kinds().contains(kind)) {
            throw new IllegalArgumentException(
                    "the " + profile.code() + " profile reads AR aging reports only, not " + kind.code());
        }
        CsvTable table;
        try {
            table = CsvTable.parse(content);
        } catch (CsvTable.UnreadableCsv e) {
            return unreadable(source, content, kind, e);
        }
        return read(source, content, table, kind);
    }

    /** Reads a file, taking its kind from its header: the kind whose columns it matches best. */
    public ParsedImport read(String source, byte[] content) {
        return read(source, content, detectKind(content));
    }

    /**
     * The kind whose header fits best: most of its required columns present, and most of the file's columns explained
     * (so an aging file with one renamed column is still read as an aging, and its report names the column). AGING when
     * nothing matches (its report then says why).
     */
    public ImportKind detectKind(byte[] content) {
        if (profile != Profile.GENERIC) {
            return ImportKind.AGING;
        }
        CsvTable table;
        try {
            table = CsvTable.parse(content);
        } catch (CsvTable.UnreadableCsv e) {
            return ImportKind.AGING;
        }
        return profile.kinds().stream()
                .filter(k -> k != ImportKind.INVOICES) // an aging's columns: named, never guessed
                .max(Comparator.comparingDouble(k -> fit(table, k)))
                .filter(k -> fit(table, k) > 0)
                .orElse(ImportKind.AGING);
    }

    private double fit(CsvTable table, ImportKind kind) {
        List<Field> fields = profile.fields(kind);
        return Header.find(table.lines(), fields)
                .map(h -> {
                    long required = fields.stream().filter(Field::required).count();
                    long found = fields.stream()
                            .filter(f -> f.required() && h.columns().containsKey(f.name()))
                            .count();
                    long columns = table.lines().get(h.index()).values().size();
                    // required columns found, then the share of the file's columns this kind explains
                    return (double) found / required + 0.5 * h.columns().size() / Math.max(1, columns);
                })
                .orElse(0.0);
    }

    private ParsedImport read(String source, byte[] content, CsvTable table, ImportKind kind) {
        List<Field> fields = profile.fields(kind);
        Optional<Header> found = Header.find(table.lines(), fields);
        BatchBuilder out = new BatchBuilder();
        if (found.isEmpty()) {
            String expected = String.join(
                    ", ",
                    fields.stream().filter(Field::required).map(Field::name).toList());
            return parsed(
                    source,
                    content,
                    kind,
                    Shape.unmapped(new SchemaProblem(
                            "(header)",
                            "no header row found in the first 40 lines: expected columns " + expected + " for "
                                    + kind.description() + " (profile " + profile.code() + ")",
                            Optional.empty(),
                            true)),
                    new Health(fields),
                    out);
        }
        Header header = found.get();
        Health health = new Health(fields);
        List<String> notes = tableNotes(table);
        if (header.index() > 0) {
            notes.add("skipped " + header.index() + " title line(s) above the header on line " + header.line());
            out.asOf = asOf(table.lines().subList(0, header.index()));
        }
        readRows(table, header, health, kind, out);
        return parsed(
                source,
                content,
                kind,
                new Shape(header.line(), health.fields(header), header.problems(), notes),
                health,
                out);
    }

    private void readRows(CsvTable table, Header header, Health health, ImportKind kind, BatchBuilder out) {
        AgingRows aging = new AgingRows(out, defaultCurrency);
        GenericRows other = new GenericRows(out, defaultCurrency);
        Optional<String> section = Optional.empty();
        int skippedTotals = 0;
        int headerWidth = table.lines().get(header.index()).cells().size();
        for (CsvTable.Line line :
                table.lines().subList(header.index() + 1, table.lines().size())) {
            if (line.blank()) {
                continue;
            }
            List<String> values = line.values();
            if (TOTAL.matcher(values.getFirst()).matches()) {
                skippedTotals++;
                continue;
            }
            if (profile.sectioned() && values.size() == 1 && !line.cell(0).isEmpty()) {
                section =
                        BUCKET_HEADING.matcher(values.getFirst()).matches() ? section : Optional.of(values.getFirst());
                continue;
            }
            Row row = new Row(line, header, health, profile.dateOrder());
            int width = width(line, headerWidth);
            if (width != headerWidth) {
                // an unquoted "$1,200.00" splits into two cells and shifts every value after it: refuse the row
                health.unreadable();
                row.problem(
                        "(row)",
                        String.join(String.valueOf(table.delimiter()), line.cells()),
                        "has " + width + " columns; the header on line " + header.line() + " has " + headerWidth
                                + " (a value with the delimiter in it must be quoted, e.g. \"$1,200.00\")");
                continue;
            }
            if (kind.aging() && aging.skipped(row)) {
                continue;
            }
            health.observe(row, kind.aging() ? AgingRows.exempt(row) : java.util.Set.of());
            switch (kind) {
                case AGING, INVOICES -> aging.read(row, section);
                case CUSTOMERS -> other.customer(row);
                case HISTORY -> other.history(row);
                case PAYMENTS -> other.payment(row);
                case NOTES -> other.note(row);
            }
        }
        if (kind == ImportKind.PAYMENTS) {
            other.finishPayments();
        }
        if (skippedTotals > 0) {
            out.notices.add("skipped " + skippedTotals + " total/subtotal line(s)");
        }
    }

    /**
     * The number of cells of a line as the header counts them: every cell up to its last non-blank one, and at least as
     * many as it has (a row padded with empty cells past the header is as wide as the header).
     */
    private static int width(CsvTable.Line line, int headerWidth) {
        int last = line.cells().size();
        while (last > headerWidth && line.cells().get(last - 1).isBlank()) {
            last--;
        }
        return last;
    }

    private static Optional<java.time.LocalDate> asOf(List<CsvTable.Line> titleLines) {
        for (CsvTable.Line line : titleLines) {
            for (String cell : line.values()) {
                Matcher m = AS_OF.matcher(cell);
                if (m.find()) {
                    Optional<java.time.LocalDate> date = Cells.date(m.group(1), Cells.DateOrder.MONTH_FIRST);
                    if (date.isPresent()) {
                        return date;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What the file's shape says before its rows: where the header is, the fields, schema problems, notes. */
    private record Shape(
            int headerLine, List<DataHealthReport.FieldHealth> fields, List<SchemaProblem> schema, List<String> notes) {
        static Shape unmapped(SchemaProblem problem) {
            return new Shape(0, List.of(), List.of(problem), List.of());
        }
    }

    private static List<String> tableNotes(CsvTable table) {
        List<String> notes = new ArrayList<>();
        if (table.delimiter() != ',') {
            notes.add("delimiter: '" + (table.delimiter() == '\t' ? "\\t" : String.valueOf(table.delimiter())) + "'");
        }
        if (!table.charset().startsWith("UTF-8")) {
            notes.add("encoding: " + table.charset());
        }
        return notes;
    }

    private ParsedImport parsed(
            String source, byte[] content, ImportKind kind, Shape shape, Health health, BatchBuilder out) {
        List<String> allNotes = new ArrayList<>(shape.notes());
        List<SchemaProblem> schema = shape.schema();
        int headerLine = shape.headerLine();
        out.asOf.ifPresent(d -> allNotes.add("report date: " + d));
        allNotes.addAll(out.notices);
        List<String> currencies = out.invoices.stream()
                .map(i -> i.amount().currency().getCurrencyCode())
                .distinct()
                .sorted()
                .toList();
        if (currencies.size() > 1) {
            allNotes.add("invoices in " + currencies.size() + " currencies (" + String.join(", ", currencies)
                    + "): each is kept and summed in its own currency");
        }
        boolean unmappable = schema.stream().anyMatch(SchemaProblem::fatal);
        int invalidRows = unmappable
                ? health.rows()
                : (int) health.problems().stream()
                        .filter(p -> !p.kept())
                        .map(p -> p.line())
                        .distinct()
                        .count();
        DataHealthReport report = new DataHealthReport(
                source,
                kind,
                profile.code(),
                headerLine,
                health.rows(),
                health.rows() - invalidRows,
                shape.fields(),
                schema,
                health.problems(),
                allNotes);
        ImportBatch batch = new ImportBatch(
                kind,
                source,
                sha256(content),
                out.asOf,
                List.copyOf(out.customers.values()),
                out.invoices,
                out.creditMemos,
                out.payments,
                out.notes);
        return new ParsedImport(report, batch);
    }

    private ParsedImport unreadable(String source, byte[] content, ImportKind kind, CsvTable.UnreadableCsv e) {
        return parsed(
                source,
                content,
                kind,
                Shape.unmapped(new SchemaProblem(
                        "(file)", "line " + e.line() + ": " + e.getMessage(), Optional.empty(), true)),
                new Health(List.of()),
                new BatchBuilder());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    @Override
    public String toString() {
        return "CsvImport[" + profile.code() + ", "
                + defaultCurrency.getCurrencyCode().toLowerCase(Locale.ROOT) + "]";
    }
}
