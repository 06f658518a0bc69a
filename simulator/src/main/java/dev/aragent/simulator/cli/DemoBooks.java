package dev.aragent.simulator.cli;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.simulator.book.SampleBook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sample book as risk account records, without a database: for benchmarks. */
final class DemoBooks {
    private DemoBooks() {}

    static List<AccountRecord> records(SampleBook book) {
        Map<CustomerKey, List<Invoice>> invoices = new HashMap<>();
        book.history()
                .forEach(i -> invoices.computeIfAbsent(i.customer(), k -> new ArrayList<>())
                        .add(i));
        book.openInvoices()
                .forEach(i -> invoices.computeIfAbsent(i.customer(), k -> new ArrayList<>())
                        .add(i));
        Map<CustomerKey, List<Payment>> payments = new HashMap<>();
        book.payments()
                .forEach(p -> payments.computeIfAbsent(p.customer(), k -> new ArrayList<>())
                        .add(p));
        Map<CustomerKey, List<Note>> notes = new HashMap<>();
        book.notes()
                .forEach(n -> notes.computeIfAbsent(n.customer(), k -> new ArrayList<>())
                        .add(n));
        Map<CustomerKey, List<dev.aragent.agent.ledger.CreditMemo>> memos = new HashMap<>();
        book.creditMemos()
                .forEach(m -> memos.computeIfAbsent(m.customer(), k -> new ArrayList<>())
                        .add(m));
        List<AccountRecord> out = new ArrayList<>();
        for (Customer c : book.customers()) {
            out.add(new AccountRecord(
                    c,
                    invoices.getOrDefault(c.key(), List.of()),
                    payments.getOrDefault(c.key(), List.of()),
                    memos.getOrDefault(c.key(), List.of()),
                    notes.getOrDefault(c.key(), List.of()),
                    AccountActivity.none(),
                    Map.of()));
        }
        return out;
    }
}
