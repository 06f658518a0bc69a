package dev.aragent.agent.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    private static final TenantId T = TenantId.of("t1");

    @Test
    void anInvoiceReadsAsACollectorWouldSayIt() {
        Document d = Documents.of(T, Books.open("C-1", "INV-4471", LocalDate.of(2026, 2, 4), 245_000, 245_000));
        assertThat(d.text())
                .isEqualTo("Invoice INV-4471 issued 2026-01-05, due 2026-02-04, $2,450.00, unpaid, PO-INV-4471.");
        assertThat(d.type()).isEqualTo(DocType.INVOICE);
    }

    @Test
    void theAccountsTermsBecomeAContractTermDocument() {
        Customer c = new Customer(
                CustomerKey.of("C-1"),
                "Blue Fern Bistro",
                Optional.of("restaurants"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Money.of(1_500_000, "USD")),
                Optional.of(LocalDate.of(2021, 4, 1)),
                List.of("net30"),
                List.of());
        Document d = Documents.terms(
                T,
                c,
                List.of(
                        Books.open("C-1", "INV-1", LocalDate.of(2026, 2, 4), 100, 100),
                        Books.open("C-1", "INV-2", LocalDate.of(2026, 3, 4), 100, 100)));
        assertThat(d.type()).isEqualTo(DocType.CONTRACT_TERM);
        assertThat(d.date()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(d.text())
                .isEqualTo(
                        "Account terms for Blue Fern Bistro (C-1): payment terms Net 30 (from 2 invoices), credit limit"
                                + " $15,000.00, customer since 2021-04-01, segment restaurants, tags net30.");
    }
}
