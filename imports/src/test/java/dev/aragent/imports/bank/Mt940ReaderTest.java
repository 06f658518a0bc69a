package dev.aragent.imports.bank;

import static dev.aragent.imports.bank.BankFiles.credits;
import static dev.aragent.imports.bank.BankFiles.debits;
import static dev.aragent.imports.bank.BankFiles.entries;
import static dev.aragent.imports.bank.BankFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.BankStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MT940 files of {@code ../shared/testdata/bank} (from other projects' test suites), read to the totals their
 * MANIFEST states, every statement reconciling; and files that must be refused whole, with their line.
 */
class Mt940ReaderTest {
    private static List<BankStatement> read(String name) throws IOException {
        return Mt940Reader.read(file(name));
    }

    @Test
    void twentySixSepaStatementsOverTwentyAccountsEachReconcile() throws IOException {
        List<BankStatement> s = read("mt940_betterplace-sepa_mt9401.sta");

        assertThat(s).hasSize(26);
        assertThat(entries(s)).isEqualTo(97);
        assertThat(credits(s)).isEqualTo(518_847_494L);
        assertThat(debits(s)).isEqualTo(1_445_761_084L);
        assertThat(s).allSatisfy(x -> assertThat(x.reconciles()).as(x.id()).contains(true));
        assertThat(s.stream().map(BankStatement::account).distinct()).hasSize(20);
        assertThat(s.stream().flatMap(x -> x.entries().stream()).flatMap(e -> e.remittance().stream()))
                .isNotEmpty();
    }

    @Test
    void rawStatementsInThreeCurrenciesReconcile() throws IOException {
        List<BankStatement> s = read("mt940_cmxl-mt940.sta");

        assertThat(s).hasSize(3);
        assertThat(entries(s)).isEqualTo(16);
        assertThat(credits(s)).isEqualTo(7_243_674L);
        assertThat(debits(s)).isEqualTo(6_010_944L);
        assertThat(s).extracting(x -> x.currency().getCurrencyCode()).containsExactlyInAnyOrder("DEM", "EUR", "PLN");
        assertThat(s).allSatisfy(x -> assertThat(x.reconciles()).as(x.id()).contains(true));
    }

    @Test
    void thirtyOneDailyFinMessagesOfOneAccountCarryTheBalanceThrough() throws IOException {
        List<BankStatement> s = read("mt940_asnbank-mt940.sta");

        assertThat(s).hasSize(31);
        assertThat(entries(s)).isEqualTo(8);
        assertThat(credits(s)).isEqualTo(282_890L);
        assertThat(debits(s)).isEqualTo(277_196L);
        assertThat(s.getFirst().opening()).map(m -> m.minor()).contains(44_429L);
        assertThat(s.getLast().closing()).map(m -> m.minor()).contains(50_123L);
        assertThat(s).allSatisfy(x -> assertThat(x.reconciles()).contains(true));
        assertThat(s.getFirst().entries().getFirst().remittance())
                .anySatisfy(r -> assertThat(r).contains("Betaling sieraden"));
    }

    @Test
    void aStatementWithoutItsBalanceOrWithAnUnreadableLineIsRefusedWhole() {
        assertThatThrownBy(() -> Mt940Reader.read(":20:A\n:25:X\n:60F:C200101EUR1,00\n:61:2001010101C1,00NTRFNONREF\n"
                        .getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("lacks its opening")
                .hasMessageContaining("closing");
        assertThatThrownBy(() -> Mt940Reader.read(
                        ":20:A\n:25:X\n:60F:C200101EUR1,00\n:61:2001010101X1,00NTRFNONREF\n:62F:C200101EUR2,00\n"
                                .getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageStartingWith("line 4 (:61:)");
        assertThatThrownBy(() -> Mt940Reader.read("no statement here".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("no :20: field");
    }
}
