package dev.aragent.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL outlives an ar-agent that was killed (SIGKILL, out of memory, a power cut of the JVM only):
 * its server keeps running on the data directory, so the next start on that directory fails, and a throwaway
 * directory with its server is never deleted. The process that starts a server holds a lock on its data directory
 * ({@code epg-lock}) for as long as it lives; the server itself does not inherit it. A data directory with a server
 * lock file ({@code postmaster.pid}) whose owner's lock can be taken was abandoned: its server, when still running, is
 * stopped (a smart shutdown: its clients died with their process) before the directory is used again or deleted.
 */
final class AbandonedServers {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedServers.class);
    static final String OWNER_LOCK = "epg-lock";
    static final String SERVER_PID = "postmaster.pid";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private AbandonedServers() {}

    /**
     * Stops the server left running on {@code dataDir} by a process that no longer lives. Does nothing when the
     * directory has no server lock file or its owner is alive (starting then fails with the server's own message).
     *
     * @return whether a left-over server was stopped
     */
    static boolean reclaim(Path dataDir) {
        if (!Files.exists(dataDir.resolve(SERVER_PID))) {
            return false;
        }
        return withOwnerLock(dataDir, () -> stopServer(dataDir)).orElse(false);
    }

    /**
     * Deletes the directories under {@code parent} named {@code prefix*} whose owner died: their left-over server is
     * stopped first. A directory that never had a server is left alone until it is {@code minAge} old (its owner may
     * be between creating it and starting the server in it).
     *
     * @return the directories deleted
     */
    static List<Path> sweep(Path parent, String prefix, Duration minAge, Instant now) {
        List<Path> candidates;
        try (Stream<Path> dirs = Files.list(parent)) {
            candidates = dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            LOG.atDebug()
                    .addKeyValue("dir", parent)
                    .addKeyValue("error", e.getMessage())
                    .log("cannot list for abandoned servers");
            return List.of();
        }
        return candidates.stream()
                .filter(d -> Files.exists(d.resolve(SERVER_PID)) || olderThan(d, minAge, now))
                .filter(d -> withOwnerLock(d, () -> {
                            stopServer(d);
                            return Database.deleteTree(d);
                        })
                        .orElse(false))
                .toList();
    }

    private static boolean olderThan(Path dir, Duration age, Instant now) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().plus(age).isBefore(now);
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code action} holding the directory's owner lock, or returns empty when a live process holds it. */
    private static Optional<Boolean> withOwnerLock(Path dataDir, java.util.function.Supplier<Boolean> action) {
        try (FileChannel channel =
                FileChannel.open(dataDir.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.empty();
            }
            try (lock) {
                return Optional.of(action.get());
            }
        } catch (OverlappingFileLockException e) {
            return Optional.empty(); // this very process owns it
        } catch (IOException e) {
            LOG.atDebug()
                    .addKeyValue("dir", dataDir)
                    .addKeyValue("error", e.getMessage())
                    .log("cannot take the data directory's owner lock");
            return Optional.empty();
        }
    }

    private static boolean stopServer(Path dataDir) {
        Optional<ProcessHandle> server = serverProcess(dataDir);
        if (server.isEmpty()) {
            return false;
        }
        ProcessHandle pg = server.get();
        LOG.atWarn()
                .addKeyValue("dir", dataDir)
                .addKeyValue("pid", pg.pid())
                .log("stopping the PostgreSQL an ar-agent that died left running");
        pg.destroy();
        try {
            pg.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pg.destroyForcibly();
            pg.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
        return true;
    }

    /** The live process named in the server lock file, when it is a PostgreSQL server. */
    private static Optional<ProcessHandle> serverProcess(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(SERVER_PID));
            if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                            .orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
