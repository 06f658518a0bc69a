package dev.aragent.agent.spi;

import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportAudit;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Small records for tests of the core and of every {@link Ledger} adapter. */
public final class Books {
    private Books() {}

    public static Customer customer(String id, String name) {
        return new Customer(
                CustomerKey.of(id),
                name,
                Optional.of("restaurants"),
                Optional.of("Food service"),
                Optional.of(ZoneId.of("America/Chicago")),
                Optional.of(Money.of(500_000, "USD")),
                Optional.of(LocalDate.of(2021, 3, 1)),
                List.of("net30"),
                List.of(new Contact(
                        "Pat Doe",
                        Optional.of(id + "@example.com"),
                        Optional.of("+15555550100"),
                        "billing",
                        false,
                        false,
                        true))); // consent to calls given on the credit application
    }

    /** A customer known by name with one email contact, as a name-only export plus a contact would give. */
    public static Customer customerWithEmail(String id, String name, String email) {
        return customerWith(
                id, name, new Contact("Maria Garcia", Optional.of(email), Optional.empty(), "ap", false, false));
    }

    /** A customer known by its name and one contact. */
    public static Customer customerWith(String id, String name, Contact contact) {
        return new Customer(
                CustomerKey.of(id),
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(contact));
    }

    public static Invoice open(String customer, String number, LocalDate due, long amountMinor, long openMinor) {
        return new Invoice(
                CustomerKey.of(customer),
                number,
                Optional.of("PO-" + number),
                due.minusDays(30),
                due,
                Money.of(amountMinor, "USD"),
                Money.of(openMinor, "USD"),
                InvoiceStatus.OPEN,
                Optional.empty(),
                false);
    }

    public static Invoice paid(String customer, String number, LocalDate issued, LocalDate settled, long amountMinor) {
        return new Invoice(
                CustomerKey.of(customer),
                number,
                Optional.empty(),
                issued,
                issued.plusDays(30),
                Money.of(amountMinor, "USD"),
                Money.of(0, "USD"),
                InvoiceStatus.PAID,
                Optional.of(settled),
                false);
    }

    public static CreditMemo credit(String customer, String number, long amountMinor) {
        return new CreditMemo(
                CustomerKey.of(customer),
                number,
                LocalDate.of(2026, 10, 1),
                Money.of(amountMinor, "USD"),
                Optional.empty());
    }

    public static Payment payment(String customer, String ref, String invoice, long minor) {
        return new Payment(
                CustomerKey.of(customer),
                ref,
                LocalDate.of(2026, 10, 15),
                Money.of(minor, "USD"),
                Optional.of("ach"),
                List.of(new Payment.Allocation(invoice, Money.of(minor, "USD"))));
    }

    public static Note note(String customer, String ref, String body) {
        return new Note(
                CustomerKey.of(customer),
                ref,
                Note.Kind.NOTE,
                Instant.parse("2026-10-02T15:00:00Z"),
                "crm",
                "Sam AR",
                Optional.empty(),
                body,
                Optional.empty());
    }

    /** An invoices file: the invoices issued since the last export (adds to the book, closes nothing). */
    public static ImportBatch issued(List<Customer> customers, List<Invoice> invoices) {
        return new ImportBatch(
                ImportKind.INVOICES,
                "invoices.csv",
                "sha-invoices",
                Optional.empty(),
                customers,
                invoices,
                List.of(),
                List.of(),
                List.of());
    }

    public static ImportBatch aging(List<Customer> customers, List<Invoice> invoices, List<CreditMemo> credits) {
        return new ImportBatch(
                ImportKind.AGING,
                "aging.csv",
                "sha",
                Optional.empty(),
                customers,
                invoices,
                credits,
                List.of(),
                List.of());
    }

    public static ImportBatch batch(
            ImportKind kind,
            List<Customer> customers,
            List<Invoice> invoices,
            List<Payment> payments,
            List<Note> notes) {
        return new ImportBatch(
                kind, kind.code() + ".csv", "sha", Optional.empty(), customers, invoices, List.of(), payments, notes);
    }

    /** A clean report of {@code rows} rows: what a parser gives a file with no problem. */
    public static DataHealthReport cleanReport(ImportKind kind, int rows) {
        return new DataHealthReport(
                kind.code() + ".csv",
                kind,
                "generic",
                1,
                rows,
                rows,
                List.of(new DataHealthReport.FieldHealth("invoice_number", true, 0, 0, rows)),
                List.of(),
                List.of(),
                List.of());
    }

    public static ImportAudit audit(ImportKind kind, int rows) {
        return new ImportAudit("test", cleanReport(kind, rows), false);
    }
}
