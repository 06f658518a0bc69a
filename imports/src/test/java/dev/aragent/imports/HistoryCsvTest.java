package dev.aragent.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {
    static final Currency USD = Currency.getInstance("USD");

    @Test
    void readsTheDocumentedFormatWithExtraColumns() {
        String csv = "\uFEFFCustomer_ID,invoice_id,invoice_date,due_date,amount,settled_date,disputed,region,terms\r\n"
                + "C1,I1,2026-01-01,2026-01-31,1250.50,2026-02-03,no,West,30\r\n"
                + "C1,I2,2026-02-01,2026-03-03,99.99,,yes,West,30\r\n"
                + "C2,I3,2026-02-05,2026-03-07,10,2026-03-01,FALSE,East,\r\n";
        HistoryCsv.History h = HistoryCsv.read(csv.getBytes(StandardCharsets.UTF_8), USD);
        assertThat(h.invoices()).isEqualTo(3);
        assertThat(h.extraColumns()).containsExactly("region", "terms");
        assertThat(h.end()).isEqualTo(LocalDate.of(2026, 3, 7));
        var c1 = h.accounts().getFirst();
        assertThat(c1.invoices().getFirst().amount()).isEqualTo(Money.of(125_050, "USD"));
        assertThat(c1.invoices().get(1).status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(c1.invoices().get(1).disputed()).isTrue();
        assertThat(c1.extras().get("I1")).containsEntry("region", "West").containsEntry("terms", "30");
    }

    @Test
    void everyBadRowIsNamedAndNothingIsReturned() {
        String csv = """
                customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed
                C1,I1,2026-01-01,2026-01-31,12.345,,no
                C1,I1,2026-01-01,2026-01-31,10.00,,no
                C1,I1,2026-01-01,2026-01-31,10.00,,no
                C2,I2,2026-02-01,2026-01-01,10.00,,no
                """;
        assertThatThrownBy(() -> HistoryCsv.read(csv.getBytes(StandardCharsets.UTF_8), USD))
                .hasMessageContaining("line 2: amount 12.345 has more than 2 decimals")
                .hasMessageContaining("line 4: invoice I1 of C1 appears twice")
                .hasMessageContaining("line 5: invoice I2 is due 2026-01-01 before it was issued 2026-02-01");
        assertThatThrownBy(() -> HistoryCsv.read(new byte[0], USD)).hasMessageContaining("empty");
    }
}
