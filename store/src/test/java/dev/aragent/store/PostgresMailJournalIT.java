package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.MailJournalContract;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresMailJournalIT extends FreshStore<MailJournal> implements MailJournalContract {
    PostgresMailJournalIT() {
        super(NOW, PostgresMailJournal::create);
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, String email, String invoice) {
        LedgerRows.owing(
                db,
                clock,
                tenant,
                List.of(Books.customerWithEmail(customer.value(), "Blue Fern Bistro", email)),
                List.of(Books.open(customer.value(), invoice, LocalDate.of(2026, 10, 1), 100, 100)));
    }

    @Test
    void anEmailQueuedBeforeItsAddressOptedOutIsNeverSent() {
        TenantId t = TenantId.of("optq-" + UUID.randomUUID().toString().substring(0, 8));
        var thread = opened(t, "tokQ", "out-q@northwind.example");
        PostgresMailJournal.create(db, Clock.offset(clock, Duration.ofMinutes(5)))
                .optOut(t, "maria@bluefern.example");
        assertThat(journal().claim(t, 10, NOW.plusSeconds(600), Duration.ofMinutes(5)))
                .as("queued before the opt-out: not sent")
                .isEmpty();
        String status = db.jdbi()
                .withHandle(
                        h -> h.createQuery("select status from messages where tenant_id = :t and conversation_id = :c")
                                .bind("t", t.value())
                                .bind("c", thread.id().value())
                                .mapTo(String.class)
                                .one());
        assertThat(status).isEqualTo("failed");
    }

    @Test
    void aReminderQueuedBeforeItsInvoiceWasPaidIsDroppedNotSent() {
        TenantId t = TenantId.of("paidq-" + UUID.randomUUID().toString().substring(0, 8));
        var thread = opened(t, "tokP", "out-p@northwind.example");
        Clock later = Clock.offset(clock, Duration.ofMinutes(5));
        PostgresLedger.create(db, later)
                .receive(
                        t,
                        new dev.aragent.agent.ledger.Payment(
                                CustomerKey.of("C-1"),
                                "BANK-1",
                                LocalDate.of(2026, 11, 22),
                                dev.aragent.agent.ledger.Money.of(100, "USD"),
                                java.util.Optional.of("bank transfer"),
                                List.of(new dev.aragent.agent.ledger.Payment.Allocation(
                                        "INV-1041", dev.aragent.agent.ledger.Money.of(100, "USD")))),
                        "agent:cash");

        assertThat(journal().claim(t, 10, NOW.plusSeconds(600), Duration.ofMinutes(5)))
                .as("the reminder went stale while it waited: never sent")
                .isEmpty();
        var row = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select status, status_reason from messages where tenant_id = :t and conversation_id = :c")
                        .bind("t", t.value())
                        .bind("c", thread.id().value())
                        .mapToMap()
                        .one());
        assertThat(row.get("status")).isEqualTo("dropped");
        assertThat(row.get("status_reason").toString())
                .contains("a payment to its invoices arrived after it was queued");
        int audited = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from audit_log where tenant_id = :t and action = 'message.dropped'")
                        .bind("t", t.value())
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).isEqualTo(1);
    }
}
