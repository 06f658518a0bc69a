package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ar-agent import FILE --kind bank} end to end: a bank file read, its entries kept once, a sure receipt applied
 * to the invoices it names, an unknown one left for a person; the same file again is unchanged; a broken file is
 * refused (exit 2) naming its line and writing nothing; the third-party files import.
 */
class BankImportCommandIT {
    private static final String AGING = """
            customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency
            C-1,Blue Fern Bistro,INV-1041,2026-09-01,2026-10-01,1250.00,1250.00,USD
            C-1,Blue Fern Bistro,INV-1043,2026-09-05,2026-10-05,592.00,592.00,USD
            C-2,Harbor Hotel,INV-2001,2026-09-10,2026-10-10,800.00,800.00,USD
            """;
    private static final String BANK = """
            date,amount,currency,name,account,text,reference
            2026-10-20,1250.00,USD,BLUE FERN BISTRO LLC,US12BANK0001,Payment INV-1041,B-1
            2026-10-21,317.45,USD,J SMITH,US99BANK0002,thank you,B-2
            2026-10-21,-25.00,USD,Bank,,monthly fee,B-3
            """;
    private static Database db;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
    }

    private CliRun run(String tenant, String name, byte[] content, String... more) throws Exception {
        return CliRun.importing(db, dir, tenant, name, content, more);
    }

    private long number(String sql, String tenant) {
        return db.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind(0, tenant).mapTo(Long.class).one());
    }

    @Test
    void aSureReceiptShouldBeAppliedTheOtherLeftForAPersonAndTheSameFileAgainChangeNothing() throws Exception {
        assertThat(run("bank-a", "aging.csv", AGING.getBytes()).exit()).isZero();

        CliRun first = run("bank-a", "ops-october.csv", BANK.getBytes(), "--kind", "bank");
        CliRun again = run("bank-a", "ops-october.csv", BANK.getBytes(), "--kind", "bank");

        assertThat(first.exit()).isZero();
        assertThat(first.out())
                .contains("Bank file ops-october.csv (csv:generic): 1 statement, 3 entries (2 in, 1 out).")
                .contains("Imported: 3 new entries (2 receipts), 0 already in the cash book.")
                .contains("Applied by the agent: 1. Waiting in the unapplied-cash queue: 1.");
        assertThat(number("select open_minor from invoices where tenant_id = ? and number = 'INV-1041'", "bank-a"))
                .isZero();
        assertThat(number("select count(*) from bank_lines where tenant_id = ? and state = 'open'", "bank-a"))
                .isEqualTo(1);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Unchanged: this file was imported before; nothing was written.");
        assertThat(number("select count(*) from bank_lines where tenant_id = ?", "bank-a"))
                .isEqualTo(3);
        assertThat(number("select count(*) from payments where tenant_id = ?", "bank-a"))
                .isEqualTo(1);
    }

    @Test
    void aBrokenFileShouldBeRefusedWithItsLineAndWriteNothing() throws Exception {
        String broken = BANK.replace("2026-10-21,317.45", "2026-10-21,31x.45");

        CliRun run = run("bank-b", "broken.csv", broken.getBytes(), "--kind", "bank");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Refused, nothing was written: bank CSV (profile 'generic'): line 3");
        assertThat(number("select count(*) from bank_lines where tenant_id = ?", "bank-b"))
                .isZero();
        assertThat(number("select count(*) from bank_files where tenant_id = ?", "bank-b"))
                .isZero();
    }

    @Test
    void aStatementAndTheNotificationOfItsEntriesShouldFileEachEntryOnce() throws Exception {
        Path bank = Path.of(System.getProperty("testdata.dir", "../../shared/testdata"))
                .resolve("bank");
        assumeTrue(Files.isDirectory(bank), "the third-party bank files are beside the checkout: " + bank);
        byte[] statement = Files.readAllBytes(bank.resolve("camt053v04_postfinance_viafintech-valid_example_v4.xml"));
        byte[] notification = Files.readAllBytes(bank.resolve("camt054v04_postfinance_viafintech-valid_example.xml"));

        CliRun first = run("bank-c", "statement.xml", statement, "--kind", "bank", "--json");
        CliRun second = run("bank-c", "notification.xml", notification, "--kind", "bank", "--json");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("\"outcome\" : \"imported\"").contains("\"format\" : \"camt.053.001.04\"");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("\"added\" : 0").contains("\"outcome\" : \"unchanged\"");
    }
}
