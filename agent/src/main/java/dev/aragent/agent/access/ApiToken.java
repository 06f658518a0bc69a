package dev.aragent.agent.access;

import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A machine's credential: issued by a person for one tenant, scoped, expiring, revocable; stored only as the hash of
 * its secret, which is shown once.
 */
public record ApiToken(
        UUID id,
        TenantId tenant,
        UUID person,
        String name,
        Set<Permission> scopes,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt) {
    public ApiToken {
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a token's name must be 1-100 printable characters");
        }
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one scope");
        }
    }

    public boolean liveAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
