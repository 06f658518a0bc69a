package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.cli.CliRun;
import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on a smaller book: generate, import through the real path, summarise, order. */
class DemoCommandIT {

    @Test
    void theDemoShouldImportTheSampleBookAndPrintTheSummaryAndTheQueue(@TempDir Path dataDir) {
        Database db = TestDatabase.fresh();
        String[] args = {
            "demo",
            "--tour",
            "--accounts",
            "300",
            "--seed",
            "7",
            "--as-of",
            "2026-11-22",
            "--data-dir",
            dataDir.toString(),
            "--database-url",
            db.jdbcUrl()
        };

        CliRun first = CliRun.of(args);
        // the same tour again, without its email and text conversations (the first run shows them): the second run is
        // here to show that the same book imports as unchanged
        String[] again = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--emails", "0", "--texts", "0"))
                .toArray(String[]::new);
        CliRun second = CliRun.of(again);

        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out())
                .contains(
                        "aging.csv",
                        "clean",
                        "AR summary as of 2026-11-22",
                        "DSO:",
                        "90+",
                        "risk.model.auc:",
                        "risk.candidate.rule_aging_bucket.auc:",
                        "Top 20 accounts",
                        "probability indicator, not a verdict",
                        "factor: ",
                        "priority = $",
                        "when: business days 08:00–21:00 local")
                .doesNotContain("REJECTED");
        assertThat(first.out()
                        .lines()
                        .filter(l -> l.matches("\\s+\\d+\\s{2}.*\\s(email|sms|call|human)\\s{2,}.*"))
                        .count())
                .isEqualTo(20);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("unchanged (already imported)").doesNotContain(" new,");
        assertThat(Files.exists(dataDir.resolve("demo/seed-7-2026-11-22/aging.csv")))
                .isTrue();
        int tenants = db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from tenants where tenant_id = 'demo-7'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(tenants).isEqualTo(1);
    }
}
