package dev.aragent.agent.access;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.AccessBook;
import dev.aragent.agent.spi.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out, recognising a session, a token or a Slack user, and managing people and tokens. Every answer
 * about who someone is comes from here: the web server, the Slack webhook and the commands only translate.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    private static final String REFUSED = "Wrong email or password.";
    /** Session cookies and API tokens say what they are, so a leaked one is recognised by secret scanners. */
    public static final String SESSION_PREFIX = "ars_";

    public static final String TOKEN_PREFIX = "art_";

    /**
     * How long sessions last and how sign-in failures are answered: a session ends after {@code idle} unused or
     * {@code absolute} after it began; {@code maxFailures} wrong passwords in a row lock the person out for {@code
     * lockout}.
     */
    public record Settings(Duration idle, Duration absolute, int maxFailures, Duration lockout) {
        public Settings {
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("a session's idle timeout must be positive and within its life");
            }
            if (maxFailures < 1) {
                throw new IllegalArgumentException("allow at least one failed sign-in");
            }
        }

        /** An hour idle, twelve hours at most (a working day); five failures lock for fifteen minutes. */
        public static Settings defaults() {
            return new Settings(Duration.ofHours(1), Duration.ofHours(12), 5, Duration.ofMinutes(15));
        }
    }

    /** A person enrolled, with the password generated for them when none was given (shown once). */
    public record Enrolled(Person person, Optional<String> generatedPassword) {}

    /** A token issued: {@code secret} is shown once and never stored. */
    public record Issued(ApiToken token, String secret) {}

    /** A session recognised: who, and the session (its CSRF token for the pages). */
    public record Current(Principal who, Session session) {}

    private final AccessBook book;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Settings settings;
    private volatile Optional<String> decoy = Optional.empty();

    private Access(AccessBook book, PasswordHasher hasher, Clock clock, Settings settings) {
        this.book = book;
        this.hasher = hasher;
        this.clock = clock;
        this.settings = settings;
    }

    public static Access create(AccessBook book, PasswordHasher hasher, Clock clock, Settings settings) {
        return new Access(book, hasher, clock, settings);
    }

    public Settings settings() {
        return settings;
    }

    /** Whether nobody can administer this install yet: {@code serve} refuses to open its API until someone can. */
    public boolean needsFirstAdmin() {
        return !book.anyAdmin();
    }

    /**
     * Checks a login and password and opens a session in {@code tenant} (or the person's first tenant). An unknown
     * login costs as much time as a known one, so timing does not tell which logins exist.
     */
    public SignIn signIn(String login, char[] password, Optional<TenantId> tenant) {
        return signIn(login, password, tenant, Optional.empty());
    }

    /**
     * {@link #signIn(String, char[], Optional)} with the one-time code from the person's authenticator: needed when
     * they enrolled one, or when the tenant requires it of everyone who approves. A wrong or reused code counts as a
     * failed sign-in.
     */
    public SignIn signIn(String login, char[] password, Optional<TenantId> tenant, Optional<String> code) {
        Instant now = clock.instant();
        String normal;
        try {
            normal = Person.normalLogin(login);
        } catch (IllegalArgumentException e) {
            hasher.matches(password, decoy());
            return new SignIn.Refused(REFUSED);
        }
        Optional<Person> found = book.person(normal);
        if (found.isEmpty()) {
            return nobody(normal, password, now);
        }
        Person p = found.get();
        // the attempt is counted before the password is checked: parallel guesses each take one of the few allowed
        java.util.OptionalInt attempt = book.attempt(p.id(), now);
        if (attempt.isEmpty()) {
            return new SignIn.Locked(p.lockedUntil().filter(now::isBefore).orElse(now.plus(settings.lockout())));
        }
        if (attempt.getAsInt() > settings.maxFailures()) {
            return lockOut(p, now);
        }
        boolean good = book.passwordHash(p.id())
                .map(h -> hasher.matches(password, h))
                .orElseGet(() -> {
                    hasher.matches(password, decoy()); // no password set: as slow as a wrong one
                    return false;
                });
        if (!good) {
            return failed(p, attempt.getAsInt(), now);
        }
        if (p.disabled()) {
            return new SignIn.Refused(REFUSED);
        }
        Optional<Membership> m = membership(p, tenant);
        if (m.isEmpty()) {
            return new SignIn.Refused(REFUSED);
        }
        Optional<SignIn> second = secondFactor(p, m.get(), code, attempt.getAsInt(), now);
        if (second.isPresent()) {
            return second.get();
        }
        return open(p, m.get(), now);
    }

    /**
     * Opens a session for the person an identity provider vouched for (their verified email is their login). No
     * password or code is asked here: the provider's own factors apply.
     */
    public SignIn signInVouched(String email, Optional<TenantId> tenant) {
        Optional<Person> found;
        try {
            found = book.person(Person.normalLogin(email)).filter(p -> !p.disabled());
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        Optional<Membership> m = found.flatMap(p -> membership(p, tenant));
        if (m.isEmpty()) {
            return new SignIn.Refused("No one signs in here as " + email + ": ask an admin to add you.");
        }
        return open(found.get(), m.get(), clock.instant());
    }

    private Optional<Membership> membership(Person p, Optional<TenantId> tenant) {
        List<Membership> roles = book.memberships(p.id());
        return tenant.isPresent()
                ? roles.stream().filter(r -> r.tenant().equals(tenant.get())).findFirst()
                : roles.stream().findFirst();
    }

    /** The second factor when one is needed: empty when the person may go on. */
    private Optional<SignIn> secondFactor(Person p, Membership m, Optional<String> code, int attempt, Instant now) {
        Optional<AccessBook.TotpState> totp = book.totp(p.id());
        boolean required = totp.isPresent() || (m.role().allows(Permission.APPROVE) && book.totpRequired(m.tenant()));
        if (!required) {
            return Optional.empty();
        }
        if (totp.isEmpty()) {
            return Optional.of(new SignIn.Refused("Your company requires a one-time code from everyone who approves."
                    + " Ask an admin to enrol your authenticator app: ar-agent users totp " + p.login()));
        }
        if (code.map(String::isBlank).orElse(true)) {
            return Optional.of(new SignIn.Refused("Enter the six-digit code from your authenticator app."));
        }
        java.util.OptionalLong step =
                Totp.verify(totp.get().secret(), code.get(), now, totp.get().lastStep());
        if (step.isEmpty() || !book.useTotpStep(p.id(), step.getAsLong())) {
            SignIn f = failed(p, attempt, now);
            return Optional.of(f instanceof SignIn.Locked ? f : new SignIn.Refused("Wrong or already used code."));
        }
        return Optional.empty();
    }

    /**
     * A sign-in as a login that is nobody's, answered as a wrong password for a person is: as slow (a decoy hash),
     * counted, and locked out after as many tries, so neither the answer nor the lockout tells that no account exists.
     */
    private SignIn nobody(String login, char[] password, Instant now) {
        java.util.OptionalInt attempt = book.attemptUnknown(login, now);
        if (attempt.isEmpty()) {
            return new SignIn.Locked(
                    book.unknownLockedUntil(login).filter(now::isBefore).orElse(now.plus(settings.lockout())));
        }
        if (attempt.getAsInt() <= settings.maxFailures()) {
            hasher.matches(password, decoy());
            if (attempt.getAsInt() < settings.maxFailures()) {
                return new SignIn.Refused(REFUSED);
            }
        }
        Instant until = now.plus(settings.lockout());
        book.lockUnknown(login, until);
        return new SignIn.Locked(until);
    }

    /** The {@code attempt}-th try in a row failed: locked out at the limit, else refused. */
    private SignIn failed(Person p, int attempt, Instant now) {
        LOG.atInfo()
                .addKeyValue("person", p.id())
                .addKeyValue("attempt", attempt)
                .log("sign-in refused");
        return attempt >= settings.maxFailures() ? lockOut(p, now) : new SignIn.Refused(REFUSED);
    }

    private SignIn lockOut(Person p, Instant now) {
        Instant until = now.plus(settings.lockout());
        book.lock(p.id(), until);
        LOG.atInfo().addKeyValue("person", p.id()).addKeyValue("until", until).log("locked out");
        return new SignIn.Locked(until);
    }

    private SignIn open(Person p, Membership m, Instant now) {
        book.signInSucceeded(p.id());
        String cookie = Secrets.token(SESSION_PREFIX);
        Session s = new Session(
                Secrets.hash(cookie), p.id(), m.tenant(), Secrets.token(""), now, now, now.plus(settings.absolute()));
        book.openSession(s);
        LOG.atInfo()
                .addKeyValue("person", p.id())
                .addKeyValue("tenant", s.tenant())
                .log("signed in");
        return new SignIn.SignedIn(principal(p, m, "session"), s, cookie);
    }

    /** The session behind a cookie, when it is live and its person still enabled and a member of its tenant. */
    public Optional<Current> session(String cookie) {
        if (!cookie.startsWith(SESSION_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Secrets.hash(cookie);
        Optional<Session> found = book.session(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session s = found.get();
        if (!now.isBefore(s.endsAt()) || !now.isBefore(s.lastSeenAt().plus(settings.idle()))) {
            book.closeSession(hash);
            return Optional.empty();
        }
        Optional<Principal> who = member(s.person(), s.tenant(), Permission.allOf(), "session");
        if (who.isEmpty()) {
            book.closeSession(hash);
            return Optional.empty();
        }
        // written at most once a minute: a page's many requests do not each cost a write
        if (now.isAfter(s.lastSeenAt().plusSeconds(60))) {
            book.touchSession(hash, now);
        }
        return Optional.of(new Current(who.get(), s));
    }

    public void signOut(String cookie) {
        book.closeSession(Secrets.hash(cookie));
    }

    /** The principal an {@code Authorization: Bearer} token stands for: its owner, limited to its scopes. */
    public Optional<Principal> bearer(String secret) {
        if (!secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> t = book.token(Secrets.hash(secret)).filter(x -> x.liveAt(now));
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Principal> who = member(
                t.get().person(),
                t.get().tenant(),
                t.get().scopes(),
                "token " + t.get().name());
        if (who.isPresent()
                && t.get().lastUsedAt().map(u -> now.isAfter(u.plusSeconds(60))).orElse(true)) {
            book.tokenUsed(t.get().id(), now);
        }
        return who;
    }

    /** The person a Slack user is in a tenant's workspace, with their role there. */
    public Optional<Principal> slack(TenantId tenant, String slackUser) {
        return book.slackMember(tenant, slackUser)
                .filter(m -> !m.person().disabled())
                .map(m -> principal(m.person(), m.membership(), "Slack " + slackUser));
    }

    /**
     * The person signed in elsewhere (the command line, whose user already holds the data directory), as a member of
     * {@code tenant}, coming {@code via} that way.
     */
    public Optional<Principal> as(String login, TenantId tenant, String via) {
        try {
            return book.person(Person.normalLogin(login)).flatMap(p -> member(p.id(), tenant, Permission.allOf(), via));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Principal> member(UUID person, TenantId tenant, Set<Permission> scopes, String via) {
        return book.member(person, tenant)
                .filter(m -> !m.person().disabled())
                .map(m -> new Principal(
                        person,
                        m.person().login(),
                        m.person().name(),
                        tenant,
                        m.membership().role(),
                        scopes,
                        via));
    }

    private static Principal principal(Person p, Membership m, String via) {
        return new Principal(p.id(), p.login(), p.name(), m.tenant(), m.role(), Permission.allOf(), via);
    }

    /**
     * Adds a person to a tenant with a role (or changes their role there). A new person gets {@code password}, or a
     * generated one returned to show once; a person who exists keeps theirs.
     */
    public Enrolled enroll(
            String login,
            String name,
            Role role,
            TenantId tenant,
            Optional<String> slackUser,
            Optional<char[]> password,
            String actor) {
        String l = Person.normalLogin(login);
        boolean isNew = book.person(l).isEmpty();
        Optional<String> generated = isNew && password.isEmpty() ? Optional.of(Secrets.password()) : Optional.empty();
        Optional<String> hash = Optional.empty();
        if (isNew) {
            char[] pw = password.orElseGet(() -> generated.orElseThrow().toCharArray());
            checkStrength(pw);
            hash = Optional.of(hasher.hash(pw));
        }
        Person p = book.enroll(l, name, hash, new Membership(tenant, role, slackUser), change(actor));
        return new Enrolled(p, generated);
    }

    /** A new generated password for {@code login} (shown once): unlocked, every session ended. */
    public String reset(String login, String actor) {
        Person p = existing(login);
        String pw = Secrets.password();
        book.setPassword(p.id(), hasher.hash(pw.toCharArray()), change(actor));
        return pw;
    }

    /** Sets a password the person chose (at least 12 characters). */
    public void setPassword(String login, char[] password, String actor) {
        checkStrength(password);
        book.setPassword(existing(login).id(), hasher.hash(password), change(actor));
    }

    public void disable(String login, boolean disabled, String actor) {
        book.setDisabled(existing(login).id(), disabled, change(actor));
    }

    /** Enrols a new authenticator for {@code login}: the secret to show once (and its otpauth URI). */
    public String enrolTotp(String login, String actor) {
        String secret = Totp.newSecret();
        book.setTotp(existing(login).id(), Optional.of(secret), change(actor));
        return secret;
    }

    public void removeTotp(String login, String actor) {
        book.setTotp(existing(login).id(), Optional.empty(), change(actor));
    }

    /** Whether {@code tenant} asks everyone whose role approves for a one-time code at sign-in. */
    public void requireTotp(TenantId tenant, boolean required, String actor) {
        book.requireTotp(tenant, required, change(actor));
    }

    public List<Member> members(TenantId tenant) {
        return book.members(tenant);
    }

    /**
     * Issues a token for {@code login} in {@code tenant}, lasting {@code life}; its scopes may not exceed the person's
     * role there.
     */
    public Issued issue(
            String login, TenantId tenant, String name, Set<Permission> scopes, Duration life, String actor) {
        Person p = existing(login);
        Membership m = book.memberships(p.id()).stream()
                .filter(x -> x.tenant().equals(tenant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(p.login() + " has no role in tenant " + tenant));
        Set<Permission> beyond = EnumSet.copyOf(scopes);
        beyond.removeAll(m.role().permissions());
        if (!beyond.isEmpty()) {
            throw new IllegalArgumentException("a " + m.role().title() + " cannot issue a token with "
                    + Permission.codes(beyond) + ": its scopes may not exceed the person's role");
        }
        if (life.isNegative() || life.isZero() || life.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("a token lasts 1-366 days");
        }
        Instant now = clock.instant();
        String secret = Secrets.token(TOKEN_PREFIX);
        ApiToken t = new ApiToken(
                UUID.randomUUID(),
                tenant,
                p.id(),
                name,
                scopes,
                now,
                now.plus(life),
                Optional.empty(),
                Optional.empty());
        book.issueToken(t, Secrets.hash(secret), change(actor));
        return new Issued(t, secret);
    }

    public List<ApiToken> tokens(TenantId tenant) {
        return book.tokens(tenant);
    }

    public boolean revoke(TenantId tenant, UUID token, String actor) {
        return book.revokeToken(tenant, token, change(actor));
    }

    public boolean addTenant(TenantId tenant, String name, String actor) {
        return book.addTenant(tenant, name, change(actor));
    }

    public List<java.util.Map.Entry<TenantId, String>> tenants() {
        return book.tenants();
    }

    private Person existing(String login) {
        String l = Person.normalLogin(login);
        return book.person(l).orElseThrow(() -> new IllegalArgumentException("nobody signs in as " + l));
    }

    private AccessBook.Change change(String actor) {
        return new AccessBook.Change(actor, clock.instant());
    }

    private static void checkStrength(char[] pw) {
        if (pw.length < 12 || pw.length > 128) {
            throw new IllegalArgumentException("a password must be 12-128 characters");
        }
    }

    /** A hash no password matches, checked against when the login is unknown so both paths cost the same. */
    private String decoy() {
        Optional<String> d = decoy;
        if (d.isEmpty()) {
            char[] random = Secrets.token("").toCharArray();
            d = Optional.of(hasher.hash(random));
            Arrays.fill(random, '\0');
            decoy = d;
        }
        return d.get();
    }
}
