package dev.aragent.agent.imports;

/** How an import ended. Only {@link Applied} wrote anything. */
public sealed interface ImportOutcome {
    DataHealthReport report();

    /** The batch was written in one transaction. */
    record Applied(DataHealthReport report, Changes changes, boolean acceptedWithProblems) implements ImportOutcome {}

    /** The file matched the book exactly: nothing was written. */
    record Unchanged(DataHealthReport report) implements ImportOutcome {}

    /** Nothing was written; {@code reason} says why and what to do. */
    record Rejected(DataHealthReport report, String reason) implements ImportOutcome {}
}
