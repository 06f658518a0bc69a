package dev.aragent.imports;

import dev.aragent.agent.imports.DataHealthReport.SchemaProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the header row (title lines may stand above it) and maps its columns to a layout's fields. A required field
 * with no column is schema drift: the report names it, and names the unmatched header that looks like it renamed.
 */
record Header(int index, int line, Map<String, Integer> columns, List<SchemaProblem> problems) {

    /** The first of the leading lines that matches at least half of the required fields, or empty. */
    static Optional<Header> find(List<CsvTable.Line> lines, List<Field> fields) {
        long required = fields.stream().filter(Field::required).count();
        int best = -1;
        int bestScore = 0;
        for (int i = 0; i < Math.min(lines.size(), 40); i++) {
            int score = matchCount(lines.get(i), fields);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0 || bestScore < Math.max(1, (required + 1) / 2)) {
            return Optional.empty();
        }
        return Optional.of(map(best, lines.get(best), fields));
    }

    private static int matchCount(CsvTable.Line line, List<Field> fields) {
        int n = 0;
        for (Field f : fields) {
            for (String cell : line.cells()) {
                if (f.matches(cell)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static Header map(int index, CsvTable.Line line, List<Field> fields) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (Field f : fields) {
            for (int c = 0; c < line.cells().size(); c++) {
                if (!used.contains(c) && f.matches(line.cells().get(c))) {
                    columns.put(f.name(), c);
                    used.add(c);
                    break;
                }
            }
        }
        List<SchemaProblem> problems = new ArrayList<>();
        List<Integer> unmatched = new ArrayList<>();
        for (int c = 0; c < line.cells().size(); c++) {
            if (!used.contains(c) && !line.cells().get(c).isBlank()) {
                unmatched.add(c);
            }
        }
        for (Field f : fields) {
            if (f.required() && !columns.containsKey(f.name())) {
                Optional<String> renamed = closest(f, unmatched, line);
                problems.add(new SchemaProblem(
                        f.name(),
                        renamed.map(r -> "missing required column '" + f.name() + "': column '" + r
                                        + "' looks like it, renamed; rename it to '" + f.name() + "'")
                                .orElse("missing required column '" + f.name() + "' (also accepted: "
                                        + String.join(", ", f.aliases()) + ")"),
                        renamed,
                        true));
            }
        }
        for (int c : unmatched) {
            String header = line.cells().get(c).strip();
            if (problems.stream()
                    .anyMatch(p -> p.renamedTo().filter(header::equals).isPresent())) {
                continue;
            }
            problems.add(new SchemaProblem(
                    line.cells().get(c),
                    "column '" + line.cells().get(c).strip() + "' is not used by this profile; it is ignored",
                    Optional.empty(),
                    false));
        }
        return new Header(index, line.number(), Map.copyOf(columns), List.copyOf(problems));
    }

    /** The unmatched header most like the field's name or an alias, if close enough to be a rename. */
    private static Optional<String> closest(Field field, List<Integer> unmatched, CsvTable.Line line) {
        String best = null;
        double bestScore = 0;
        for (int c : unmatched) {
            String header = line.cells().get(c);
            String h = Field.fold(header);
            List<String> names = new ArrayList<>(field.aliases());
            names.add(field.name());
            for (String name : names) {
                double score = similarity(Field.fold(name), h);
                if (score > bestScore) {
                    bestScore = score;
                    best = header.strip();
                }
            }
        }
        return bestScore >= 0.6 ? Optional.ofNullable(best) : Optional.empty();
    }

    /** 1 − edit distance / longer length, with containment counted as close. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.contains(b) || b.contains(a)) {
            return Math.max(0.6, (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length()));
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / Math.max(a.length(), b.length());
    }
}
