package dev.aragent.agent.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.InMemoryAccessBook;
import dev.aragent.agent.spi.PasswordHasher;
import dev.aragent.agent.work.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccessTest {
    private static final TenantId NORTH = TenantId.of("north");
    private static final TenantId SOUTH = TenantId.of("south");
    private static final String PASSWORD = "correct horse battery";

    /** Fast, for the rules around hashing; the real hasher is Argon2id (server). */
    private static final PasswordHasher FAST = new dev.aragent.agent.spi.FastPasswordHasher();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    private final InMemoryAccessBook book = new InMemoryAccessBook();
    private final Access access = Access.create(book, FAST, TestClocks.of(now::get), Access.Settings.defaults());

    private void enroll(String login, Role role) {
        access.enroll(login, login, role, NORTH, Optional.empty(), Optional.of(PASSWORD.toCharArray()), "cli:test");
    }

    private void later(Duration d) {
        now.set(now.get().plus(d));
    }

    @Test
    void aFreshInstallNeedsItsFirstAdminUntilOneIsEnrolled() {
        assertThat(access.needsFirstAdmin()).isTrue();
        enroll("dana@north.example", Role.AR_MANAGER);
        assertThat(access.needsFirstAdmin()).isTrue();
        enroll("root@north.example", Role.ADMIN);
        assertThat(access.needsFirstAdmin()).isFalse();
    }

    @Test
    void signingInOpensASessionRecognisedByItsCookieOnly() {
        enroll("dana@north.example", Role.AR_MANAGER);

        SignIn in = access.signIn("Dana@North.example ", PASSWORD.toCharArray(), Optional.empty());

        assertThat(in).isInstanceOf(SignIn.SignedIn.class);
        var signed = (SignIn.SignedIn) in;
        assertThat(signed.cookie()).startsWith(Access.SESSION_PREFIX);
        assertThat(signed.session().hash()).isNotEqualTo(signed.cookie()).isEqualTo(Secrets.hash(signed.cookie()));
        var current = access.session(signed.cookie()).orElseThrow();
        assertThat(current.who().role()).isEqualTo(Role.AR_MANAGER);
        assertThat(current.who().tenant()).isEqualTo(NORTH);
        assertThat(current.who().actor()).isEqualTo("dana@north.example (dana@north.example, AR manager) via session");
        assertThat(access.session(signed.session().hash())).isEmpty();
        assertThat(access.session("ars_forged")).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginGetTheSameAnswer() {
        enroll("dana@north.example", Role.AR_MANAGER);

        SignIn wrong = access.signIn("dana@north.example", "not the password".toCharArray(), Optional.empty());
        SignIn unknown = access.signIn("eve@north.example", PASSWORD.toCharArray(), Optional.empty());
        SignIn junk = access.signIn("<script>", PASSWORD.toCharArray(), Optional.empty());

        assertThat(wrong).isEqualTo(unknown).isEqualTo(junk).isEqualTo(new SignIn.Refused("Wrong email or password."));
    }

    @Test
    void aLoginThatIsNobodysIsLockedOutAfterAsManyTriesAsAPersonsSoTheLockTellsNothing() {
        enroll("dana@north.example", Role.AR_MANAGER);
        List<SignIn> person = new java.util.ArrayList<>();
        List<SignIn> nobody = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            person.add(access.signIn("dana@north.example", "guess".toCharArray(), Optional.empty()));
            nobody.add(access.signIn("eve@north.example", "guess".toCharArray(), Optional.empty()));
        }

        assertThat(nobody).isEqualTo(person);
        assertThat(nobody.subList(0, 4)).allMatch(SignIn.Refused.class::isInstance);
        assertThat(nobody.subList(4, 6)).allMatch(SignIn.Locked.class::isInstance);
        later(Duration.ofMinutes(16));
        assertThat(access.signIn("eve@north.example", "guess".toCharArray(), Optional.empty()))
                .isEqualTo(new SignIn.Refused("Wrong email or password."));
    }

    @Test
    void fiveFailuresLockThePersonOutEvenWithTheRightPasswordUntilTheLockEnds() {
        enroll("dana@north.example", Role.AR_MANAGER);
        for (int i = 0; i < 4; i++) {
            assertThat(access.signIn("dana@north.example", "guess".toCharArray(), Optional.empty()))
                    .isInstanceOf(SignIn.Refused.class);
        }
        assertThat(access.signIn("dana@north.example", "guess".toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.Locked.class);
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.Locked.class);

        later(Duration.ofMinutes(16));

        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void aSessionEndsWhenIdleTooLongOrPastItsLifeWhateverItsUse() {
        enroll("dana@north.example", Role.AR_MANAGER);
        String idle = ((SignIn.SignedIn) access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .cookie();
        String busy = ((SignIn.SignedIn) access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .cookie();

        for (int i = 0; i < 23; i++) {
            later(Duration.ofMinutes(30));
            assertThat(access.session(busy))
                    .as("used every half hour, hour %d", i)
                    .isPresent();
        }
        assertThat(access.session(idle)).isEmpty();
        later(Duration.ofMinutes(31));
        assertThat(access.session(busy)).as("twelve hours after signing in").isEmpty();
    }

    @Test
    void disablingOrLosingTheRoleEndsTheSessionAndRefusesSignIn() {
        enroll("dana@north.example", Role.AR_MANAGER);
        String cookie = ((SignIn.SignedIn)
                        access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .cookie();

        access.disable("dana@north.example", true, "cli:test");

        assertThat(access.session(cookie)).isEmpty();
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.Refused.class);
        assertThat(book.audit).contains("cli:test person.disabled dana@north.example");
    }

    @Test
    void aPersonInTwoTenantsSignsIntoTheOneAskedAndNotIntoOneTheyAreNotIn() {
        enroll("dana@north.example", Role.AR_MANAGER);
        access.enroll("dana@north.example", "Dana", Role.VIEWER, SOUTH, Optional.empty(), Optional.empty(), "cli:test");

        var south = (SignIn.SignedIn) access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.of(SOUTH));

        assertThat(south.who().tenant()).isEqualTo(SOUTH);
        assertThat(south.who().role()).isEqualTo(Role.VIEWER);
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.of(TenantId.of("east"))))
                .isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void aNewPersonWithoutAPasswordGetsAGeneratedOneShownOnceAndAResetReplacesIt() {
        var enrolled = access.enroll(
                "sam@north.example", "Sam", Role.COLLECTOR, NORTH, Optional.empty(), Optional.empty(), "cli:test");
        String first = enrolled.generatedPassword().orElseThrow();

        assertThat(first).hasSize(23);
        assertThat(access.signIn("sam@north.example", first.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.SignedIn.class);
        String second = access.reset("sam@north.example", "cli:test");
        assertThat(access.signIn("sam@north.example", first.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.Refused.class);
        assertThat(access.signIn("sam@north.example", second.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.SignedIn.class);
        assertThatThrownBy(() -> access.setPassword("sam@north.example", "short".toCharArray(), "cli:test"))
                .hasMessageContaining("12-128");
    }

    @Test
    void aTokenActsWithinItsScopesAndItsOwnersRoleUntilRevokedOrExpired() {
        enroll("ops@north.example", Role.ADMIN);
        var issued = access.issue(
                "ops@north.example", NORTH, "prometheus", EnumSet.of(Permission.READ), Duration.ofDays(30), "cli:test");

        Principal who = access.bearer(issued.secret()).orElseThrow();

        assertThat(issued.secret()).startsWith(Access.TOKEN_PREFIX);
        assertThat(who.may(Permission.READ)).isTrue();
        assertThat(who.may(Permission.IMPORT)).isFalse();
        assertThat(who.actor()).endsWith("via token prometheus");
        assertThat(access.tokens(NORTH).getFirst().lastUsedAt()).isPresent();
        assertThat(access.bearer(Secrets.hash(issued.secret()))).isEmpty();

        later(Duration.ofDays(31));
        assertThat(access.bearer(issued.secret())).isEmpty();

        var other = access.issue(
                "ops@north.example", NORTH, "loader", EnumSet.of(Permission.IMPORT), Duration.ofDays(30), "cli:test");
        assertThat(access.revoke(SOUTH, other.token().id(), "cli:test")).isFalse();
        assertThat(access.revoke(NORTH, other.token().id(), "cli:test")).isTrue();
        assertThat(access.bearer(other.secret())).isEmpty();
    }

    @Test
    void aTokenCannotBeIssuedBeyondTheRoleAndFollowsARoleThatShrinks() {
        enroll("dana@north.example", Role.AR_MANAGER);
        assertThatThrownBy(() -> access.issue(
                        "dana@north.example",
                        NORTH,
                        "all",
                        EnumSet.of(Permission.ADMIN),
                        Duration.ofDays(30),
                        "cli:test"))
                .hasMessageContaining("cannot issue a token with admin");
        var t = access.issue(
                "dana@north.example", NORTH, "loader", EnumSet.of(Permission.IMPORT), Duration.ofDays(30), "cli:test");

        access.enroll("dana@north.example", "Dana", Role.VIEWER, NORTH, Optional.empty(), Optional.empty(), "cli:test");

        assertThat(access.bearer(t.secret()).orElseThrow().may(Permission.IMPORT))
                .isFalse();
    }

    @Test
    void approvalLimitsFollowTheRoles() {
        assertThat(Role.AR_MANAGER.mayApprove("ar_manager")).isTrue();
        assertThat(Role.AR_MANAGER.mayApprove("controller")).isFalse();
        assertThat(Role.CONTROLLER.mayApprove("ar_manager")).isTrue();
        assertThat(Role.CONTROLLER.mayApprove("controller")).isTrue();
        assertThat(Role.COLLECTOR.mayApprove("ar_manager")).isFalse();
        assertThat(Role.VIEWER.mayApprove("ar_manager")).isFalse();
        assertThat(Role.ADMIN.mayApprove("cfo")).isTrue();
        assertThat(Role.CONTROLLER.mayApprove("cfo")).isFalse();
    }

    @Test
    void aSlackUserIsThePersonMappedToThemInThatTenantOnly() {
        access.enroll(
                "dana@north.example",
                "Dana",
                Role.AR_MANAGER,
                NORTH,
                Optional.of("U0DANA"),
                Optional.of(PASSWORD.toCharArray()),
                "cli:test");

        assertThat(access.slack(NORTH, "U0DANA")).map(Principal::role).contains(Role.AR_MANAGER);
        assertThat(access.slack(SOUTH, "U0DANA")).isEmpty();
        assertThat(access.slack(NORTH, "U0EVE")).isEmpty();
    }

    private String codeNow(String secret) {
        return Totp.code(Totp.unbase32(secret), Totp.step(now.get()), Totp.DIGITS);
    }

    @Test
    void anEnrolledPersonNeedsTheirCurrentCodeOnceAndAWrongOneCountsAsAFailure() {
        enroll("dana@north.example", Role.AR_MANAGER);
        String secret = access.enrolTotp("dana@north.example", "cli:test");

        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isEqualTo(new SignIn.Refused("Enter the six-digit code from your authenticator app."));
        String code = codeNow(secret);
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty(), Optional.of(code)))
                .isInstanceOf(SignIn.SignedIn.class);
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty(), Optional.of(code)))
                .as("the same code again")
                .isEqualTo(new SignIn.Refused("Wrong or already used code."));
        for (int i = 0; i < 3; i++) {
            access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty(), Optional.of("000000"));
        }
        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty(), Optional.of("000000")))
                .as("five wrong codes lock like five wrong passwords")
                .isInstanceOf(SignIn.Locked.class);
        assertThat(book.audit).contains("cli:test person.totp_enrolled dana@north.example");
    }

    @Test
    void aTenantThatRequiresCodesForApproversRefusesAnApproverWithoutOneButNotAViewer() {
        enroll("dana@north.example", Role.AR_MANAGER);
        enroll("vic@north.example", Role.VIEWER);
        access.requireTotp(NORTH, true, "cli:test");

        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isInstanceOfSatisfying(
                        SignIn.Refused.class,
                        r -> assertThat(r.message())
                                .contains("requires a one-time code from everyone who approves")
                                .contains("ar-agent users totp dana@north.example"));
        assertThat(access.signIn("vic@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .isInstanceOf(SignIn.SignedIn.class);
        String secret = access.enrolTotp("dana@north.example", "cli:test");
        later(Duration.ofSeconds(30));
        assertThat(access.signIn(
                        "dana@north.example", PASSWORD.toCharArray(), Optional.empty(), Optional.of(codeNow(secret))))
                .isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void aPersonAProviderVouchedForSignsInOnlyWhenTheyAreSomeoneHere() {
        enroll("dana@north.example", Role.AR_MANAGER);

        assertThat(access.signInVouched("Dana@North.example", Optional.empty())).isInstanceOf(SignIn.SignedIn.class);
        assertThat(access.signInVouched("eve@north.example", Optional.empty()))
                .isEqualTo(new SignIn.Refused("No one signs in here as eve@north.example: ask an admin to add you."));
        access.disable("dana@north.example", true, "cli:test");
        assertThat(access.signInVouched("dana@north.example", Optional.empty())).isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void guessesInFlightAtOnceGetNoMoreThanTheAllowedTries() {
        enroll("dana@north.example", Role.AR_MANAGER);
        var id = book.person("dana@north.example").orElseThrow().id();
        for (int i = 0; i < Access.Settings.defaults().maxFailures(); i++) {
            book.attempt(id, now.get()); // five guesses counted, their hashes still being checked
        }

        assertThat(access.signIn("dana@north.example", PASSWORD.toCharArray(), Optional.empty()))
                .as("a sixth, even with the right password")
                .isInstanceOf(SignIn.Locked.class);
    }
}
