package dev.aragent.agent.imports;

/** What a reader made of a file: the health report and the batch of rows that passed validation. */
public record ParsedImport(DataHealthReport report, ImportBatch batch) {}
