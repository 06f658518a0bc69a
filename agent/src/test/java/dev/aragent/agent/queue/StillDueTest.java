package dev.aragent.agent.queue;

import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StillDueTest {
    private static final LocalDate DUE = LocalDate.of(2026, 10, 1);
    private final Invoice a = open("C-1", "INV-1", DUE, 100_00, 100_00);
    private final Invoice b = open("C-1", "INV-2", DUE, 50_00, 50_00);

    @Test
    void anActionAboutInvoicesAsTheyWereShouldGoOut() {
        assertThat(StillDue.stale(List.of(a, b), List.of(a, b))).isEmpty();
    }

    @Test
    void aPaymentSettlementOrDisputeSinceThePlanShouldDropIt() {
        Invoice paid = a.with(Money.of(0, "USD"), InvoiceStatus.PAID, Optional.of(DUE));
        Invoice part = b.with(Money.of(20_00, "USD"), InvoiceStatus.OPEN, Optional.empty());
        Invoice disputed = new Invoice(
                b.customer(),
                b.number(),
                b.poNumber(),
                b.issueDate(),
                b.dueDate(),
                b.amount(),
                b.openBalance(),
                b.status(),
                b.settledDate(),
                true);

        assertThat(StillDue.stale(List.of(a, b), List.of(paid, b)))
                .contains("INV-1 was paid or closed since it was planned");
        assertThat(StillDue.stale(List.of(a, b), List.of(b))).contains("INV-1 was paid or closed since it was planned");
        assertThat(StillDue.stale(List.of(a, b), List.of(a, part)))
                .contains("a payment changed the balance of INV-2 since it was planned");
        assertThat(StillDue.stale(List.of(a, b), List.of(a, disputed)))
                .contains("INV-2 was disputed since it was planned");
    }
}
