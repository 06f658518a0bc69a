package dev.aragent.imports.bank;

import static dev.aragent.imports.bank.BankFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.imports.BankCsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any bank file, its format told by its bytes: every third-party file of {@code ../shared/testdata/bank} read by the
 * right reader and reconciling (or, without balances, holding the totals its MANIFEST states); the MT942 interim
 * report's own totals checked; a refused file names its format, line and reason.
 */
class BankFileReaderTest {
    private final BankFileReader reader = BankFileReader.with(BankCsvReader.Profile.generic());

    @Test
    void everyThirdPartyFileIsReadByItsFormatAndReconciles() throws IOException {
        Map<String, String> formats = Map.of(
                "camt053v02_finland-fkl_moov-FI_camt_053_sample.xml", "camt.053.001.02",
                "camt053v04_postfinance_viafintech-valid_example_v4.xml", "camt.053.001.04",
                "camt054v02_finland-fkl_moov-FI_camt_054_sample.xml", "camt.054.001.02",
                "camt054v04_postfinance_viafintech-valid_example.xml", "camt.054.001.04",
                "bai2_moj-svb_us_example.bai2", "bai2",
                "bai2_moov-sample1.bai2", "bai2",
                "bai2_moov-sample2-bai-spec.bai2", "bai2",
                "mt940_asnbank-mt940.sta", "mt940",
                "mt940_betterplace-sepa_mt9401.sta", "mt940",
                "mt940_cmxl-mt940.sta", "mt940");
        formats.forEach((name, format) -> {
            byte[] bytes;
            try {
                bytes = file(name);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            BankFile read = reader.read(name, bytes);
            assertThat(read.format()).as(name).isEqualTo(format);
            assertThat(read.sha256()).as(name).hasSize(64).isEqualTo(BankFile.sha256(bytes));
            assertThat(read.entries()).as(name).isPositive();
            assertThat(read.statements())
                    .as(name)
                    .allSatisfy(s -> assertThat(s.reconciles()).isNotEqualTo(java.util.Optional.of(false)));
        });
    }

    @Test
    void anInterimReportHoldsTheTotalsItStates() throws IOException {
        BankFile read = reader.read("mt942.sta", file("mt942_mbank-mt942.sta"));

        assertThat(read.format()).isEqualTo("mt942");
        BankStatement s = read.statements().getFirst();
        assertThat(s.entries()).hasSize(3);
        assertThat(s.creditsMinor()).isEqualTo(3);
        assertThat(s.currency().getCurrencyCode()).isEqualTo("PLN");
        assertThat(s.account()).isEqualTo("PL29114010810000267002001002");
    }

    @Test
    void anInterimReportWhoseLinesDoNotAddUpToItsTotalsIsRefused() throws IOException {
        String text = new String(file("mt942_mbank-mt942.sta"), StandardCharsets.ISO_8859_1)
                .replace(":90C:3PLN0,03", ":90C:3PLN0,04");

        assertThatThrownBy(() -> reader.read("mt942.sta", text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MT940: line ")
                .hasMessageContaining("(:90C:)")
                .hasMessageContaining("3 credits of 0,04 but its lines hold 3 of 0.03");
    }

    @Test
    void aBankCsvIsReadThroughTheProfileWithTheFileNameForItsAccount() {
        String csv = """
                date,amount,currency,name,account,text,reference
                2026-10-02,1250.00,USD,Acme Corp,DE0012,INV-1041,B-1
                2026-10-02,-40.00,USD,Bank,,fees,B-2
                """;

        BankFile read = reader.read("exports/ops-october.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(read.format()).isEqualTo("csv:generic");
        assertThat(read.statements().getFirst().account()).isEqualTo("csv:ops-october");
        assertThat(read.statements().getFirst().creditsMinor()).isEqualTo(1_250_00);
    }

    @Test
    void aBrokenFileIsRefusedWithItsFormatLineAndReason() {
        byte[] xml = """
                <?xml version="1.0"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
                <Ntry><Amt Ccy="EUR">12.00</Amt></Ntry>
                """.getBytes(StandardCharsets.UTF_8);
        byte[] bai2 = "01,SENDR,RECVR,261002,0800,1,,,2/\n02,RECVR,BANK,1,261002,,USD,2/\n03,123,USD,010,100,,/\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read("s.xml", xml)).hasMessageStartingWith("camt (ISO 20022 XML): line ");
        assertThatThrownBy(() -> reader.read("s.bai2", bai2)).hasMessageStartingWith("BAI2: ");
        assertThatThrownBy(() -> reader.read("s.csv", "hello\nworld\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("bank CSV (profile 'generic'): line 1: ");
        assertThatThrownBy(() -> reader.read("s.sta", new byte[0])).hasMessage("the file is empty");
    }
}
