package dev.aragent.agent.imports;

import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The valid records of one import file, ready to be written as one unit. For {@link ImportKind#AGING} the invoices
 * are a full snapshot: an open invoice absent from it is no longer open.
 *
 * @param sha256 hex digest of the file's bytes, so the same file is recognised when imported again
 * @param asOf the report date when the file states one (QuickBooks "As of …", Xero "As at …")
 */
public record ImportBatch(
        ImportKind kind,
        String source,
        String sha256,
        Optional<LocalDate> asOf,
        List<Customer> customers,
        List<Invoice> invoices,
        List<CreditMemo> creditMemos,
        List<Payment> payments,
        List<Note> notes) {

    public ImportBatch {
        customers = List.copyOf(customers);
        invoices = List.copyOf(invoices);
        creditMemos = List.copyOf(creditMemos);
        payments = List.copyOf(payments);
        notes = List.copyOf(notes);
    }

    public int records() {
        return customers.size() + invoices.size() + creditMemos.size() + payments.size() + notes.size();
    }

    /** Every account a record of this batch belongs to: what an index must refresh once the batch is written. */
    public java.util.Set<dev.aragent.agent.ledger.CustomerKey> accounts() {
        java.util.Set<dev.aragent.agent.ledger.CustomerKey> out =
                new java.util.TreeSet<>(java.util.Comparator.comparing(dev.aragent.agent.ledger.CustomerKey::value));
        customers.forEach(c -> out.add(c.key()));
        invoices.forEach(i -> out.add(i.customer()));
        creditMemos.forEach(m -> out.add(m.customer()));
        payments.forEach(p -> out.add(p.customer()));
        notes.forEach(n -> out.add(n.customer()));
        return out;
    }
}
