package dev.aragent.agent.imports;

import java.util.List;
import java.util.Optional;

/**
 * What an import file is worth before anything is written: per-field missing and invalid counts, every invalid row
 * with its line and reason, and schema drift (missing or renamed columns). {@link #verdict()} decides whether the
 * file may be written as is.
 *
 * @param headerLine 1-based line of the header row (title lines above it are skipped), 0 when none was found
 * @param rows data rows read (blank and total lines excluded)
 */
public record DataHealthReport(
        String source,
        ImportKind kind,
        String profile,
        int headerLine,
        int rows,
        int validRows,
        List<FieldHealth> fields,
        List<SchemaProblem> schemaProblems,
        List<RowProblem> problems,
        List<String> notes) {

    /** Above this share of missing required cells the data is too thin to score: the import is blocked. */
    public static final double MAX_REQUIRED_MISSING = 0.10;

    public DataHealthReport {
        fields = List.copyOf(fields);
        schemaProblems = List.copyOf(schemaProblems);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Completeness of one column. */
    public record FieldHealth(String field, boolean required, int missing, int invalid, int rows) {
        public double missingRatio() {
            return rows == 0 ? 0 : (double) missing / rows;
        }
    }

    /**
     * A problem with the file's shape: a missing or renamed column, an unreadable line. A fatal one means nothing can be
     * mapped; a non-fatal one (an unexpected column) is information.
     *
     * @param renamedTo the header that looks like this column under a new name, when one does
     */
    public record SchemaProblem(String column, String message, Optional<String> renamedTo, boolean fatal) {}

    /**
     * One invalid value in one row; {@code line} is the 1-based line in the file. {@code kept}: the value was optional,
     * so the row is written without it (flagged, not refused).
     */
    public record RowProblem(int line, String field, String value, String reason, boolean kept) {
        /** A problem that keeps its row out of the import. */
        public RowProblem(int line, String field, String value, String reason) {
            this(line, field, value, reason, false);
        }
    }

    /** Whether the file can be written. */
    public enum Verdict {
        /** Every row valid. */
        CLEAN,
        /** Some rows invalid; the rest may be written only if the user accepts the report. */
        INVALID_ROWS,
        /** More than {@link #MAX_REQUIRED_MISSING} of required cells are empty: blocked unless accepted. */
        BLOCKED_MISSING_DATA,
        /** Required columns missing or unrecognisable: nothing can be mapped, acceptance does not help. */
        SCHEMA_MISMATCH,
        /** No data rows. */
        EMPTY;

        /** Whether {@code --accept-health-report} can override this verdict. */
        public boolean acceptable() {
            return this == INVALID_ROWS || this == BLOCKED_MISSING_DATA;
        }
    }

    public int invalidRows() {
        return rows - validRows;
    }

    /** Share of required cells that are empty, over all required fields and rows. */
    public double requiredMissingRatio() {
        long cells = 0;
        long missing = 0;
        for (FieldHealth field : fields) {
            if (field.required()) {
                cells += field.rows();
                missing += field.missing();
            }
        }
        return cells == 0 ? 0 : (double) missing / cells;
    }

    public Verdict verdict() {
        if (!schemaProblems.stream()
                        .filter(p -> p.message().startsWith("missing"))
                        .toList()
                        .isEmpty()
                || headerLine == 0) {
            return Verdict.SCHEMA_MISMATCH;
        }
        if (rows == 0) {
            return Verdict.EMPTY;
        }
        if (requiredMissingRatio() > MAX_REQUIRED_MISSING) {
            return Verdict.BLOCKED_MISSING_DATA;
        }
        return validRows == rows ? Verdict.CLEAN : Verdict.INVALID_ROWS;
    }
}
