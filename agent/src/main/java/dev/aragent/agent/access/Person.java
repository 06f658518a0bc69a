package dev.aragent.agent.access;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who signs in: a login (their email, lower-case), a display name, whether they are disabled, how many
 * sign-ins failed in a row and until when they are locked out.
 */
public record Person(
        UUID id, String login, String name, boolean disabled, int failures, Optional<Instant> lockedUntil) {
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._%+'-]+@[a-z0-9.-]+\\.[a-z]{2,}");

    public Person {
        login = normalLogin(login);
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a person's name must be 1-200 printable characters");
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures cannot be negative");
        }
    }

    /** The login as stored: stripped, lower-case, a plausible email address. */
    public static String normalLogin(String login) {
        String l = login.strip().toLowerCase(Locale.ROOT);
        if (l.length() > 254 || !LOGIN.matcher(l).matches()) {
            throw new IllegalArgumentException("a login is the person's email address, e.g. dana@northwind.example");
        }
        return l;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
