package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.ApiToken;
import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Person;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.access.Session;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AccessBook} must do; each adapter's test implements {@link #book()}. */
public interface AccessBookContract {
    TenantId NORTH = TenantId.of("contract-north");
    TenantId SOUTH = TenantId.of("contract-south");
    Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    AccessBook.Change BY_ADMIN = new AccessBook.Change("admin@north.example (Admin, admin) via cli", T0);

    /** A fresh, empty book. */
    AccessBook book();

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@north.example";
    }

    @Test
    default void aPersonEnrolledInTwoTenantsHasBothRolesAndOneHash() {
        AccessBook book = book();
        String login = unique("dana");
        Person p = book.enroll(
                login,
                "Dana Reyes",
                Optional.of("$hash$1"),
                new Membership(NORTH, Role.AR_MANAGER, Optional.of("U0DANA")),
                BY_ADMIN);
        Person again = book.enroll(
                login,
                "Dana Reyes",
                Optional.of("$hash$2"),
                new Membership(SOUTH, Role.VIEWER, Optional.empty()),
                BY_ADMIN);

        assertThat(again.id()).isEqualTo(p.id());
        assertThat(book.passwordHash(p.id())).contains("$hash$1");
        assertThat(book.memberships(p.id()))
                .extracting(Membership::tenant, Membership::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NORTH, Role.AR_MANAGER),
                        org.assertj.core.groups.Tuple.tuple(SOUTH, Role.VIEWER));
        assertThat(book.person(login)).map(Person::name).contains("Dana Reyes");
        assertThat(book.slackMember(NORTH, "U0DANA")).map(m -> m.person().id()).contains(p.id());
        assertThat(book.slackMember(SOUTH, "U0DANA")).isEmpty();
        assertThat(book.members(SOUTH)).extracting(m -> m.person().login()).contains(login);
        assertThat(book.member(p.id(), NORTH)).map(m -> m.membership().role()).contains(Role.AR_MANAGER);
        assertThat(book.member(p.id(), TenantId.of("contract-east"))).isEmpty();
    }

    @Test
    default void aChangedRoleReplacesTheOldOneInThatTenant() {
        AccessBook book = book();
        String login = unique("sam");
        Person p = book.enroll(
                login, "Sam", Optional.of("h"), new Membership(NORTH, Role.COLLECTOR, Optional.empty()), BY_ADMIN);
        book.enroll(login, "Sam", Optional.empty(), new Membership(NORTH, Role.CONTROLLER, Optional.empty()), BY_ADMIN);

        assertThat(book.memberships(p.id())).extracting(Membership::role).containsExactly(Role.CONTROLLER);
    }

    @Test
    default void attemptsAtALoginThatIsNobodysAreCountedAndLockedAlike() {
        AccessBook book = book();
        String login = unique("nobody");
        assertThat(book.attemptUnknown(login, T0)).hasValue(1);
        assertThat(book.attemptUnknown(login, T0)).hasValue(2);
        assertThat(book.attemptUnknown(unique("other"), T0))
                .as("each login its own count")
                .hasValue(1);
        book.lockUnknown(login, T0.plusSeconds(900));
        assertThat(book.unknownLockedUntil(login)).contains(T0.plusSeconds(900));
        assertThat(book.attemptUnknown(login, T0.plusSeconds(10))).as("locked").isEmpty();
        assertThat(book.attemptUnknown(login, T0.plusSeconds(901)))
                .as("the lock over")
                .hasValue(1);
    }

    @Test
    default void failuresAndLocksAreKeptAndANewPasswordClearsThemAndEndsSessions() {
        AccessBook book = book();
        Person p = book.enroll(
                unique("lee"), "Lee", Optional.of("h"), new Membership(NORTH, Role.VIEWER, Optional.empty()), BY_ADMIN);
        assertThat(book.attempt(p.id(), T0)).hasValue(1);
        assertThat(book.attempt(p.id(), T0)).hasValue(2);
        book.lock(p.id(), T0.plusSeconds(900));
        assertThat(book.person(p.id()).orElseThrow().lockedAt(T0)).isTrue();
        assertThat(book.attempt(p.id(), T0.plusSeconds(10))).as("locked").isEmpty();
        assertThat(book.attempt(p.id(), T0.plusSeconds(901)))
                .as("the lock over")
                .hasValue(1);
        book.lock(p.id(), T0.plusSeconds(1900));
        book.openSession(new Session("s-" + p.id(), p.id(), NORTH, "csrf", T0, T0, T0.plusSeconds(3600)));

        book.setPassword(p.id(), "h2", BY_ADMIN);

        Person after = book.person(p.id()).orElseThrow();
        assertThat(after.lockedAt(T0)).isFalse();
        assertThat(after.failures()).isZero();
        assertThat(book.passwordHash(p.id())).contains("h2");
        assertThat(book.session("s-" + p.id())).isEmpty();
    }

    @Test
    default void sessionsAreFoundByHashTouchedAndClosed() {
        AccessBook book = book();
        Person p = book.enroll(
                unique("kim"), "Kim", Optional.of("h"), new Membership(NORTH, Role.VIEWER, Optional.empty()), BY_ADMIN);
        String hash = "hash-" + UUID.randomUUID();
        book.openSession(new Session(hash, p.id(), NORTH, "csrf-1", T0, T0, T0.plusSeconds(3600)));

        book.touchSession(hash, T0.plusSeconds(120));

        Session s = book.session(hash).orElseThrow();
        assertThat(s.lastSeenAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(s.csrf()).isEqualTo("csrf-1");
        assertThat(s.tenant()).isEqualTo(NORTH);
        book.closeSession(hash);
        assertThat(book.session(hash)).isEmpty();
    }

    @Test
    default void disablingEndsSessionsAndTheLastEnabledAdminCounts() {
        AccessBook book = book();
        Person p = book.enroll(
                unique("root"),
                "Root",
                Optional.of("h"),
                new Membership(NORTH, Role.ADMIN, Optional.empty()),
                BY_ADMIN);
        assertThat(book.anyAdmin()).isTrue();
        String hash = "hash-" + UUID.randomUUID();
        book.openSession(new Session(hash, p.id(), NORTH, "c", T0, T0, T0.plusSeconds(3600)));

        book.setDisabled(p.id(), true, BY_ADMIN);

        assertThat(book.person(p.id()).orElseThrow().disabled()).isTrue();
        assertThat(book.session(hash)).isEmpty();
    }

    @Test
    default void tokensAreFoundByHashRevokedOnceAndOnlyInTheirTenant() {
        AccessBook book = book();
        Person p = book.enroll(
                unique("ops"), "Ops", Optional.of("h"), new Membership(NORTH, Role.ADMIN, Optional.empty()), BY_ADMIN);
        ApiToken t = new ApiToken(
                UUID.randomUUID(),
                NORTH,
                p.id(),
                "prometheus",
                EnumSet.of(Permission.READ),
                T0,
                T0.plusSeconds(86_400),
                Optional.empty(),
                Optional.empty());
        String hash = "th-" + UUID.randomUUID();
        book.issueToken(t, hash, BY_ADMIN);
        book.tokenUsed(t.id(), T0.plusSeconds(5));

        assertThat(book.token(hash)).map(ApiToken::lastUsedAt).contains(Optional.of(T0.plusSeconds(5)));
        assertThat(book.token(hash)).map(ApiToken::scopes).contains(java.util.Set.of(Permission.READ));
        assertThat(book.tokens(NORTH)).extracting(ApiToken::id).contains(t.id());
        assertThat(book.tokens(SOUTH)).extracting(ApiToken::id).doesNotContain(t.id());
        assertThat(book.revokeToken(SOUTH, t.id(), BY_ADMIN)).isFalse();
        assertThat(book.revokeToken(NORTH, t.id(), BY_ADMIN)).isTrue();
        assertThat(book.revokeToken(NORTH, t.id(), BY_ADMIN)).isFalse();
        assertThat(book.token(hash).orElseThrow().liveAt(T0.plusSeconds(10))).isFalse();
    }

    @Test
    default void tenantsAreAddedOnce() {
        AccessBook book = book();
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(book.addTenant(t, "Northwind Traders", BY_ADMIN)).isTrue();
        assertThat(book.addTenant(t, "Other", BY_ADMIN)).isFalse();
        assertThat(book.tenants()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo(t);
            assertThat(e.getValue()).isEqualTo("Northwind Traders");
        });
    }

    @Test
    default void anAuthenticatorIsEnrolledItsStepsUsedOnceAndATenantMayRequireIt() {
        AccessBook book = book();
        Person p = book.enroll(
                unique("totp"),
                "Totp",
                Optional.of("h"),
                new Membership(NORTH, Role.AR_MANAGER, Optional.empty()),
                BY_ADMIN);
        assertThat(book.totp(p.id())).isEmpty();

        book.setTotp(p.id(), Optional.of("JBSWY3DPEHPK3PXP"), BY_ADMIN);

        assertThat(book.totp(p.id())).map(AccessBook.TotpState::secret).contains("JBSWY3DPEHPK3PXP");
        assertThat(book.useTotpStep(p.id(), 100)).isTrue();
        assertThat(book.useTotpStep(p.id(), 100)).isFalse();
        assertThat(book.useTotpStep(p.id(), 99)).isFalse();
        assertThat(book.useTotpStep(p.id(), 101)).isTrue();
        assertThat(book.totp(p.id()).orElseThrow().lastStep()).hasValue(101);
        book.setTotp(p.id(), Optional.empty(), BY_ADMIN);
        assertThat(book.totp(p.id())).isEmpty();

        book.addTenant(NORTH, "North", BY_ADMIN);
        assertThat(book.totpRequired(NORTH)).isFalse();
        book.requireTotp(NORTH, true, BY_ADMIN);
        assertThat(book.totpRequired(NORTH)).isTrue();
        assertThat(book.totpRequired(SOUTH)).isFalse();
        book.requireTotp(NORTH, false, BY_ADMIN);
        assertThat(book.totpRequired(NORTH)).isFalse();
    }
}
