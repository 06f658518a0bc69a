package dev.aragent.agent.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RemittanceTest {
    private static final Set<String> BOOK = Set.of("INV-1041", "INV-1043", "INV-2001");
    private static final Function<String, Optional<String>> KNOWN = token -> BOOK.stream()
            .filter(n -> n.equalsIgnoreCase(token) || n.endsWith("-" + token.replaceAll("\\D", "")))
            .findFirst();

    @Test
    void anEmailBodyShouldGiveInvoicesAmountsAndADeductionWithItsReason() {
        Remittance.Advice a = Remittance.read(
                "Hi, we paid INV-1041 ($1,250.00) and INV-1043 today, less 40.00 for the damaged case.", KNOWN);

        assertThat(a.invoices()).containsExactly("INV-1041", "INV-1043");
        assertThat(a.stated()).containsEntry("INV-1041", new BigDecimal("1250.00"));
        assertThat(a.deductions()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualByComparingTo("40.00");
            assertThat(d.reason()).isEqualTo("damaged case");
            assertThat(d.dispute()).isTrue();
        });
    }

    @Test
    void aTextShouldNameInvoicesByTheirDigits() {
        Remittance.Advice a = Remittance.read("I paid 1041 and 1043 yesterday", KNOWN);

        assertThat(a.invoices()).containsExactly("INV-1041", "INV-1043");
        assertThat(a.unknown()).isEmpty();
    }

    @Test
    void aRemittanceLineTableShouldGiveEachAmount() {
        Remittance.Advice a = Remittance.read("Invoice,Amount\nINV-1041,1250.00\nINV-2001,\"1.900,50\"\n", KNOWN);

        assertThat(a.stated())
                .containsEntry("INV-1041", new BigDecimal("1250.00"))
                .containsEntry("INV-2001", new BigDecimal("1900.50"));
    }

    @Test
    void aReferenceThatIsNoInvoiceShouldBeReportedUnknown() {
        Remittance.Advice a = Remittance.read("Payment for INV-7777 and invoice 8888", KNOWN);

        assertThat(a.invoices()).isEmpty();
        assertThat(a.unknown()).containsExactly("INV-7777", "8888");
    }

    @Test
    void figuresShouldParseInEitherConvention() {
        assertThat(Remittance.parse("1,250.50")).contains(new BigDecimal("1250.50"));
        assertThat(Remittance.parse("1.250,50")).contains(new BigDecimal("1250.50"));
        assertThat(Remittance.parse("1 250")).contains(new BigDecimal("1250"));
    }

    @Test
    void aRemittanceInGermanOrFrenchShouldReadAsOneWhateverItsAccents() {
        assertThat(Advised.remits("Wir haben Rechnung 1041 gestern überwiesen."))
                .isTrue();
        assertThat(Advised.remits("Nous avons payé la facture 1041 hier.")).isTrue();
        assertThat(Advised.remits("Merci pour votre message du 12.")).isFalse();
    }
}
