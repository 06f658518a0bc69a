package dev.aragent.store;

import dev.aragent.agent.spi.PermanentFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The persistent embedded PostgreSQL asks for a password: its owner's, random, kept beside the data directory in a
 * file only the OS user can read; {@code pg_hba.conf} allows SCRAM on loopback and on the owner-only socket, nothing
 * else. (Throwaway test clusters keep the embedded default, trust on loopback.)
 */
final class OwnerPassword {
    static final String HBA = """
            # written by ar-agent: a password (SCRAM) for every connection, from this machine only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private OwnerPassword() {}

    static Optional<String> read(Path file) {
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                            .filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password in " + file, e);
        }
    }

    /**
     * Writes a secret to {@code file}, readable by the OS user alone (mode 600): written beside it first, then moved
     * into place in one step, so a reader never sees an empty or half-written file.
     */
    static void write(Path file, String secret) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(
                    dir,
                    ".secret-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(
                    temp,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a database password to " + file, e);
        }
    }

    /** Sets a new owner password, writes it to {@code file} (mode 600) and makes the server require passwords. */
    static String require(DataSource owner, Path dataDir, Path file) {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String password = HexFormat.of().formatHex(b);
        try (Connection c = owner.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role postgres password '" + password + "'");
            write(file, password);
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new PermanentFailure("cannot set the embedded database's password: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded database's password to " + file, e);
        }
        return password;
    }
}
