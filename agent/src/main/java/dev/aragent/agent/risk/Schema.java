package dev.aragent.agent.risk;

import java.util.ArrayList;
import java.util.List;

/** The ordered columns a model reads; saved with the model so scoring builds rows exactly as training did. */
public record Schema(List<Column> columns) {
    public Schema {
        columns = List.copyOf(columns);
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column names repeat: " + columns);
        }
    }

    public int width() {
        return columns.size();
    }

    public Column column(int i) {
        return columns.get(i);
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Indexes of the categorical columns, for the learner. */
    public int[] categoricalIndexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).categorical()) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public String[] names() {
        return columns.stream().map(Column::name).toArray(String[]::new);
    }
}
