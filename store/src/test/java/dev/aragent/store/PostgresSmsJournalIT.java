package dev.aragent.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.SmsJournal;
import dev.aragent.agent.spi.SmsJournalContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSmsJournalIT extends FreshStore<SmsJournal> implements SmsJournalContract {
    PostgresSmsJournalIT() {
        super(NOW, PostgresSmsJournal::create);
    }

    @Override
    public void givenCustomer(TenantId tenant, CustomerKey customer, String phone, List<String> invoices) {
        LedgerRows.owing(
                db,
                clock,
                tenant,
                List.of(customerAt(customer, "Blue Fern Bistro", phone)),
                invoices.stream()
                        .map(i -> Books.open(customer.value(), i, LocalDate.of(2026, 10, 1), 100_000, 100_000))
                        .toList());
    }

    @Test
    void aStopShouldBeKeptInTheAuditLogWithItsKeywordAndToldToTheCrm() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");

        journal().optOut(t, PHONE, "STOP", NOW.plusSeconds(60));

        assertThat(value(t, "select detail->>'keyword' from audit_log where tenant_id = :t and action = 'sms.opt_out'"))
                .isEqualTo("STOP");
        assertThat(value(t, "select payload->>'note' from outbox where tenant_id = :t and topic = 'crm'"))
                .isEqualTo("Opted out of texts (STOP): " + PHONE);
    }

    @Test
    void aStopAndAStartAtTheSameInstantAreBothToldToTheCrm() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");

        journal().optOut(t, PHONE, "STOP", NOW.plusSeconds(60));
        journal().optIn(t, PHONE, "START", NOW.plusSeconds(60));

        assertThat(value(t, "select count(*)::text from outbox where tenant_id = :t and topic = 'crm'"))
                .isEqualTo("2");
    }

    @Test
    void aStopFromAPhoneTwoCustomersShareIsToldToTheCrmForEach() {
        TenantId t = freshTenant();
        List<Customer> both = List.of(
                customerAt(CustomerKey.of("C-1"), "Blue Fern Bistro", PHONE),
                customerAt(CustomerKey.of("C-2"), "Blue Fern Catering", PHONE));
        LedgerRows.owing(
                db,
                clock,
                t,
                both,
                List.of(
                        Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 100_000, 100_000),
                        Books.open("C-2", "INV-2041", LocalDate.of(2026, 10, 1), 50_000, 50_000)));
        journal().open(t, CustomerKey.of("C-1"), PHONE, OURS, List.of("INV-1041"), Optional.of("Past due."));
        journal().open(t, CustomerKey.of("C-2"), PHONE, OURS, List.of("INV-2041"), Optional.of("Past due."));

        journal().optOut(t, PHONE, "STOP", NOW.plusSeconds(60));

        assertThat(value(
                        t,
                        "select count(distinct payload->>'customer')::text from outbox"
                                + " where tenant_id = :t and topic = 'crm'"))
                .isEqualTo("2");
    }

    /** A customer in {@code ZONE} with one contact, texted at {@code phone}. */
    private static Customer customerAt(CustomerKey key, String name, String phone) {
        return new Customer(
                key,
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.of(ZONE),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(new Contact("Maria Garcia", Optional.empty(), Optional.of(phone), "ap", false, false)));
    }

    @Test
    void aLateReceiptNeverMovesATextBackwards() {
        TenantId t = freshTenant();
        opened(t, "Invoice INV-1041 is past due.");
        var first = journal().claim(t, 10, NOW, LEASE).getFirst();
        journal().sent(t, first.id(), "SM-out-1", "CH-1", NOW.plusSeconds(5));
        String status = "select status from messages where tenant_id = :t and external_id = 'SM-out-1'";

        assertThat(journal().delivery(t, "SM-out-1", "read", Optional.empty(), NOW.plusSeconds(60)))
                .isTrue();
        assertThat(journal().delivery(t, "SM-out-1", "delivered", Optional.empty(), NOW.plusSeconds(61)))
                .isTrue();
        assertThat(journal().delivery(t, "SM-out-1", "sent", Optional.empty(), NOW.plusSeconds(62)))
                .isTrue();
        assertThat(value(t, status)).isEqualTo("read");
    }

    private String value(TenantId tenant, String sql) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("t", tenant.value())
                        .mapTo(String.class)
                        .one());
    }
}
