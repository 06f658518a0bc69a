package dev.aragent.agent.access;

import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in browser: stored under the hash of its cookie's value, for one person in one tenant, with the CSRF token
 * its pages send back, when it began, when it was last used and when it ends whatever happens.
 */
public record Session(
        String hash,
        UUID person,
        TenantId tenant,
        String csrf,
        Instant createdAt,
        Instant lastSeenAt,
        Instant endsAt) {}
