package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything risk features may read of one account: its invoices (settled and open, with settlement dates), payments,
 * open credit memos, notes and tickets, the agent's activity, and any extra per-invoice columns a history file brought
 * (invoice number → column → value).
 */
public record AccountRecord(
        Customer customer,
        List<Invoice> invoices,
        List<Payment> payments,
        List<CreditMemo> creditMemos,
        List<Note> notes,
        AccountActivity activity,
        Map<String, Map<String, String>> extras) {

    public AccountRecord {
        invoices = invoices.stream()
                .sorted(Comparator.comparing(Invoice::issueDate).thenComparing(Invoice::number))
                .toList();
        payments = payments.stream()
                .sorted(Comparator.comparing(Payment::receivedOn))
                .toList();
        creditMemos = List.copyOf(creditMemos);
        notes = List.copyOf(notes);
        extras = Map.copyOf(extras);
    }

    /** This account with {@code other} invoices (the rest as it is). */
    public AccountRecord withInvoices(List<Invoice> other) {
        return new AccountRecord(customer, other, payments, creditMemos, notes, activity, extras);
    }
}
