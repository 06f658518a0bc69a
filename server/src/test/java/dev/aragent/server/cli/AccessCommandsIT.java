package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code users}, {@code tokens}, {@code tenants} and {@code serve} on a fresh install, as an operator runs them. */
class AccessCommandsIT {
    private static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static CliRun run(String tenant, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--database-url";
        all[args.length + 1] = db.jdbcUrl();
        all[args.length + 2] = "--tenant";
        all[args.length + 3] = tenant;
        return CliRun.of(all);
    }

    @Test
    void aFreshServeRefusesToOpenUntilTheFirstAdminIsAddedAndSaysHow() {
        Database fresh = TestDatabase.fresh();
        try {
            CliRun serve = CliRun.of("serve", "--port", "0", "--no-batch", "--database-url", fresh.jdbcUrl());

            assertThat(serve.exit()).isEqualTo(2);
            assertThat(serve.out())
                    .contains("Nobody can sign in yet")
                    .contains("./ar-agent users add you@yourcompany.example --role admin");
        } finally {
            fresh.close();
        }
    }

    @Test
    void peopleAreAddedWithAPasswordShownOnceListedDisabledAndReset() {
        CliRun add = run("cmd-north", "users", "add", "dana@north.example", "--role", "ar_manager", "--name", "Dana");
        assertThat(add.exit()).as(add.out()).isZero();
        assertThat(add.out())
                .contains("dana@north.example is AR manager of tenant cmd-north")
                .containsPattern("Password \\(shown once.*\\): \\w{5}-\\w{5}-\\w{5}-\\w{5}");

        CliRun list = run("cmd-north", "users", "list");
        assertThat(list.out()).containsPattern("dana@north.example\\s+Dana\\s+ar_manager\\s+-\\s+active");
        assertThat(run("cmd-south", "users", "list").out()).doesNotContain("dana@north.example");

        assertThat(run("cmd-north", "users", "disable", "dana@north.example").exit())
                .isZero();
        assertThat(run("cmd-north", "users", "list").out()).contains("disabled");
        assertThat(run("cmd-north", "users", "enable", "dana@north.example").exit())
                .isZero();
        CliRun reset = run("cmd-north", "users", "reset", "dana@north.example");
        assertThat(reset.out()).containsPattern("New password for dana@north.example \\(shown once\\): \\S{23}");

        CliRun badRole = run("cmd-north", "users", "add", "x@north.example", "--role", "owner");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.out()).contains("unknown role 'owner'");
        CliRun badLogin = run("cmd-north", "users", "add", "<script>", "--role", "viewer");
        assertThat(badLogin.exit()).isEqualTo(2);
        assertThat(badLogin.out()).contains("a login is the person's email address");
    }

    @Test
    void aChosenPasswordIsReadFromStdinAndMustBeLongEnough() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            CliRun weak = run("cmd-north", "users", "add", "lee@north.example", "--role", "viewer", "--password-stdin");
            assertThat(weak.exit()).isEqualTo(2);
            assertThat(weak.out()).contains("12-128 characters");
            System.setIn(new ByteArrayInputStream("correct horse battery\n".getBytes(StandardCharsets.UTF_8)));
            CliRun ok = run("cmd-north", "users", "add", "lee@north.example", "--role", "viewer", "--password-stdin");
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.out()).doesNotContain("Password (shown once");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void tokensAreShownOnceListedWithoutTheirSecretAndRevoked() {
        run("cmd-north", "users", "add", "ops@north.example", "--role", "admin");

        CliRun create = run(
                "cmd-north",
                "tokens",
                "create",
                "--user",
                "ops@north.example",
                "--name",
                "prometheus",
                "--scopes",
                "read",
                "--days",
                "30");

        assertThat(create.exit()).as(create.out()).isZero();
        Matcher m = Pattern.compile("Token ([0-9a-f-]{36}) .*\\n(art_\\S+)").matcher(create.out());
        assertThat(m.find()).as(create.out()).isTrue();
        String id = m.group(1);
        String secret = m.group(2);
        CliRun list = run("cmd-north", "tokens", "list");
        assertThat(list.out())
                .contains(id)
                .contains("prometheus")
                .contains("live")
                .doesNotContain(secret);
        assertThat(run("cmd-south", "tokens", "revoke", id).exit()).isEqualTo(1);
        assertThat(run("cmd-north", "tokens", "revoke", id).exit()).isZero();
        assertThat(run("cmd-north", "tokens", "list").out()).contains("revoked");

        CliRun beyond = run(
                "cmd-north",
                "tokens",
                "create",
                "--user",
                "dana-not-here@north.example",
                "--name",
                "x",
                "--scopes",
                "read");
        assertThat(beyond.exit()).isEqualTo(2);
        assertThat(beyond.out()).contains("nobody signs in as dana-not-here@north.example");
    }

    @Test
    void tenantsAreAddedOnceAndListed() {
        assertThat(run("cmd-north", "tenants", "add", "acme-east", "--name", "Acme East")
                        .out())
                .contains("Tenant acme-east added.");
        assertThat(run("cmd-north", "tenants", "add", "acme-east").out()).contains("exists already");
        assertThat(run("cmd-north", "tenants", "list").out()).containsPattern("acme-east\\s+Acme East");
        assertThat(run("cmd-north", "tenants", "add", "Not A Tenant!").exit()).isEqualTo(2);
    }

    @Test
    void anAuthenticatorIsEnrolledOnceShownAndATenantRequiresCodesForApprovers() {
        run("cmd-north", "users", "add", "cfo@north.example", "--role", "controller");

        CliRun enrol = run("cmd-north", "users", "totp", "cfo@north.example");

        assertThat(enrol.exit()).as(enrol.out()).isZero();
        assertThat(enrol.out())
                .containsPattern("secret: [A-Z2-7]{32}")
                .contains("otpauth://totp/ar-agent%3Acfo%40north.example?secret=");
        CliRun require = run("cmd-north", "tenants", "require-totp", "cmd-north");
        assertThat(require.out()).contains("now requires a one-time code");
        assertThat(run("cmd-north", "tenants", "require-totp", "no-such-tenant").exit())
                .isEqualTo(2);
        assertThat(run("cmd-north", "users", "totp", "cfo@north.example", "--off")
                        .out())
                .contains("without a one-time code");
        assertThat(run("cmd-north", "tenants", "require-totp", "cmd-north", "--off")
                        .out())
                .contains("no longer");
    }
}
