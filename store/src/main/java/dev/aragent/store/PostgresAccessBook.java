package dev.aragent.store;

import dev.aragent.agent.access.ApiToken;
import dev.aragent.agent.access.Member;
import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Person;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.access.Session;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccessBook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * People, memberships, sessions and API tokens in PostgreSQL. Changes to people and tokens append to the audit log of
 * every tenant they touch, in the same transaction.
 */
public final class PostgresAccessBook implements AccessBook {
    private static final String PERSON = "select person_id, login, name, disabled, failures, locked_until from people";

    private final Jdbi jdbi;
    private final ColumnKey key;

    private PostgresAccessBook(Jdbi jdbi, ColumnKey key) {
        this.jdbi = jdbi;
        this.key = key;
    }

    /** The book on {@code database}, authenticator secrets sealed with {@code key} (kept outside the database). */
    public static PostgresAccessBook create(Database database, ColumnKey key) {
        return new PostgresAccessBook(database.service(), key);
    }

    @Override
    public Optional<Person> person(String login) {
        return Failures.translate(
                "read a person",
                () -> jdbi.withHandle(h -> h.createQuery(PERSON + " where login = :l")
                        .bind("l", login)
                        .map((rs, ctx) -> person(rs))
                        .findFirst()));
    }

    @Override
    public Optional<Person> person(UUID id) {
        return Failures.translate(
                "read a person",
                () -> jdbi.withHandle(h -> h.createQuery(PERSON + " where person_id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> person(rs))
                        .findFirst()));
    }

    @Override
    public Optional<String> passwordHash(UUID person) {
        return Failures.translate(
                "read a password hash",
                () -> jdbi.withHandle(h -> h.createQuery("select password_hash from people where person_id = :id")
                        .bind("id", person)
                        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                        .findFirst()
                        .flatMap(o -> o)));
    }

    @Override
    public List<Membership> memberships(UUID person) {
        return Failures.translate(
                "read memberships",
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select tenant_id, role, slack_user from memberships where person_id = :id order by granted_at, tenant_id")
                        .bind("id", person)
                        .map((rs, ctx) -> membership(rs))
                        .list()));
    }

    /** People with their membership in tenant {@code :t}; {@code condition} narrows them. */
    private static final String MEMBERS = """
            select p.person_id, p.login, p.name, p.disabled, p.failures, p.locked_until,
                   m.tenant_id, m.role, m.slack_user
            from memberships m join people p using (person_id)
            where m.tenant_id = :t""";

    private List<Member> members(TenantId tenant, String condition, Map<String, Object> binds) {
        return Failures.translate(
                "read members",
                () -> jdbi.withHandle(h -> h.createQuery(MEMBERS + condition)
                        .bind("t", tenant.value())
                        .bindMap(binds)
                        .map((rs, ctx) -> new Member(person(rs), membership(rs)))
                        .list()));
    }

    @Override
    public List<Member> members(TenantId tenant) {
        return members(tenant, " order by p.login", Map.of());
    }

    @Override
    public Optional<Member> member(UUID person, TenantId tenant) {
        return members(tenant, " and m.person_id = :p", Map.of("p", person)).stream()
                .findFirst();
    }

    @Override
    public Optional<Member> slackMember(TenantId tenant, String slackUser) {
        return members(tenant, " and m.slack_user = :u", Map.of("u", slackUser)).stream()
                .findFirst();
    }

    @Override
    public boolean anyAdmin() {
        return Failures.translate(
                "look for an admin",
                () -> jdbi.withHandle(
                        h -> h.createQuery("""
                        select exists (select 1 from memberships m join people p using (person_id)
                                       where m.role = 'admin' and not p.disabled)""").mapTo(Boolean.class).one()));
    }

    @Override
    public Person enroll(
            String login, String name, Optional<String> passwordHash, Membership membership, Change change) {
        return Failures.translate(
                "enroll a person",
                () -> jdbi.inTransaction(h -> {
                    OffsetDateTime at = utc(change.at());
                    h.createUpdate(
                                    "insert into tenants (tenant_id, name, created_at) values (:t, :t, :at) on conflict do nothing")
                            .bind("t", membership.tenant().value())
                            .bind("at", at)
                            .execute();
                    h.createUpdate("""
                            insert into people (person_id, login, name, password_hash, created_at)
                            values (:id, :l, :n, :h, :at) on conflict (login) do nothing""")
                            .bind("id", UUID.randomUUID())
                            .bind("l", login)
                            .bind("n", name)
                            .bind("h", passwordHash.orElse(null))
                            .bind("at", at)
                            .execute();
                    Person p = h.createQuery(PERSON + " where login = :l")
                            .bind("l", login)
                            .map((rs, ctx) -> person(rs))
                            .one();
                    h.createUpdate("""
                            insert into memberships (tenant_id, person_id, role, slack_user, granted_at)
                            values (:t, :p, :r, :s, :at)
                            on conflict (tenant_id, person_id)
                            do update set role = excluded.role, slack_user = excluded.slack_user""")
                            .bind("t", membership.tenant().value())
                            .bind("p", p.id())
                            .bind("r", membership.role().code())
                            .bind("s", membership.slackUser().orElse(null))
                            .bind("at", at)
                            .execute();
                    AuditLog.appendScoped(
                            h,
                            membership.tenant(),
                            at,
                            change.actor(),
                            "person.enrolled",
                            login,
                            Map.of(
                                    "role",
                                    membership.role().code(),
                                    "slack_user",
                                    membership.slackUser().orElse("")));
                    return p;
                }));
    }

    @Override
    public void setPassword(UUID person, String passwordHash, Change change) {
        Failures.run(
                "set a password",
                () -> jdbi.useTransaction(h -> {
                    h.createUpdate("""
                            update people set password_hash = :h, failures = 0, locked_until = null
                            where person_id = :id""")
                            .bind("h", passwordHash)
                            .bind("id", person)
                            .execute();
                    h.createUpdate("delete from sessions where person_id = :id")
                            .bind("id", person)
                            .execute();
                    auditEveryTenant(h, person, change, "person.password_set");
                }));
    }

    @Override
    public void setDisabled(UUID person, boolean disabled, Change change) {
        Failures.run(
                "disable a person",
                () -> jdbi.useTransaction(h -> {
                    h.createUpdate("update people set disabled = :d where person_id = :id")
                            .bind("d", disabled)
                            .bind("id", person)
                            .execute();
                    if (disabled) {
                        h.createUpdate("delete from sessions where person_id = :id")
                                .bind("id", person)
                                .execute();
                    }
                    auditEveryTenant(h, person, change, disabled ? "person.disabled" : "person.enabled");
                }));
    }

    private static void auditEveryTenant(Handle h, UUID person, Change change, String action) {
        String login = h.createQuery("select login from people where person_id = :id")
                .bind("id", person)
                .mapTo(String.class)
                .one();
        for (String t : h.createQuery("select tenant_id from memberships where person_id = :id")
                .bind("id", person)
                .mapTo(String.class)
                .list()) {
            AuditLog.appendScoped(h, TenantId.of(t), utc(change.at()), change.actor(), action, login, Map.of());
        }
    }

    @Override
    public java.util.OptionalInt attempt(UUID person, Instant now) {
        return Failures.translate(
                "count a sign-in attempt",
                () -> jdbi.withHandle(h -> h.createQuery("""
                                update people set failures = failures + 1, locked_until = null
                                where person_id = :id and (locked_until is null or locked_until <= :now)
                                returning failures""")
                        .bind("id", person)
                        .bind("now", utc(now))
                        .mapTo(Integer.class)
                        .findFirst()
                        .map(java.util.OptionalInt::of)
                        .orElse(java.util.OptionalInt.empty())));
    }

    @Override
    public void lock(UUID person, Instant until) {
        Failures.run(
                "lock a person out",
                () -> jdbi.useHandle(
                        h -> h.createUpdate("update people set failures = 0, locked_until = :u where person_id = :id")
                                .bind("u", utc(until))
                                .bind("id", person)
                                .execute()));
    }

    @Override
    public void signInSucceeded(UUID person) {
        Failures.run(
                "record a sign-in",
                () -> jdbi.useHandle(
                        h -> h.createUpdate("update people set failures = 0, locked_until = null where person_id = :id")
                                .bind("id", person)
                                .execute()));
    }

    @Override
    public java.util.OptionalInt attemptUnknown(String login, Instant now) {
        return Failures.translate(
                "count a sign-in attempt",
                () -> jdbi.inTransaction(h -> {
                    // counts idle for a day are forgotten, a few at a time, so a spray of made-up logins stays small
                    h.createUpdate("""
                                    delete from unknown_logins where login in (
                                        select login from unknown_logins where last_at < :old limit 100)""")
                            .bind("old", utc(now.minus(java.time.Duration.ofDays(1))))
                            .execute();
                    return h.createQuery("""
                                    insert into unknown_logins as u (login, failures, last_at) values (:l, 1, :now)
                                    on conflict (login) do update
                                    set failures = u.failures + 1, locked_until = null, last_at = :now
                                    where u.locked_until is null or u.locked_until <= :now
                                    returning failures""")
                            .bind("l", login)
                            .bind("now", utc(now))
                            .mapTo(Integer.class)
                            .findFirst()
                            .map(java.util.OptionalInt::of)
                            .orElse(java.util.OptionalInt.empty());
                }));
    }

    @Override
    public void lockUnknown(String login, Instant until) {
        Failures.run(
                "lock a login out",
                () -> jdbi.useHandle(h -> h.createUpdate("""
                                insert into unknown_logins as u (login, failures, locked_until, last_at)
                                values (:l, 0, :u, :u)
                                on conflict (login) do update set failures = 0, locked_until = :u, last_at = :u""")
                        .bind("l", login)
                        .bind("u", utc(until))
                        .execute()));
    }

    @Override
    public Optional<Instant> unknownLockedUntil(String login) {
        return Failures.translate(
                "read a login's lock",
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select locked_until from unknown_logins where login = :l and locked_until is not null")
                        .bind("l", login)
                        .mapTo(OffsetDateTime.class)
                        .findFirst()
                        .map(OffsetDateTime::toInstant)));
    }

    @Override
    public void openSession(Session s) {
        Failures.run(
                "open a session",
                () -> jdbi.useHandle(h -> h.createUpdate("""
                        insert into sessions (session_hash, tenant_id, person_id, csrf, created_at, last_seen_at, ends_at)
                        values (:h, :t, :p, :c, :at, :seen, :ends)""")
                        .bind("h", s.hash())
                        .bind("t", s.tenant().value())
                        .bind("p", s.person())
                        .bind("c", s.csrf())
                        .bind("at", utc(s.createdAt()))
                        .bind("seen", utc(s.lastSeenAt()))
                        .bind("ends", utc(s.endsAt()))
                        .execute()));
    }

    @Override
    public Optional<Session> session(String hash) {
        return Failures.translate(
                "read a session",
                () -> jdbi.withHandle(h -> h.createQuery("""
                        select session_hash, person_id, tenant_id, csrf, created_at, last_seen_at, ends_at
                        from sessions where session_hash = :h""")
                        .bind("h", hash)
                        .map((rs, ctx) -> new Session(
                                rs.getString(1),
                                rs.getObject(2, UUID.class),
                                TenantId.of(rs.getString(3)),
                                rs.getString(4),
                                instant(rs, 5).orElseThrow(),
                                instant(rs, 6).orElseThrow(),
                                instant(rs, 7).orElseThrow()))
                        .findFirst()));
    }

    @Override
    public void touchSession(String hash, Instant at) {
        Failures.run(
                "touch a session",
                () -> jdbi.useHandle(
                        h -> h.createUpdate("update sessions set last_seen_at = :at where session_hash = :h")
                                .bind("at", utc(at))
                                .bind("h", hash)
                                .execute()));
    }

    @Override
    public void closeSession(String hash) {
        Failures.run(
                "close a session",
                () -> jdbi.useHandle(h -> h.createUpdate("delete from sessions where session_hash = :h")
                        .bind("h", hash)
                        .execute()));
    }

    @Override
    public void issueToken(ApiToken t, String secretHash, Change change) {
        Failures.run(
                "issue a token",
                () -> jdbi.useTransaction(h -> {
                    h.createUpdate("""
                            insert into api_tokens (tenant_id, token_id, person_id, name, secret_hash, scopes,
                                                    created_at, expires_at)
                            values (:t, :id, :p, :n, :h, :s, :at, :exp)""")
                            .bind("t", t.tenant().value())
                            .bind("id", t.id())
                            .bind("p", t.person())
                            .bind("n", t.name())
                            .bind("h", secretHash)
                            .bind(
                                    "s",
                                    t.scopes().stream()
                                            .map(Permission::code)
                                            .sorted()
                                            .toArray(String[]::new))
                            .bind("at", utc(t.createdAt()))
                            .bind("exp", utc(t.expiresAt()))
                            .execute();
                    AuditLog.appendScoped(
                            h,
                            t.tenant(),
                            utc(change.at()),
                            change.actor(),
                            "token.issued",
                            t.id().toString(),
                            Map.of(
                                    "name",
                                    t.name(),
                                    "scopes",
                                    Permission.codes(t.scopes()),
                                    "expires",
                                    t.expiresAt().toString()));
                }));
    }

    private static final String TOKEN = """
            select token_id, tenant_id, person_id, name, scopes, created_at, expires_at, revoked_at, last_used_at
            from api_tokens""";

    @Override
    public Optional<ApiToken> token(String secretHash) {
        return Failures.translate(
                "read a token",
                () -> jdbi.withHandle(h -> h.createQuery(TOKEN + " where secret_hash = :h")
                        .bind("h", secretHash)
                        .map((rs, ctx) -> token(rs))
                        .findFirst()));
    }

    @Override
    public void tokenUsed(UUID token, Instant at) {
        Failures.run(
                "record a token's use",
                () -> jdbi.useHandle(
                        h -> h.createUpdate("update api_tokens set last_used_at = :at where token_id = :id")
                                .bind("at", utc(at))
                                .bind("id", token)
                                .execute()));
    }

    @Override
    public List<ApiToken> tokens(TenantId tenant) {
        return Failures.translate(
                "list tokens",
                () -> jdbi.withHandle(h -> h.createQuery(TOKEN + " where tenant_id = :t order by created_at, name")
                        .bind("t", tenant.value())
                        .map((rs, ctx) -> token(rs))
                        .list()));
    }

    @Override
    public boolean revokeToken(TenantId tenant, UUID token, Change change) {
        return Failures.translate(
                "revoke a token",
                () -> jdbi.inTransaction(h -> {
                    int n = h.createUpdate("""
                            update api_tokens set revoked_at = :at
                            where tenant_id = :t and token_id = :id and revoked_at is null""")
                            .bind("at", utc(change.at()))
                            .bind("t", tenant.value())
                            .bind("id", token)
                            .execute();
                    if (n > 0) {
                        AuditLog.appendScoped(
                                h,
                                tenant,
                                utc(change.at()),
                                change.actor(),
                                "token.revoked",
                                token.toString(),
                                Map.of());
                    }
                    return n > 0;
                }));
    }

    @Override
    public Optional<TotpState> totp(UUID person) {
        return Failures.translate(
                "read an authenticator",
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select totp_secret, totp_last_step from people where person_id = :id and totp_secret is not null")
                        .bind("id", person)
                        .map((rs, ctx) -> new TotpState(
                                key.open(rs.getString(1), person.toString()),
                                rs.getObject(2) == null
                                        ? java.util.OptionalLong.empty()
                                        : java.util.OptionalLong.of(rs.getLong(2))))
                        .findFirst()));
    }

    @Override
    public void setTotp(UUID person, Optional<String> secret, Change change) {
        Failures.run(
                "enrol an authenticator",
                () -> jdbi.useTransaction(h -> {
                    h.createUpdate("update people set totp_secret = :s, totp_last_step = null where person_id = :id")
                            .bind(
                                    "s",
                                    secret.map(x -> key.seal(x, person.toString()))
                                            .orElse(null))
                            .bind("id", person)
                            .execute();
                    auditEveryTenant(
                            h, person, change, secret.isPresent() ? "person.totp_enrolled" : "person.totp_removed");
                }));
    }

    @Override
    public boolean useTotpStep(UUID person, long step) {
        return Failures.translate(
                "use a one-time code",
                () -> jdbi.withHandle(h -> h.createUpdate("""
                                        update people set totp_last_step = :s
                                        where person_id = :id and totp_secret is not null
                                          and (totp_last_step is null or totp_last_step < :s)""")
                                .bind("s", step)
                                .bind("id", person)
                                .execute())
                        == 1);
    }

    @Override
    public boolean totpRequired(TenantId tenant) {
        return Failures.translate(
                "read a tenant's sign-in rule",
                () -> jdbi.withHandle(h -> h.createQuery("select totp_for_approvers from tenants where tenant_id = :t")
                        .bind("t", tenant.value())
                        .mapTo(Boolean.class)
                        .findFirst()
                        .orElse(false)));
    }

    @Override
    public void requireTotp(TenantId tenant, boolean required, Change change) {
        Failures.run(
                "set a tenant's sign-in rule",
                () -> jdbi.useTransaction(h -> {
                    int n = h.createUpdate("update tenants set totp_for_approvers = :r where tenant_id = :t")
                            .bind("r", required)
                            .bind("t", tenant.value())
                            .execute();
                    if (n == 0) {
                        throw new IllegalArgumentException("no tenant " + tenant);
                    }
                    AuditLog.appendScoped(
                            h,
                            tenant,
                            utc(change.at()),
                            change.actor(),
                            "tenant.totp_for_approvers",
                            tenant.value(),
                            Map.of("required", required));
                }));
    }

    @Override
    public boolean addTenant(TenantId tenant, String name, Change change) {
        return Failures.translate(
                "add a tenant",
                () -> jdbi.inTransaction(h -> {
                    int n = h.createUpdate(
                                    "insert into tenants (tenant_id, name, created_at) values (:t, :n, :at) on conflict do nothing")
                            .bind("t", tenant.value())
                            .bind("n", name)
                            .bind("at", utc(change.at()))
                            .execute();
                    if (n > 0) {
                        AuditLog.appendScoped(
                                h,
                                tenant,
                                utc(change.at()),
                                change.actor(),
                                "tenant.added",
                                tenant.value(),
                                Map.of("name", name));
                    }
                    return n > 0;
                }));
    }

    @Override
    public List<Map.Entry<TenantId, String>> tenants() {
        return Failures.translate(
                "list tenants",
                () -> jdbi.withHandle(h -> h.createQuery("select tenant_id, name from tenants order by tenant_id")
                        .map((rs, ctx) -> Map.entry(TenantId.of(rs.getString(1)), rs.getString(2)))
                        .list()));
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(
                rs.getObject("person_id", UUID.class),
                rs.getString("login"),
                rs.getString("name"),
                rs.getBoolean("disabled"),
                rs.getInt("failures"),
                Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        return new Membership(
                TenantId.of(rs.getString("tenant_id")),
                Role.fromCode(rs.getString("role")),
                Optional.ofNullable(rs.getString("slack_user")));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        Set<Permission> scopes = EnumSet.noneOf(Permission.class);
        Arrays.stream((String[]) rs.getArray("scopes").getArray())
                .map(Permission::fromCode)
                .forEach(scopes::add);
        return new ApiToken(
                rs.getObject("token_id", UUID.class),
                TenantId.of(rs.getString("tenant_id")),
                rs.getObject("person_id", UUID.class),
                rs.getString("name"),
                scopes,
                instant(rs, 6).orElseThrow(),
                instant(rs, 7).orElseThrow(),
                instant(rs, 8),
                instant(rs, 9));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
