package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ar-agent import} end to end: real CSV files, the real CLI, an embedded PostgreSQL. */
class ImportCommandIT {
    private static final String HEADER =
            "customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency\n";
    private static Database db;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
    }

    private CliRun importFile(String tenant, String name, String csv, String... more) throws Exception {
        return CliRun.importing(db, dir, tenant, name, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), more);
    }

    private int count(String sql, String tenant) {
        return db.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind(0, tenant).mapTo(Integer.class).one());
    }

    @Test
    void aBrokenFileShouldExitNonZeroNameItsLinesAndWriteNothing() throws Exception {
        CliRun run = importFile("broken", "aging.csv", HEADER + """
                C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00,100.00,USD
                C-2,Harbor Hotel,INV-2,2026-13-01,2026-10-31,100.00,100.00,USD
                C-3,Old Mill Inn,INV-3,2026-10-01,2026-10-31,abc,100.00,USD
                """);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out())
                .contains("line 3, invoice_date '2026-13-01': not a date")
                .contains("line 4, amount 'abc': not an amount")
                .contains("Rejected, nothing was written")
                .contains("--accept-health-report");
        assertThat(count("select count(*) from invoices where tenant_id = ?", "broken"))
                .isZero();
        assertThat(count("select count(*) from customers where tenant_id = ?", "broken"))
                .isZero();
        assertThat(count("select count(*) from imports where tenant_id = ?", "broken"))
                .isZero();
    }

    @Test
    void acceptingTheReportShouldWriteOnlyTheValidRows() throws Exception {
        String csv = HEADER + """
                C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00,100.00,USD
                C-2,Harbor Hotel,INV-2,2026-13-01,2026-10-31,100.00,100.00,USD
                """;

        CliRun run = importFile("accepting", "aging.csv", csv, "--accept-health-report");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("invalid rows skipped: report accepted");
        assertThat(count("select count(*) from invoices where tenant_id = ?", "accepting"))
                .isEqualTo(1);
    }

    @Test
    void reimportingShouldChangeNothingAndANewerAgingShouldUpdateAndClose() throws Exception {
        String first = HEADER + """
                C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00,100.00,USD
                C-2,Harbor Hotel,INV-2,2026-10-01,2026-10-31,250.00,250.00,USD
                """;
        assertThat(importFile("reimport", "aging.csv", first).out()).contains("Imported: 4 new");

        CliRun again = importFile("reimport", "aging.csv", first);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("No changes");
        assertThat(count("select count(*) from imports where tenant_id = ?", "reimport"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where tenant_id = ?", "reimport"))
                .isEqualTo(1);

        CliRun newer = importFile(
                "reimport",
                "aging-2.csv",
                HEADER + "C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00,40.00,USD\n");
        assertThat(newer.out()).contains("1 updated").contains("1 closed");
        assertThat(count("select open_minor::int from invoices where tenant_id = ? and number = 'INV-1'", "reimport"))
                .isEqualTo(4_000);
        assertThat(count("select count(*) from invoices where tenant_id = ? and status = 'closed'", "reimport"))
                .isEqualTo(1);
    }

    @Test
    void aRenamedColumnShouldBeNamedAndBlockTheImport() throws Exception {
        CliRun run = importFile("renamed", "aging.csv", """
                customer_id,customer_name,invoice_no,invoice_date,payment_due,open_balance
                C-1,Blue Fern Bistro,INV-1,2026-10-01,2026-10-31,100.00
                """);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("missing required column 'due_date': column 'payment_due' looks like it");
    }

    @Test
    void aQuickBooksExportShouldImportWithItsProfile() throws Exception {
        CliRun run = importFile("qb", "qb.csv", """
                "A/R Aging Detail"
                "Northwind Wholesale"
                "As of November 22, 2026"

                "","Date","Transaction Type","Num","Customer","Due Date","Amount","Open Balance"
                "1 - 30 days past due"
                "","10/10/2026","Invoice","1041","Blue Fern Bistro","11/09/2026","1,850.00","1,850.00"
                "Total for 1 - 30 days past due","","","","","","$1,850.00","$1,850.00"
                "TOTAL","","","","","","$1,850.00","$1,850.00"
                """, "--profile", "quickbooks");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("report date: 2026-11-22").contains("Imported: 2 new");
        assertThat(count("select amount_minor::int from invoices where tenant_id = ? and number = '1041'", "qb"))
                .isEqualTo(185_000);
    }

    @Test
    void aMissingFileOrUnknownProfileShouldSayWhatToDo() throws Exception {
        CliRun missing = CliRun.of("import", dir.resolve("nope.csv").toString(), "--database-url", db.jdbcUrl());
        CliRun profile = importFile("p", "a.csv", HEADER, "--profile", "sage");

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("no such file");
        assertThat(profile.exit()).isEqualTo(1);
        assertThat(profile.out()).contains("unknown profile 'sage': use generic, quickbooks or xero");
    }

    @Test
    void anImportWithIndexRefreshesTheTouchedAccountsInTheRetrievalIndex() throws Exception {
        String[] dataDir = {"--data-dir", dir.resolve("data").toString()};
        CliRun first = importFile("indexed", "aging.csv", HEADER + """
                C-1,Blue Fern Bistro,INV-41,2026-10-01,2026-10-31,1250.00,1250.00,USD
                C-2,Harbor Hotel,INV-42,2026-10-01,2026-10-31,300.00,300.00,USD
                """, "--index", dataDir[0], dataDir[1]);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("4 documents of 2 accounts indexed");
        CliRun changed = importFile("indexed", "aging.csv", HEADER + """
                C-1,Blue Fern Bistro,INV-41,2026-10-01,2026-10-31,1250.00,250.00,USD
                C-2,Harbor Hotel,INV-42,2026-10-01,2026-10-31,300.00,300.00,USD
                """, "--index", dataDir[0], dataDir[1]);
        assertThat(changed.exit()).isZero();
        CliRun ask = CliRun.of(
                "ask",
                "C-1",
                "how much is open on INV-41",
                "--database-url",
                db.jdbcUrl(),
                "--tenant",
                "indexed",
                dataDir[0],
                dataDir[1],
                "--json");
        assertThat(ask.out()).contains("$250.00 still open").doesNotContain("Harbor");
    }
}
