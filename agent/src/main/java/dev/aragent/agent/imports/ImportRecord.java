package dev.aragent.agent.imports;

import java.time.Instant;
import java.util.Objects;

/**
 * One import that changed the book, as its history lists it: when, what kind of file under which name and profile,
 * who brought it in, its rows read and valid, whether problems were knowingly accepted, and what it changed.
 */
public record ImportRecord(
        Instant at,
        ImportKind kind,
        String source,
        String profile,
        String actor,
        int rows,
        int validRows,
        boolean acceptedWithProblems,
        Changes changes) {
    public ImportRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
