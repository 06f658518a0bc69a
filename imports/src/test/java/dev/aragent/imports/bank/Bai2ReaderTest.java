package dev.aragent.imports.bank;

import static dev.aragent.imports.bank.BankFiles.credits;
import static dev.aragent.imports.bank.BankFiles.debits;
import static dev.aragent.imports.bank.BankFiles.entries;
import static dev.aragent.imports.bank.BankFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BAI2 files of {@code ../shared/testdata/bank} (from other projects' test suites), read to the totals their
 * MANIFEST states with every account's control total checked; and files that must be refused whole, with their line.
 */
class Bai2ReaderTest {
    @Test
    void aBankStatementOfTwoDaysReconcilesOpeningLedgerPlusDetailsToClosingLedger() throws IOException {
        List<BankStatement> s = Bai2Reader.read(file("bai2_moj-svb_us_example.bai2"));

        assertThat(s).hasSize(2);
        assertThat(entries(s)).isEqualTo(2);
        assertThat(credits(s)).isEqualTo(1_395_996);
        assertThat(debits(s)).isZero();
        assertThat(s)
                .extracting(
                        x -> x.opening().orElseThrow().minor(),
                        x -> x.closing().orElseThrow().minor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(34_726_979L, 35_217_175L),
                        org.assertj.core.groups.Tuple.tuple(35_217_175L, 36_122_975L));
        assertThat(s).allSatisfy(x -> assertThat(x.reconciles()).contains(true));
        BankTransaction first = s.getFirst().entries().getFirst();
        assertThat(first.bankReference()).isEqualTo("172629");
        assertThat(first.remittance()).containsExactly("SOME PAYMENT ACH OFFSET");
        assertThat(first.bookingDate()).map(Object::toString).contains("2022-02-01");
    }

    @Test
    void canadianDetailsWithValueDatesAddUpToEachAccountsControlTotal() throws IOException {
        List<BankStatement> s = Bai2Reader.read(file("bai2_moov-sample1.bai2"));

        assertThat(s).hasSize(2);
        assertThat(entries(s)).isEqualTo(17);
        assertThat(credits(s)).isEqualTo(320_000);
        assertThat(debits(s)).isEqualTo(320_000);
        assertThat(s).allSatisfy(x -> assertThat(x.currency().getCurrencyCode()).isEqualTo("CAD"));
        assertThat(s.getFirst().entries().getFirst().remittance()).containsExactly("RETURNED CHEQUE");
        assertThat(s.getFirst().entries().getFirst().valueDate())
                .map(Object::toString)
                .contains("2006-03-16");
    }

    @Test
    void theSpecsOwnExampleWithDistributedFundsAndContinuedSummaries() throws IOException {
        List<BankStatement> s = Bai2Reader.read(file("bai2_moov-sample2-bai-spec.bai2"));

        assertThat(s).hasSize(5);
        assertThat(entries(s)).isEqualTo(4);
        assertThat(credits(s)).isEqualTo(30_950_000);
        assertThat(debits(s)).isZero();
        assertThat(s).allSatisfy(x -> assertThat(x.currency().getCurrencyCode()).isEqualTo("USD"));
        assertThat(s.stream().flatMap(x -> x.entries().stream()).flatMap(e -> e.remittance().stream()))
                .contains("LOCK BOX NO.68751", "PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO");
    }

    @Test
    void aFileWhoseTotalsDoNotHoldOrThatIsCutShortIsRefusedWhole() throws IOException {
        String good = new String(file("bai2_moj-svb_us_example.bai2"), StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> Bai2Reader.read(
                        good.replace("16,142,490196,", "16,142,490197,").getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageStartingWith("line 9: account 1234567890's control total says 138884258")
                .hasMessageContaining("add up to 138884259");
        String cut = good.substring(0, good.indexOf("49,138884258"));
        assertThatThrownBy(() -> Bai2Reader.read(cut.getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("has no 49 trailer");
        assertThatThrownBy(() -> Bai2Reader.read("hello,world/".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("not a BAI2 file");
        assertThatThrownBy(() -> Bai2Reader.read(
                        good.replace("16,142,490196,", "16,142,49O196,").getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("'49O196' is no amount");
    }
}
