package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ar-agent ask}: the account's records, indexed on demand, answer with citations; other accounts never do. */
class AskCommandIT {

    @Test
    void askShouldAnswerFromTheAccountsOwnRecordsWithCitations(@TempDir Path dir) throws Exception {
        Database db = TestDatabase.fresh();
        Path aging = dir.resolve("aging.csv");
        Files.writeString(aging, """
                customer_id,customer_name,invoice_number,po_number,invoice_date,due_date,amount,open_balance,currency
                C-1,Blue Fern Bistro,INV-1041,7781,2026-09-01,2026-10-01,1250.00,1250.00,USD
                C-2,Harbor Hotel,INV-2001,9900,2026-09-01,2026-10-01,800.00,800.00,USD
                """);
        Path notes = dir.resolve("notes.csv");
        Files.writeString(notes, """
                note_id,customer_id,kind,created_at,source,author,subject,body
                N-1,C-1,ticket,2026-10-02T10:00:00Z,helpdesk,Support,Damaged pallet,Two cases arrived crushed; they want a credit.
                N-2,C-2,note,2026-10-03T10:00:00Z,crm,Dana,,Harbor Hotel says the freezer delivery was damaged too.
                """);
        String[] common = {"--database-url", db.jdbcUrl(), "--tenant", "ask-test", "--data-dir", dir.toString()};
        assertThat(CliRun.of(concat(new String[] {"import", aging.toString()}, common))
                        .exit())
                .isZero();
        assertThat(CliRun.of(concat(new String[] {"import", notes.toString()}, common))
                        .exit())
                .isZero();

        CliRun run = CliRun.of(concat(
                new String[] {"ask", "Blue Fern Bistro", "was anything broken on delivery?", "-k", "2"}, common));

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("Blue Fern Bistro (C-1)")
                .contains("1. [ticket N-1, 2026-10-02]")
                .contains("[invoice INV-1041, 2026-09-01]")
                .doesNotContain("Harbor")
                .doesNotContain("INV-2001");
        CliRun unknown = CliRun.of(concat(new String[] {"ask", "Blue", "x"}, common));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains("did you mean: C-1 Blue Fern Bistro");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
