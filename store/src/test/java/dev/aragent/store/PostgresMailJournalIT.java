package dev.aragent.store;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.MailJournalContract;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

class PostgresMailJournalIT implements MailJournalContract {
    private static Database db;
    private static MailJournal journal;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        journal = PostgresMailJournal.create(db, CLOCK);
    }

    @Override
    public MailJournal journal() {
        return journal;
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, String email, String invoice) {
        Customer c = Books.customerWithEmail(customer.value(), "Blue Fern Bistro", email);
        PostgresLedger.create(db, CLOCK)
                .apply(
                        tenant,
                        Books.aging(
                                List.of(c),
                                List.of(Books.open(customer.value(), invoice, LocalDate.of(2026, 10, 1), 100, 100)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 1));
    }

    @org.junit.jupiter.api.Test
    void anEmailQueuedBeforeItsAddressOptedOutIsNeverSent() {
        TenantId t =
                TenantId.of("optq-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        var thread = opened(t, "tokQ", "out-q@northwind.example");
        PostgresMailJournal.create(db, Clock.offset(CLOCK, java.time.Duration.ofMinutes(5)))
                .optOut(t, "maria@bluefern.example");
        org.assertj.core.api.Assertions.assertThat(
                        journal.claim(t, 10, NOW.plusSeconds(600), java.time.Duration.ofMinutes(5)))
                .as("queued before the opt-out: not sent")
                .isEmpty();
        String status = db.jdbi()
                .withHandle(
                        h -> h.createQuery("select status from messages where tenant_id = :t and conversation_id = :c")
                                .bind("t", t.value())
                                .bind("c", thread.id().value())
                                .mapTo(String.class)
                                .one());
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo("failed");
    }
}
