package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.access.Membership;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.spi.AccessBook;
import dev.aragent.agent.spi.AccessBookContract;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAccessBookIT implements AccessBookContract {
    private static Database database;
    private static PostgresAccessBook book;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        book = PostgresAccessBook.create(database, ColumnKey.random());
    }

    @Override
    public AccessBook book() {
        return book;
    }

    @Test
    void enrollingAPersonIsAuditedUnderTheActorAndNoPasswordIsStoredInTheClear() {
        book.enroll(
                "audit-check@north.example",
                "Audit Check",
                Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
                new Membership(NORTH, Role.COLLECTOR, Optional.empty()),
                BY_ADMIN);

        var rows = database.jdbi()
                .withHandle(h -> h.createQuery(
                                "select actor, action, detail::text from audit_log where subject = 'audit-check@north.example'")
                        .mapToMap()
                        .list());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo(BY_ADMIN.actor());
            assertThat(r.get("action")).isEqualTo("person.enrolled");
            assertThat((String) r.get("detail")).contains("collector");
        });
        String stored = database.jdbi()
                .withHandle(
                        h -> h.createQuery("select password_hash from people where login = 'audit-check@north.example'")
                                .mapTo(String.class)
                                .one());
        assertThat(stored).startsWith("$argon2id$");
    }

    @Test
    void anAuthenticatorSecretIsSealedAtRestAndOpensOnlyWithItsKeyOnItsRow() {
        var p = book.enroll(
                "sealed@north.example",
                "Sealed",
                Optional.empty(),
                new Membership(NORTH, Role.AR_MANAGER, Optional.empty()),
                BY_ADMIN);
        var q = book.enroll(
                "other-row@north.example",
                "Other",
                Optional.empty(),
                new Membership(NORTH, Role.AR_MANAGER, Optional.empty()),
                BY_ADMIN);
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        book.setTotp(p.id(), Optional.of(secret), BY_ADMIN);

        String stored = database.jdbi()
                .withHandle(h -> h.createQuery("select totp_secret from people where person_id = :id")
                        .bind("id", p.id())
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("gcm1:").doesNotContain(secret);
        assertThat(book.totp(p.id()).orElseThrow().secret()).isEqualTo(secret);

        // the same database read with another key, or the sealed value moved to another person's row, does not open
        var stranger = PostgresAccessBook.create(database, ColumnKey.random());
        assertThatThrownBy(() -> stranger.totp(p.id()))
                .isInstanceOf(dev.aragent.agent.spi.PermanentFailure.class)
                .hasMessageContaining("enrol the authenticator again");
        database.jdbi()
                .useHandle(h -> h.createUpdate("update people set totp_secret = :s where person_id = :id")
                        .bind("s", stored)
                        .bind("id", q.id())
                        .execute());
        assertThatThrownBy(() -> book.totp(q.id())).isInstanceOf(dev.aragent.agent.spi.PermanentFailure.class);
    }

    @Test
    void theKeyIsKeptInAFileOnlyItsOwnerReadsAndReadBackTheSame(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("secrets.key");
        ColumnKey first = ColumnKey.kept(file, Optional.empty());
        String sealed = first.seal("secret", "row-1");

        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(ColumnKey.kept(file, Optional.empty()).open(sealed, "row-1")).isEqualTo("secret");
        String fromEnv = java.nio.file.Files.readString(file).strip();
        assertThat(ColumnKey.kept(dir.resolve("absent.key"), Optional.of(fromEnv))
                        .open(sealed, "row-1"))
                .isEqualTo("secret");
        assertThat(ColumnKey.random().open("PLAINTEXT2FA", "row-1"))
                .as("stored before sealing")
                .isEqualTo("PLAINTEXT2FA");
    }
}
