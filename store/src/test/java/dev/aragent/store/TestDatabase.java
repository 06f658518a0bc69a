package dev.aragent.store;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped at exit; each caller gets its own freshly
 * migrated database in it, so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Database server;

    private TestDatabase() {}

    public static synchronized Database fresh() {
        if (server == null) {
            server = Database.throwaway();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-pg-stop"));
        }
        return server.newDatabase("test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .migrate();
    }
}
