package dev.aragent.imports;

import java.util.List;
import java.util.Locale;

/**
 * A column a reader knows: its canonical name (as documented in the README), whether a row needs it, and the other
 * headers that mean the same thing in the tools we read.
 */
record Field(String name, boolean required, List<String> aliases) {

    static Field required(String name, String... aliases) {
        return new Field(name, true, List.of(aliases));
    }

    static Field optional(String name, String... aliases) {
        return new Field(name, false, List.of(aliases));
    }

    /** Header folded for comparison: case, spaces, punctuation and a trailing "#" do not matter. */
    static String fold(String header) {
        return header.toLowerCase(Locale.ROOT)
                .replace("#", "number")
                .replace("no.", "number")
                .replaceAll("[^a-z0-9]", "");
    }

    boolean matches(String header) {
        String folded = fold(header);
        if (folded.isEmpty()) {
            return false;
        }
        if (fold(name).equals(folded)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> fold(a).equals(folded));
    }
}
