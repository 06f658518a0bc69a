package dev.aragent.agent.spi;

import dev.aragent.agent.access.ApiToken;
import dev.aragent.agent.access.Member;
import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Person;
import dev.aragent.agent.access.Session;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where people, their roles, sessions and API tokens are kept. Credentials are stored only as hashes. Every change a
 * person makes to people or tokens is written to the audit log of the tenants it touches, in the same transaction,
 * with the actor given. Adapters: store (Postgres), agent tests (in memory).
 */
public interface AccessBook {
    /** Who did a change, and when, for the audit log. */
    record Change(String actor, Instant at) {}

    Optional<Person> person(String login);

    Optional<Person> person(UUID id);

    /** The stored password hash (PHC string), if the person has a password. */
    Optional<String> passwordHash(UUID person);

    List<Membership> memberships(UUID person);

    List<Member> members(TenantId tenant);

    /** The person with their membership in {@code tenant}, if they have one: what every request's check reads. */
    Optional<Member> member(UUID person, TenantId tenant);

    Optional<Member> slackMember(TenantId tenant, String slackUser);

    /** Whether any enabled person is an admin anywhere: a fresh install has none. */
    boolean anyAdmin();

    /** Creates the person when new (with the hash given) and sets their role in the membership's tenant. */
    Person enroll(String login, String name, Optional<String> passwordHash, Membership membership, Change change);

    /** A new password: failures cleared, lock lifted, every session ended. */
    void setPassword(UUID person, String passwordHash, Change change);

    /** Disabled or enabled again; disabling ends every session. */
    void setDisabled(UUID person, boolean disabled, Change change);

    /**
     * Counts a sign-in attempt before its password is checked, atomically: the attempts in a row so far, or empty while
     * the person is locked out. Parallel guesses cannot read the same count.
     */
    java.util.OptionalInt attempt(UUID person, Instant now);

    /** Locks the person out until {@code until} and starts their count again. */
    void lock(UUID person, Instant until);

    /** Clears the attempt count after a good sign-in. */
    void signInSucceeded(UUID person);

    /**
     * Counts a sign-in attempt for a login that is nobody's, as {@link #attempt} counts a person's (empty while it is
     * locked out), so that being locked out does not tell whether an account exists. Counts idle for a day may be
     * forgotten.
     */
    java.util.OptionalInt attemptUnknown(String login, Instant now);

    /** Locks a login that is nobody's out until {@code until} and starts its count again. */
    void lockUnknown(String login, Instant until);

    /** Until when a login that is nobody's is locked out, if it is. */
    Optional<Instant> unknownLockedUntil(String login);

    void openSession(Session session);

    Optional<Session> session(String hash);

    void touchSession(String hash, Instant at);

    void closeSession(String hash);

    void issueToken(ApiToken token, String secretHash, Change change);

    Optional<ApiToken> token(String secretHash);

    void tokenUsed(UUID token, Instant at);

    List<ApiToken> tokens(TenantId tenant);

    /** Revokes a tenant's token; false when there is no such live token. */
    boolean revokeToken(TenantId tenant, UUID token, Change change);

    /** A person's one-time-password enrolment: the shared secret (base32) and the last step a code was used for. */
    record TotpState(String secret, java.util.OptionalLong lastStep) {}

    Optional<TotpState> totp(UUID person);

    /** Enrols (a secret) or un-enrols (empty) a person's authenticator. */
    void setTotp(UUID person, Optional<String> secret, Change change);

    /** Records that a code of {@code step} was used; false when that step or a later one was used already. */
    boolean useTotpStep(UUID person, long step);

    /** Whether the tenant requires a one-time code from everyone whose role approves. */
    boolean totpRequired(TenantId tenant);

    void requireTotp(TenantId tenant, boolean required, Change change);

    /** Creates the tenant when new; false when it existed. */
    boolean addTenant(TenantId tenant, String name, Change change);

    /** Every tenant: id and name. */
    List<java.util.Map.Entry<TenantId, String>> tenants();
}
