package dev.aragent.agent.cash;

import java.util.List;

/**
 * One bank file as it was brought in: its name, the SHA-256 of its bytes (the same file brought twice is known), its
 * format ({@code camt.053.001.02}, {@code mt940}, {@code bai2}, {@code csv:generic}) and its statements.
 */
public record BankFile(String source, String sha256, String format, List<BankStatement> statements) {
    public BankFile {
        statements = List.copyOf(statements);
    }

    /** Every entry of every statement, in the file's order. */
    public int entries() {
        return statements.stream().mapToInt(s -> s.entries().size()).sum();
    }
}
