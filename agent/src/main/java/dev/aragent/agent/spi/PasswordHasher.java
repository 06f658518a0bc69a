package dev.aragent.agent.spi;

/**
 * Hashes passwords slowly and checks them in constant time. Adapters: server (Argon2id through Bouncy Castle), agent
 * tests (a fast one for unit tests of the rules around it).
 */
public interface PasswordHasher {
    /** A self-describing hash (PHC string format) with a fresh salt. */
    String hash(char[] password);

    /** Whether {@code password} matches {@code hash}; false for a hash it cannot read. */
    boolean matches(char[] password, String hash);
}
