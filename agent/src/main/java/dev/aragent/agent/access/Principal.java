package dev.aragent.agent.access;

import dev.aragent.agent.ledger.TenantId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making a request, as their credential proves it: the person, the tenant the credential is for, their role
 * there, the scopes of the credential (all of the role's for a session) and how they came ({@code session}, {@code
 * token <name>}, {@code slack U123}). The audit log names them by {@link #actor()}.
 */
public record Principal(
        UUID person, String login, String name, TenantId tenant, Role role, Set<Permission> scopes, String via) {
    public Principal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** Whether both the role and the credential allow {@code p}. */
    public boolean may(Permission p) {
        return role.allows(p) && scopes.contains(p);
    }

    /** {@code dana@northwind.example (Dana Reyes, AR manager) via session}: the audit log's actor. */
    public String actor() {
        return login + " (" + name + ", " + role.title() + ") via " + via;
    }
}
