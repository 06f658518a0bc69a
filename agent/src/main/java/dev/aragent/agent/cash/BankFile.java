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

    /** The hex SHA-256 of {@code content}: a file's identity (and, shortened, an entry's without a reference). */
    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
