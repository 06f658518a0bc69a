package dev.aragent.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aragent.agent.spi.PermanentFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that holds the ledger: an external one ({@code AR_DATABASE_URL}), or one started in-process from the
 * binaries in the Maven repository, with its data kept in a directory (demo, serve) or thrown away on close (tests).
 * {@link #migrate()} brings the schema up to date with Flyway.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String EMBEDDED_DB = "aragent";
    private static final String THROWAWAY_PREFIX = "ar-agent-pg-";

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final String description;
    private final Optional<EmbeddedPostgres> embedded;
    private final Optional<Path> throwawayDir;

    private final String jdbcUrl;
    /** The service role's connections, set up by {@link #migrate()}; until then the owner's. */
    private volatile Jdbi service;

    private volatile Optional<HikariDataSource> servicePool = Optional.empty();
    /** The service role's connections that carry a tenant (kept apart from {@link #service}'s, which never do). */
    private volatile Tenanted tenanted;

    private volatile Optional<HikariDataSource> tenantPool = Optional.empty();
    private volatile Optional<Path> serviceSecret = Optional.empty();

    /**
     * The role the service connects as — no owner, no superuser, bound by row-level security — one per database
     * ({@code ar_agent_service_<database>}), so two deployments on one server never share or reset each other's.
     */
    private volatile String serviceRole = "ar_agent_service";

    private Database(
            DataSource dataSource,
            String jdbcUrl,
            String description,
            Optional<EmbeddedPostgres> embedded,
            Optional<Path> throwawayDir) {
        this.dataSource = pooled(dataSource, description);
        this.jdbcUrl = jdbcUrl;
        this.jdbi = Jdbi.create(this.dataSource).installPlugin(new PostgresPlugin());
        this.service = jdbi;
        this.tenanted = new Tenanted(jdbi);
        this.description = description;
        this.embedded = embedded;
        this.throwawayDir = throwawayDir;
    }

    /**
     * Connections are pooled: opening one costs tens of milliseconds, which a call's turn or a webhook cannot spend
     * on every statement. Small (at most 6 per database) and lazy (idle ones close after 10 s), so the many databases
     * of a test run stay under the server's {@code max_connections}.
     */
    private static HikariDataSource pooled(DataSource raw, String description) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(raw);
        c.setPoolName("ar-agent " + description);
        c.setMaximumPoolSize(6);
        c.setMinimumIdle(0);
        c.setIdleTimeout(10_000);
        c.setConnectionTimeout(15_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** An external PostgreSQL ≥ 15, e.g. {@code jdbc:postgresql://db:5432/aragent}. */
    public static Database external(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        return new Database(
                ds,
                url.startsWith("jdbc:") ? url : "jdbc:" + url,
                "PostgreSQL at " + ds.getServerNames()[0] + ":" + ds.getPortNumbers()[0] + "/" + ds.getDatabaseName(),
                Optional.empty(),
                Optional.empty());
    }

    /** An embedded PostgreSQL whose data lives in {@code dataDir} across runs. */
    public static Database embedded(Path dataDir) {
        return start(dataDir, false);
    }

    /**
     * An embedded PostgreSQL in a fresh temporary directory, deleted on {@link #close()}. Directories (and servers)
     * that processes killed before their close left behind are cleared first.
     */
    public static Database throwaway() {
        try {
            // file ages are the file system's, so the host's clock: this is housekeeping, not business time
            List<Path> swept = AbandonedServers.sweep(
                    Path.of(System.getProperty("java.io.tmpdir")),
                    THROWAWAY_PREFIX,
                    Duration.ofHours(1),
                    Instant.now());
            if (!swept.isEmpty()) {
                LOG.atInfo().addKeyValue("dirs", swept.size()).log("deleted abandoned throwaway databases");
            }
            return start(Files.createTempDirectory(THROWAWAY_PREFIX), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for PostgreSQL", e);
        }
    }

    private static Database start(Path dataDir, boolean throwaway) {
        try {
            Files.createDirectories(dataDir);
            AbandonedServers.reclaim(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // only this OS user may use the server's socket; TCP on loopback only
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setServerConfig("listen_addresses", "localhost");
            if (throwaway) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                // a committed payment or promise survives a power loss: durable commits for the data that persists
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            Path secretFile = dataDir.resolveSibling(dataDir.getFileName() + ".password");
            Optional<String> secret = throwaway ? Optional.empty() : OwnerPassword.read(secretFile);
            secret.ifPresent(pw -> builder.setConnectConfig("password", pw));
            EmbeddedPostgres pg = builder.start();
            createDatabaseIfMissing(pg.getPostgresDatabase());
            if (!throwaway && secret.isEmpty()) {
                // first start (or a data directory from before passwords): set one, then require it on loopback
                secret = Optional.of(OwnerPassword.require(pg.getPostgresDatabase(), dataDir, secretFile));
            }
            DataSource ds = secret.isPresent()
                    ? pg.getDatabase("postgres", EMBEDDED_DB, java.util.Map.of("password", secret.get()))
                    : pg.getDatabase("postgres", EMBEDDED_DB);
            LOG.atInfo()
                    .addKeyValue("dir", dataDir)
                    .addKeyValue("port", pg.getPort())
                    .log("embedded PostgreSQL started");
            Database db = new Database(
                    ds,
                    pg.getJdbcUrl("postgres", EMBEDDED_DB),
                    "embedded PostgreSQL (data in " + dataDir + ", port " + pg.getPort() + ")",
                    Optional.of(pg),
                    throwaway ? Optional.of(dataDir) : Optional.empty());
            return throwaway
                    ? db
                    : db.keepServiceSecretIn(dataDir.resolveSibling(dataDir.getFileName() + ".service-password"));
        } catch (IOException | RuntimeException e) {
            String hint = Files.exists(dataDir.resolve("postmaster.pid"))
                    ? " Another ar-agent (serve?) may be using " + dataDir
                            + ": stop it, or set AR_DATA_DIR to another directory."
                    : "";
            throw new PermanentFailure(
                    "cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage() + "." + hint, e);
        }
    }

    private static void createDatabaseIfMissing(DataSource admin) {
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DB + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + EMBEDDED_DB);
                }
            }
        } catch (SQLException e) {
            throw new PermanentFailure("cannot create database " + EMBEDDED_DB, e);
        }
    }

    /** Applies pending migrations; fails on a schema edited behind Flyway's back. */
    public Database migrate() {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.atInfo()
                .addKeyValue("applied", result.migrationsExecuted)
                .addKeyValue("version", result.targetSchemaVersion)
                .log("schema migrated");
        restrictService();
        return this;
    }

    /**
     * Creates (or refreshes) the service role with a fresh random password, grants it the rows of every table but not
     * their ownership, and points the service's connections at it: PostgreSQL's row-level security then binds
     * everything the service does. An owner that may not create roles (a managed database) leaves the service on the
     * owner's connections, with a warning.
     */
    private void restrictService() {
        String password;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                String db = rs.getString(1).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
                String role = "ar_agent_service_" + db;
                serviceRole = role.length() > 63 ? role.substring(0, 63) : role;
            }
            // one process at a time sets the role up: another reads the password this one keeps
            s.execute("select pg_advisory_lock(hashtext('" + serviceRole + "'))");
            try {
                password = setUpServiceRole(c, s);
            } finally {
                s.execute("select pg_advisory_unlock(hashtext('" + serviceRole + "'))");
            }
        } catch (SQLException e) {
            throw new PermanentFailure(
                    "cannot set up the service role " + serviceRole + " (the service would run as"
                            + " the tables' owner, unbound by row-level security): " + e.getMessage() + ". On a managed"
                            + " PostgreSQL, create it as an administrator (create role " + serviceRole
                            + " login nosuperuser nobypassrls password '…') and put its password in "
                            + serviceSecret.map(Object::toString).orElse("the data directory's service.password"),
                    e);
        }
        PGSimpleDataSource ds = serviceSource(password);
        HikariDataSource pool = pooled(ds, description + " as " + serviceRole);
        HikariDataSource scoped = pooled(ds, description + " as " + serviceRole + " per tenant");
        servicePool.ifPresent(HikariDataSource::close);
        tenantPool.ifPresent(HikariDataSource::close);
        servicePool = Optional.of(pool);
        tenantPool = Optional.of(scoped);
        service = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        tenanted = new Tenanted(Jdbi.create(scoped).installPlugin(new PostgresPlugin()));
    }

    /** Creates the role or checks it, settles its password, grants it rows; the password the service signs in with. */
    private String setUpServiceRole(Connection c, Statement s) throws SQLException {
        Optional<String> stored = serviceSecret.flatMap(OwnerPassword::read);
        boolean exists;
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + serviceRole + "'")) {
            exists = rs.next();
        }
        if (!exists) {
            s.execute("create role " + serviceRole + " login nosuperuser nocreatedb nocreaterole nobypassrls"
                    + " noreplication");
        }
        String password = stored.orElse("");
        if (!exists || stored.isEmpty() || !canSignIn(stored.get())) {
            password = java.util.HexFormat.of().formatHex(randomBytes());
            // sent as a SCRAM verifier, so the password never appears in the server's logs
            c.unwrap(org.postgresql.PGConnection.class)
                    .alterUserPassword(serviceRole, password.toCharArray(), "scram-sha-256");
            String kept = password;
            serviceSecret.ifPresent(f -> OwnerPassword.write(f, kept));
        }
        try (ResultSet rs = s.executeQuery("select r.rolsuper or r.rolbypassrls or exists (select 1 from"
                + " pg_auth_members m where m.member = r.oid) from pg_roles r where r.rolname = '" + serviceRole
                + "'")) {
            if (rs.next() && rs.getBoolean(1)) {
                throw new PermanentFailure("the role " + serviceRole + " is a superuser, bypasses row-level"
                        + " security or belongs to another role, so nothing would bind the service: alter role "
                        + serviceRole + " nosuperuser nobypassrls, and revoke its memberships");
            }
        }
        String db;
        try (ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            db = rs.getString(1);
        }
        s.execute("grant connect on database \"" + db.replace("\"", "\"\"") + "\" to " + serviceRole);
        s.execute("grant usage on schema public to " + serviceRole);
        s.execute("grant select, insert, update, delete on all tables in schema public to " + serviceRole);
        s.execute("revoke all on flyway_schema_history from " + serviceRole);
        s.execute("grant usage, select on all sequences in schema public to " + serviceRole);
        s.execute("alter default privileges in schema public grant select, insert, update, delete on tables to "
                + serviceRole);
        s.execute("alter default privileges in schema public grant usage, select on sequences to " + serviceRole);
        // no statement of the service may hold a connection for ever: one pathological input cannot stall it
        s.execute("alter role " + serviceRole + " set statement_timeout = '60s'");
        s.execute("alter role " + serviceRole + " set idle_in_transaction_session_timeout = '5min'");
        return password;
    }

    private PGSimpleDataSource serviceSource(String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(serviceRole);
        ds.setPassword(password);
        return ds;
    }

    /**
     * Whether the service role signs in with {@code password}: false only when the server says the password is wrong
     * (another process changed it); any other failure is the server's and is not a reason to change the password.
     */
    private boolean canSignIn(String password) throws SQLException {
        try (Connection c = serviceSource(password).getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Keeps the service role's password in {@code file} (mode 600), so the next process — a command while {@code
     * serve} runs, another instance — signs in with the same one instead of changing it under the running one.
     */
    public Database keepServiceSecretIn(Path file) {
        this.serviceSecret = Optional.of(file);
        return this;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    /** The service's connections scoped to one tenant at a time: what every store uses for a tenant's book. */
    Tenanted tenanted() {
        return tenanted;
    }

    /** The role the service connects as (after {@link #migrate()}). */
    public String serviceRole() {
        return serviceRole;
    }

    /** The service role's connections, for the few tables that are nobody's book (people, sessions, tokens). */
    Jdbi service() {
        return service;
    }

    /** A database of the same server, created empty (tests give each class its own). */
    public Database newDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits or _: " + name);
        }
        EmbeddedPostgres pg =
                embedded.orElseThrow(() -> new IllegalStateException("only an embedded server makes databases"));
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new PermanentFailure("cannot create database " + name, e);
        }
        return new Database(
                pg.getDatabase("postgres", name),
                pg.getJdbcUrl("postgres", name),
                "embedded PostgreSQL database " + name,
                Optional.empty(),
                Optional.empty());
    }

    /** Whether the database answers a query within two seconds. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("select 1")) {
                return rs.next();
            }
        } catch (SQLException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("database health check failed");
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL (without password) another process can connect with. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The owner's connections: migrations, operators' reports and tests. Row-level security does not bind them; the
     * service's stores use {@link #tenanted()}.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        servicePool.ifPresent(HikariDataSource::close);
        tenantPool.ifPresent(HikariDataSource::close);
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (IOException e) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).log("embedded PostgreSQL did not stop cleanly");
            }
        }
        throwawayDir.ifPresent(Database::deleteTree);
    }

    /** Deletes a directory and everything in it; whether it is gone. */
    static boolean deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("dir", dir).log("could not delete the throwaway database directory");
        }
        return !Files.exists(dir);
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
