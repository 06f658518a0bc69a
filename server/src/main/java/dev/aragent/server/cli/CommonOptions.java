package dev.aragent.server.cli;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that opens the book shares. */
public final class CommonOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "settings file (default: ${DEFAULT-VALUE})",
            defaultValue = "ar-agent.yaml")
    Path config = Path.of("ar-agent.yaml");

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the embedded database keeps its data (default: AR_DATA_DIR, else ./data)")
    Optional<Path> dataDir = Optional.empty();

    @Option(names = "--tenant", paramLabel = "ID", description = "whose book (default: AR_TENANT, else 'default')")
    public Optional<String> tenant = Optional.empty();

    @Option(
            names = "--database-url",
            paramLabel = "JDBC-URL",
            description =
                    "an external PostgreSQL >= 15 (default: AR_DATABASE_URL, else the embedded one in the data directory)")
    Optional<String> databaseUrl = Optional.empty();

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "act as if today were DATE (YYYY-MM-DD); default: today")
    Optional<LocalDate> asOf = Optional.empty();

    @Option(
            names = "--now",
            paramLabel = "INSTANT",
            description = "act as if now were INSTANT (e.g. 2026-11-24T15:00:00Z); overrides --as-of")
    Optional<java.time.Instant> now = Optional.empty();

    public Settings settings() {
        Settings s = Settings.load(config, System.getenv());
        if (dataDir.isPresent()) {
            s = s.withDataDir(dataDir.get());
        }
        if (databaseUrl.isPresent()) {
            s = s.withDatabaseUrl(databaseUrl.get());
        }
        if (tenant.isPresent()) {
            s = s.withTenant(TenantId.of(tenant.get()));
        }
        return s;
    }

    public Clock clock() {
        if (now.isPresent()) {
            return Clock.fixed(now.get(), ZoneOffset.UTC);
        }
        return asOf.map(d -> Clock.fixed(d.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .orElse(Clock.systemUTC());
    }

    App start() {
        return App.start(settings(), clock());
    }
}
