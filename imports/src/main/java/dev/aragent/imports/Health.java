package dev.aragent.imports;

import dev.aragent.agent.imports.DataHealthReport.FieldHealth;
import dev.aragent.agent.imports.DataHealthReport.RowProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts, per field, the rows seen, the cells missing and the values invalid, and keeps every problem. */
final class Health {
    private final List<Field> fields;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private int rows;

    Health(List<Field> fields) {
        this.fields = fields;
        for (Field f : fields) {
            counts.put(f.name(), new int[2]);
        }
    }

    /**
     * Counts the blank cells of a data line, mapped or not (an unmapped required column is blank everywhere), except
     * fields that do not apply to this row (a credit memo has no due date).
     */
    void observe(Row row, java.util.Set<String> exempt) {
        rows++;
        for (Field f : fields) {
            if (!exempt.contains(f.name()) && row.text(f.name()).isEmpty() && (f.required() || row.has(f.name()))) {
                counts.get(f.name())[0]++;
            }
        }
    }

    /** A data line whose cells cannot be read as fields at all (its shape is wrong): a row, with no field counted. */
    void unreadable() {
        rows++;
    }

    void problem(RowProblem problem, boolean invalid) {
        problems.add(problem);
        int[] c = counts.get(problem.field());
        if (invalid && c != null) {
            c[1]++;
        }
    }

    int rows() {
        return rows;
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** Fields a file has or needs: required ones always, optional ones when they have a column. */
    List<FieldHealth> fields(Header header) {
        List<FieldHealth> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.required() || header.columns().containsKey(f.name())) {
                int[] c = counts.get(f.name());
                out.add(new FieldHealth(f.name(), f.required(), c[0], c[1], rows));
            }
        }
        return out;
    }
}
