package dev.aragent.console;

import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.imports.ImportRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The imports page: a file to bring in (its tool and kind), its data-health report before anything is written — with
 * the choice to import it (or only its valid rows) or not — and the history of imports, who and when.
 */
public record Imports(Who who, List<Kind> kinds, List<Past> history) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    public Imports {
        kinds = List.copyOf(kinds);
        history = List.copyOf(history);
    }

    /** A kind of file the form offers. */
    public record Kind(String code, String label) {}

    /** One past import. */
    public record Past(
            String when, String kind, String source, String profile, String who, String rows, String changed) {}

    /** The page: CSV imports and bank files together, latest first. */
    public static Imports of(
            Who who, List<ImportRecord> history, List<dev.aragent.agent.spi.CashBook.FiledFile> bank, ZoneId zone) {
        record Dated(java.time.Instant at, Past past) {}
        List<Dated> all = new java.util.ArrayList<>();
        history.forEach(r -> all.add(new Dated(
                r.at(),
                new Past(
                        r.at().atZone(zone).format(WHEN),
                        r.kind().code(),
                        r.source(),
                        r.profile(),
                        r.actor(),
                        r.validRows() + " of " + r.rows() + " valid"
                                + (r.acceptedWithProblems() ? " (problems accepted)" : ""),
                        r.changes().inserted() + " new, " + r.changes().updated() + " updated, "
                                + r.changes().closed() + " closed"))));
        bank.forEach(f -> all.add(new Dated(
                f.at(),
                new Past(
                        f.at().atZone(zone).format(WHEN),
                        "bank",
                        f.source(),
                        f.format(),
                        f.by(),
                        f.entries() + " entries",
                        f.added() + " new, " + (f.entries() - f.added()) + " already in the cash book"))));
        all.sort(java.util.Comparator.comparing(Dated::at).reversed());
        return new Imports(
                who,
                Arrays.stream(ImportKind.values())
                        .map(k -> new Kind(k.code(), k.code() + " — " + k.description()))
                        .toList(),
                all.stream().map(Dated::past).toList());
    }

    /**
     * A file's health report as the page shows it, and what may be done next.
     *
     * @param verdict the report's verdict in words
     * @param next {@code import} (clean), {@code accept} (problems a person may accept), or {@code none}
     * @param done what importing did, once it was asked (empty before)
     * @param refused whether that changed nothing
     */
    public record Check(
            String source,
            String kind,
            String profile,
            DataHealthReport report,
            String verdict,
            String next,
            String done,
            boolean refused,
            String query) {

        /** The report of a file not yet written; {@code query} repeats the file's name, tool and kind for the import. */
        public static Check of(DataHealthReport r, String query) {
            var v = r.verdict();
            return new Check(
                    r.source(),
                    r.kind().code(),
                    r.profile(),
                    r,
                    verdict(v),
                    v == DataHealthReport.Verdict.CLEAN ? "import" : v.acceptable() ? "accept" : "none",
                    "",
                    false,
                    query);
        }

        /** What importing the file did. */
        public static Check of(ImportOutcome o, String query) {
            Check c = of(o.report(), query);
            String done =
                    switch (o) {
                        case ImportOutcome.Applied a ->
                            "Imported: " + a.changes().inserted() + " new, "
                                    + a.changes().updated() + " updated, "
                                    + a.changes().closed() + " closed"
                                    + (a.acceptedWithProblems() ? " (the invalid rows were left out)." : ".");
                        case ImportOutcome.Unchanged u -> "Unchanged: the book already holds exactly this file.";
                        case ImportOutcome.Rejected r -> "Not imported: " + r.reason();
                    };
            return new Check(
                    c.source(),
                    c.kind(),
                    c.profile(),
                    c.report(),
                    c.verdict(),
                    "none",
                    done,
                    o instanceof ImportOutcome.Rejected,
                    query);
        }

        /** A file that could not be read at all. */
        public static Optional<String> unreadable(String reason) {
            return Optional.of("The file could not be read: " + reason);
        }

        private static String verdict(DataHealthReport.Verdict v) {
            return switch (v) {
                case CLEAN -> "Clean: every row is valid.";
                case INVALID_ROWS -> "Some rows are invalid: fix them, or import only the valid rows.";
                case BLOCKED_MISSING_DATA ->
                    "Too many required cells are empty to score on: fill them in, or import anyway and scoring"
                            + " stays blocked for this book.";
                case SCHEMA_MISMATCH -> "The columns do not match this tool and kind: nothing can be imported.";
                case EMPTY -> "The file has no data rows.";
            };
        }

        /** The fields with missing or invalid cells. */
        public List<DataHealthReport.FieldHealth> gaps() {
            return report.fields().stream()
                    .filter(f -> f.missing() > 0 || f.invalid() > 0)
                    .toList();
        }

        /** Invalid rows, at most 50 of them. */
        public List<DataHealthReport.RowProblem> problems() {
            return report.problems().stream().limit(50).toList();
        }

        public String percent(double ratio) {
            return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
        }
    }

    /**
     * A bank file read before anything is written — its format and each statement's account, entries in and out and
     * whether its balances reconcile — or what taking it did ({@code done}: entries new and known, receipts applied by
     * the agent and left for a person).
     */
    public record BankCheck(
            String source, String format, List<Statement> statements, String done, boolean refused, String query) {
        public BankCheck {
            statements = List.copyOf(statements);
        }

        /** One statement as the check lists it. */
        public record Statement(
                String id, String account, int entries, String in, String out, String balances, boolean balanced) {}

        public static BankCheck read(dev.aragent.agent.cash.BankFile file, String query) {
            return new BankCheck(
                    file.source(),
                    file.format(),
                    file.statements().stream().map(BankCheck::statement).toList(),
                    "",
                    false,
                    query);
        }

        /** Why taking a bank file changed nothing, as the console and the CLI say it. */
        public static String unchanged(dev.aragent.agent.app.CashDesk.Taken t) {
            return "Unchanged: "
                    + (t.filed().sameFile()
                            ? "this file was imported before"
                            : "every entry is already in the cash book")
                    + "; nothing was written.";
        }

        public static BankCheck taken(dev.aragent.agent.app.CashDesk.Taken t, String query) {
            BankCheck read = read(t.file(), query);
            String done = t.unchanged()
                    ? unchanged(t)
                    : "Imported: " + t.filed().added().size() + " new entries, "
                            + t.filed().known()
                            + " already in the cash book. The agent applied " + t.applied() + " receipt"
                            + (t.applied() == 1 ? "" : "s") + "; " + t.waiting() + " wait"
                            + (t.waiting() == 1 ? "s" : "") + " for a person in unapplied cash.";
            return new BankCheck(read.source(), read.format(), read.statements(), done, false, query);
        }

        private static Statement statement(dev.aragent.agent.cash.BankStatement s) {
            String code = s.currency().getCurrencyCode();
            String balances = s.opening().isEmpty() || s.closing().isEmpty()
                    ? "none stated"
                    : s.opening().get().format() + " → " + s.closing().get().format()
                            + (s.reconciles().orElse(false) ? ": the entries add up" : ": the entries do NOT add up");
            return new Statement(
                    s.id().isBlank() ? "—" : s.id(),
                    s.account(),
                    s.entries().size(),
                    dev.aragent.agent.ledger.Money.of(s.creditsMinor(), code).format(),
                    dev.aragent.agent.ledger.Money.of(s.debitsMinor(), code).format(),
                    balances,
                    s.reconciles().orElse(true));
        }
    }
}
