package dev.aragent.agent.risk;

import java.util.List;

/**
 * One model input. A numeric column holds its value (NaN when unknown); a categorical one holds the index of its level
 * in {@code levels} (NaN when unknown or a level not seen in training).
 */
public record Column(String name, boolean categorical, List<String> levels) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        levels = List.copyOf(levels);
    }

    public static Column numeric(String name) {
        return new Column(name, false, List.of());
    }

    public static Column categorical(String name, List<String> levels) {
        return new Column(name, true, levels);
    }

    /** The value that stands for {@code level}: its index, or NaN when the column never saw it. */
    public double code(String level) {
        int i = levels.indexOf(level);
        return i < 0 ? Double.NaN : i;
    }

    /** The level a categorical value stands for, or "unknown". */
    public String level(double value) {
        if (Double.isNaN(value) || value < 0 || value >= levels.size()) {
            return "unknown";
        }
        return levels.get((int) value);
    }
}
