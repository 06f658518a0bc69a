package dev.aragent.agent.spi;

import dev.aragent.agent.access.Secrets;

/**
 * Salted SHA-256 in a PHC-like string: fast, for the rules around hashing (lockout, sessions, codes); the real hasher is
 * Argon2id (server's {@code Argon2Passwords}). Never for people's passwords.
 */
public final class FastPasswordHasher implements PasswordHasher {
    @Override
    public String hash(char[] password) {
        String salt = Secrets.token("").substring(0, 8);
        return "$test$" + salt + "$" + Secrets.hash(salt + new String(password));
    }

    @Override
    public boolean matches(char[] password, String hash) {
        String[] p = hash.split("\\$");
        return p.length == 4 && p[1].equals("test") && Secrets.same(p[3], Secrets.hash(p[2] + new String(password)));
    }
}
