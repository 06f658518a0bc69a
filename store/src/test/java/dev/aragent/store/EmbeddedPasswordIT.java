package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent embedded PostgreSQL asks everyone for a password, across restarts; the service is not its owner. */
class EmbeddedPasswordIT {
    @TempDir
    Path dir;

    private static String url(Database db) {
        return db.jdbcUrl().replaceAll("\\?.*", "");
    }

    @Test
    void aConnectionWithoutThePasswordIsRefusedAndTheServiceKeepsWorkingAfterARestart() throws Exception {
        Path data = dir.resolve("pg");
        String url;
        try (Database db = Database.embedded(data).migrate()) {
            url = url(db);
            assertThat(db.healthy()).isTrue();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, db.serviceRole(), "guess"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            Path secret = dir.resolve("pg.password");
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (var c = DriverManager.getConnection(
                    url, "postgres", Files.readString(secret).strip())) {
                assertThat(c.isValid(2)).isTrue();
            }
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
            Map<String, Object> settings = db.jdbi()
                    .withHandle(h -> h.createQuery("select current_setting('unix_socket_permissions') as socket,"
                                    + " current_setting('listen_addresses') as listen, current_setting('fsync') as fsync,"
                                    + " current_setting('synchronous_commit') as sync")
                            .mapToMap()
                            .one());
            assertThat(settings)
                    .containsEntry("socket", "0700")
                    .containsEntry("listen", "localhost")
                    .containsEntry("fsync", "on")
                    .containsEntry("sync", "on");
        }
        String servicePassword = Files.readString(dir.resolve("pg.service-password"));
        try (Database again = Database.embedded(data).migrate()) {
            assertThat(Files.readString(dir.resolve("pg.service-password")))
                    .as("kept, so a command run beside serve does not change it under serve")
                    .isEqualTo(servicePassword);
            assertThat(again.healthy()).isTrue();
            String user = again.service()
                    .withHandle(h -> h.createQuery("select current_user")
                            .mapTo(String.class)
                            .one());
            assertThat(user).isEqualTo(again.serviceRole()).isEqualTo("ar_agent_service_aragent");
            assertThatThrownBy(() -> DriverManager.getConnection(url(again), "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }
}
