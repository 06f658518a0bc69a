package dev.aragent.imports.bank;

import static dev.aragent.imports.bank.BankFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The camt files of {@code ../shared/testdata/bank} (from other projects' test suites; MANIFEST.md states each file's
 * totals), read to the totals they state; and files that must be refused whole, with where.
 */
class CamtReaderTest {
    @Test
    void aFinnishStatementReconcilesOpeningPlusEntriesToClosing() throws IOException {
        List<BankStatement> read = CamtReader.read(file("camt053v02_finland-fkl_moov-FI_camt_053_sample.xml"));

        BankStatement s = read.getFirst();
        assertThat(read).hasSize(1);
        assertThat(s.format()).isEqualTo("camt.053.001.02");
        assertThat(s.id()).isEqualTo("BANKSTMTID0972009");
        assertThat(s.account()).isEqualTo("FI7433010001222090");
        assertThat(s.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(s.entries()).hasSize(10);
        assertThat(s.creditsMinor()).isEqualTo(2_307_500);
        assertThat(s.debitsMinor()).isEqualTo(943_017);
        assertThat(s.opening()).map(m -> m.minor()).contains(1_000_000L);
        assertThat(s.closing()).map(m -> m.minor()).contains(2_364_483L);
        assertThat(s.reconciles()).contains(true);
        // what cash application reads: creditor references and free-text remittance, the payer's name
        List<String> references =
                s.entries().stream().flatMap(e -> e.references().stream()).toList();
        assertThat(references).contains("RF98123456789012");
        assertThat(s.entries().stream().flatMap(e -> e.remittance().stream()))
                .contains("INVOICE US20291092", "Invoices 123 and 321");
        assertThat(s.entries()).extracting(BankTransaction::counterpartyName).contains("PAYERS NAME2");
    }

    @Test
    void aSwissStatementWithReversalsReconcilesWhenEachEntryIsAppliedByItsOwnSide() throws IOException {
        BankStatement s = CamtReader.read(file("camt053v04_postfinance_viafintech-valid_example_v4.xml"))
                .getFirst();

        assertThat(s.format()).isEqualTo("camt.053.001.04");
        assertThat(s.account()).isEqualTo("CH0309000000250090342");
        assertThat(s.currency().getCurrencyCode())
                .as("from the amounts: the account names none")
                .isEqualTo("CHF");
        assertThat(s.entries()).hasSize(13);
        assertThat(s.entries()).filteredOn(BankTransaction::reversal).hasSize(2);
        assertThat(s.creditsMinor()).isEqualTo(181_056);
        assertThat(s.debitsMinor()).isEqualTo(127_295);
        assertThat(s.opening()).map(m -> m.minor()).contains(32_215_216L);
        assertThat(s.closing()).map(m -> m.minor()).contains(32_268_977L);
        assertThat(s.reconciles()).contains(true);
        assertThat(s.entries().stream().map(BankTransaction::counterpartyName)).contains("Hans Kaufmann");
        assertThat(s.entries()).allSatisfy(e -> assertThat(e.bookingDate()).isPresent());
    }

    @Test
    void notificationsHaveNoBalancesButTheirEntriesAddUpAndAnInfoEntryIsMarked() throws IOException {
        BankStatement fi = CamtReader.read(file("camt054v02_finland-fkl_moov-FI_camt_054_sample.xml"))
                .getFirst();
        assertThat(fi.format()).isEqualTo("camt.054.001.02");
        assertThat(fi.entries()).hasSize(6);
        assertThat(fi.creditsMinor()).isEqualTo(560_000);
        assertThat(fi.debitsMinor()).isEqualTo(523_005);
        assertThat(fi.reconciles()).isEmpty();
        assertThat(fi.entries())
                .filteredOn(e -> e.status().equals("INFO"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.reversal()).isTrue();
                    assertThat(e.signedMinor()).isEqualTo(10_000);
                });

        BankStatement ch = CamtReader.read(file("camt054v04_postfinance_viafintech-valid_example.xml"))
                .getFirst();
        assertThat(ch.entries()).hasSize(4);
        assertThat(ch.creditsMinor()).isEqualTo(8_056);
        assertThat(ch.debitsMinor()).isEqualTo(2_153);
        // the same four entries as the statement's last four: one bank reference each, for telling duplicates apart
        List<BankTransaction> statement = CamtReader.read(
                        file("camt053v04_postfinance_viafintech-valid_example_v4.xml"))
                .getFirst()
                .entries();
        assertThat(ch.entries())
                .extracting(BankTransaction::bankReference)
                .containsExactlyElementsOf(statement.subList(9, 13).stream()
                        .map(BankTransaction::bankReference)
                        .toList());
    }

    private static final String HEAD = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
            + "camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>DE02100100100006820101</IBAN>"
            + "</Id><Ccy>EUR</Ccy></Acct>";

    @Test
    void aBrokenOrForeignFileIsRefusedWholeWithWhere() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(file("camt053v02_finland-fkl_moov-FI_camt_053_sample.xml"), 12_000);
        assertThatThrownBy(() -> CamtReader.read(truncated)).hasMessageContaining("not well-formed XML");

        assertThatThrownBy(() -> CamtReader.read(
                        (HEAD + "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><Sts>BOOK</Sts></Ntry></Stmt></BkToCstmrStmt>"
                                        + "</Document>")
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("line 1, column")
                .hasMessageContaining("neither CRDT nor DBIT");
        assertThatThrownBy(() -> CamtReader.read(
                        (HEAD + "<Ntry><Amt Ccy=\"EUR\">ten</Amt></Ntry></Stmt></BkToCstmrStmt></Document>")
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'ten' is no amount");
        assertThatThrownBy(() -> CamtReader.read("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>"
                        .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an ISO 20022 camt.053 or camt.054 document");
        assertThatThrownBy(() -> CamtReader.read("just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileCannotMakeTheReaderFetchAnythingElse() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + HEAD.substring(HEAD.indexOf("<Document"))
                + "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AddtlNtryInf>&x;</AddtlNtryInf>"
                + "</Ntry></Stmt></BkToCstmrStmt></Document>";
        Optional<List<BankStatement>> read;
        try {
            read = Optional.of(CamtReader.read(xxe.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException refused) {
            read = Optional.empty();
        }
        assertThat(read.map(r -> r.getFirst().entries().getFirst().remittance()).orElse(List.of()))
                .noneMatch(t -> t.contains("root:"));
    }
}
