package dev.aragent.agent.spi;

import dev.aragent.agent.access.ApiToken;
import dev.aragent.agent.access.Member;
import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Person;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.access.Session;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** People, sessions and tokens in maps, for the core's tests; runs {@link AccessBookContract}. */
public final class InMemoryAccessBook implements AccessBook {
    private final Map<UUID, Person> people = new LinkedHashMap<>();
    private final Map<UUID, String> hashes = new LinkedHashMap<>();
    private final Map<UUID, List<Membership>> roles = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, ApiToken> tokens = new LinkedHashMap<>();
    private final Map<TenantId, String> tenants = new LinkedHashMap<>();
    private final Map<UUID, TotpState> totp = new LinkedHashMap<>();
    private final java.util.Set<TenantId> totpTenants = new java.util.HashSet<>();
    /** The audit lines written, {@code actor action subject}. */
    public final List<String> audit = new ArrayList<>();

    @Override
    public synchronized Optional<Person> person(String login) {
        return people.values().stream().filter(p -> p.login().equals(login)).findFirst();
    }

    @Override
    public synchronized Optional<Person> person(UUID id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public synchronized Optional<String> passwordHash(UUID person) {
        return Optional.ofNullable(hashes.get(person));
    }

    @Override
    public synchronized List<Membership> memberships(UUID person) {
        return List.copyOf(roles.getOrDefault(person, List.of()));
    }

    @Override
    public synchronized List<Member> members(TenantId tenant) {
        List<Member> out = new ArrayList<>();
        roles.forEach((id, ms) -> ms.stream()
                .filter(m -> m.tenant().equals(tenant))
                .forEach(m -> out.add(new Member(people.get(id), m))));
        return out;
    }

    @Override
    public synchronized Optional<Member> member(UUID person, TenantId tenant) {
        return members(tenant).stream()
                .filter(m -> m.person().id().equals(person))
                .findFirst();
    }

    @Override
    public synchronized Optional<Member> slackMember(TenantId tenant, String slackUser) {
        return members(tenant).stream()
                .filter(m ->
                        m.membership().slackUser().filter(slackUser::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized boolean anyAdmin() {
        return roles.entrySet().stream()
                .anyMatch(e -> !people.get(e.getKey()).disabled()
                        && e.getValue().stream().anyMatch(m -> m.role() == Role.ADMIN));
    }

    @Override
    public synchronized Person enroll(
            String login, String name, Optional<String> passwordHash, Membership membership, Change change) {
        tenants.putIfAbsent(membership.tenant(), membership.tenant().value());
        Person p = person(login).orElseGet(() -> {
            Person n = new Person(UUID.randomUUID(), login, name, false, 0, Optional.empty());
            people.put(n.id(), n);
            passwordHash.ifPresent(h -> hashes.put(n.id(), h));
            return n;
        });
        List<Membership> ms = roles.computeIfAbsent(p.id(), k -> new ArrayList<>());
        ms.removeIf(m -> m.tenant().equals(membership.tenant()));
        ms.add(membership);
        audit.add(change.actor() + " person.enrolled " + login);
        return p;
    }

    @Override
    public synchronized void setPassword(UUID person, String passwordHash, Change change) {
        hashes.put(person, passwordHash);
        Person p = people.get(person);
        people.put(person, new Person(p.id(), p.login(), p.name(), p.disabled(), 0, Optional.empty()));
        sessions.values().removeIf(s -> s.person().equals(person));
        audit.add(change.actor() + " person.password_reset " + p.login());
    }

    @Override
    public synchronized void setDisabled(UUID person, boolean disabled, Change change) {
        Person p = people.get(person);
        people.put(person, new Person(p.id(), p.login(), p.name(), disabled, p.failures(), p.lockedUntil()));
        if (disabled) {
            sessions.values().removeIf(s -> s.person().equals(person));
        }
        audit.add(change.actor() + (disabled ? " person.disabled " : " person.enabled ") + p.login());
    }

    @Override
    public synchronized java.util.OptionalInt attempt(UUID person, Instant now) {
        Person p = people.get(person);
        if (p.lockedAt(now)) {
            return java.util.OptionalInt.empty();
        }
        people.put(person, new Person(p.id(), p.login(), p.name(), p.disabled(), p.failures() + 1, Optional.empty()));
        return java.util.OptionalInt.of(p.failures() + 1);
    }

    @Override
    public synchronized void lock(UUID person, Instant until) {
        Person p = people.get(person);
        people.put(person, new Person(p.id(), p.login(), p.name(), p.disabled(), 0, Optional.of(until)));
    }

    @Override
    public synchronized void signInSucceeded(UUID person) {
        Person p = people.get(person);
        people.put(person, new Person(p.id(), p.login(), p.name(), p.disabled(), 0, Optional.empty()));
    }

    /** Attempts at logins that are nobody's: the count in a row and the lock. */
    private record Unknown(int failures, Optional<Instant> lockedUntil) {}

    private final Map<String, Unknown> unknown = new HashMap<>();

    @Override
    public synchronized java.util.OptionalInt attemptUnknown(String login, Instant now) {
        Unknown u = unknown.getOrDefault(login, new Unknown(0, Optional.empty()));
        if (u.lockedUntil().map(now::isBefore).orElse(false)) {
            return java.util.OptionalInt.empty();
        }
        unknown.put(login, new Unknown(u.failures() + 1, Optional.empty()));
        return java.util.OptionalInt.of(u.failures() + 1);
    }

    @Override
    public synchronized void lockUnknown(String login, Instant until) {
        unknown.put(login, new Unknown(0, Optional.of(until)));
    }

    @Override
    public synchronized Optional<Instant> unknownLockedUntil(String login) {
        return Optional.ofNullable(unknown.get(login)).flatMap(Unknown::lockedUntil);
    }

    @Override
    public synchronized void openSession(Session session) {
        sessions.put(session.hash(), session);
    }

    @Override
    public synchronized Optional<Session> session(String hash) {
        return Optional.ofNullable(sessions.get(hash));
    }

    @Override
    public synchronized void touchSession(String hash, Instant at) {
        sessions.computeIfPresent(
                hash, (k, s) -> new Session(s.hash(), s.person(), s.tenant(), s.csrf(), s.createdAt(), at, s.endsAt()));
    }

    @Override
    public synchronized void closeSession(String hash) {
        sessions.remove(hash);
    }

    @Override
    public synchronized void issueToken(ApiToken token, String secretHash, Change change) {
        tokens.put(secretHash, token);
        audit.add(change.actor() + " token.issued " + token.id());
    }

    @Override
    public synchronized Optional<ApiToken> token(String secretHash) {
        return Optional.ofNullable(tokens.get(secretHash));
    }

    @Override
    public synchronized void tokenUsed(UUID token, Instant at) {
        tokens.replaceAll((h, t) -> t.id().equals(token) ? with(t, t.revokedAt(), Optional.of(at)) : t);
    }

    @Override
    public synchronized List<ApiToken> tokens(TenantId tenant) {
        return tokens.values().stream().filter(t -> t.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized boolean revokeToken(TenantId tenant, UUID token, Change change) {
        boolean[] done = {false};
        tokens.replaceAll((h, t) -> {
            if (t.id().equals(token)
                    && t.tenant().equals(tenant)
                    && t.revokedAt().isEmpty()) {
                done[0] = true;
                return with(t, Optional.of(change.at()), t.lastUsedAt());
            }
            return t;
        });
        if (done[0]) {
            audit.add(change.actor() + " token.revoked " + token);
        }
        return done[0];
    }

    @Override
    public synchronized Optional<TotpState> totp(UUID person) {
        return Optional.ofNullable(totp.get(person));
    }

    @Override
    public synchronized void setTotp(UUID person, Optional<String> secret, Change change) {
        secret.ifPresentOrElse(
                s -> totp.put(person, new TotpState(s, java.util.OptionalLong.empty())), () -> totp.remove(person));
        audit.add(change.actor()
                + (secret.isPresent() ? " person.totp_enrolled " : " person.totp_removed ")
                + people.get(person).login());
    }

    @Override
    public synchronized boolean useTotpStep(UUID person, long step) {
        TotpState t = totp.get(person);
        if (t == null || (t.lastStep().isPresent() && t.lastStep().getAsLong() >= step)) {
            return false;
        }
        totp.put(person, new TotpState(t.secret(), java.util.OptionalLong.of(step)));
        return true;
    }

    @Override
    public synchronized boolean totpRequired(TenantId tenant) {
        return totpTenants.contains(tenant);
    }

    @Override
    public synchronized void requireTotp(TenantId tenant, boolean required, Change change) {
        if (required) {
            totpTenants.add(tenant);
        } else {
            totpTenants.remove(tenant);
        }
    }

    @Override
    public synchronized boolean addTenant(TenantId tenant, String name, Change change) {
        return tenants.putIfAbsent(tenant, name) == null;
    }

    @Override
    public synchronized List<Map.Entry<TenantId, String>> tenants() {
        return List.copyOf(tenants.entrySet());
    }

    private static ApiToken with(ApiToken t, Optional<Instant> revoked, Optional<Instant> used) {
        return new ApiToken(
                t.id(), t.tenant(), t.person(), t.name(), t.scopes(), t.createdAt(), t.expiresAt(), revoked, used);
    }
}
