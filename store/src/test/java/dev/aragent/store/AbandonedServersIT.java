package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL left running by a killed process is stopped before its directory is used again or deleted. */
class AbandonedServersIT {
    @TempDir
    Path tmp;

    @Test
    void aKeptDataDirectoryStartsAgainAfterItsOwnerWasKilledAndKeepsItsRows() throws Exception {
        Path dataDir = tmp.resolve("data");
        killedOwner(List.of("embedded", dataDir.toString()), tmp);
        ProcessHandle orphan = serverOf(dataDir);
        assertThat(orphan.isAlive())
                .as("the killed owner's server is still running")
                .isTrue();

        try (Database db = Database.embedded(dataDir)) {
            assertThat(orphan.isAlive()).isFalse();
            List<Integer> rows = db.jdbi()
                    .withHandle(h -> h.createQuery("select x from survived")
                            .mapTo(Integer.class)
                            .list());
            assertThat(rows).containsExactly(42);
            // persistent data is committed durably, and the socket is its owner's alone
            java.util.Map<String, String> expected = java.util.Map.of(
                    "fsync", "on",
                    "synchronous_commit", "on",
                    "full_page_writes", "on",
                    "unix_socket_permissions", "0700");
            for (var e : expected.entrySet()) {
                String value = db.jdbi()
                        .withHandle(h -> h.createQuery("show " + e.getKey())
                                .mapTo(String.class)
                                .one());
                assertThat(value).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void aThrowawayDirectoryOfAKilledOwnerIsDeletedWithItsServerStopped() throws Exception {
        Path dir = Path.of(killedOwner(List.of("throwaway"), tmp));
        assertThat(dir.getParent()).isEqualTo(tmp);
        ProcessHandle orphan = serverOf(dir);
        assertThat(orphan.isAlive()).isTrue();
        Path young = Files.createDirectory(tmp.resolve("ar-agent-pg-young"));
        Path old = Files.createDirectory(tmp.resolve("ar-agent-pg-old"));
        Files.setLastModifiedTime(
                old, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path other = Files.createDirectory(tmp.resolve("something-else"));

        List<Path> swept = AbandonedServers.sweep(tmp, "ar-agent-pg-", Duration.ofHours(1), Instant.now());

        assertThat(swept).containsExactlyInAnyOrder(dir, old);
        assertThat(orphan.isAlive()).isFalse();
        assertThat(dir).doesNotExist();
        assertThat(young).exists();
        assertThat(other).exists();
    }

    @Test
    void aDirectoryWhoseOwnerLivesIsLeftAlone() throws IOException {
        Path live = Files.createDirectory(tmp.resolve("ar-agent-pg-live"));
        Files.writeString(
                live.resolve(AbandonedServers.SERVER_PID),
                ProcessHandle.current().pid() + "\n");
        try (FileChannel owner = FileChannel.open(
                        live.resolve(AbandonedServers.OWNER_LOCK),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                var lock = owner.lock()) {
            assertThat(AbandonedServers.sweep(tmp, "ar-agent-pg-", Duration.ZERO, Instant.now()))
                    .isEmpty();
            assertThat(AbandonedServers.reclaim(live)).isFalse();
        }
        assertThat(live).exists();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    /** Runs {@link KilledOwner} in its own JVM and returns the data directory it printed. */
    private static String killedOwner(List<String> args, Path tmpDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpDir,
                "-cp",
                System.getProperty("java.class.path"),
                KilledOwner.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(9);
        return out.lines().reduce((a, b) -> b).orElseThrow().strip();
    }

    private static ProcessHandle serverOf(Path dataDir) throws IOException {
        String pid = Files.readAllLines(dataDir.resolve(AbandonedServers.SERVER_PID))
                .getFirst()
                .strip();
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }
}
