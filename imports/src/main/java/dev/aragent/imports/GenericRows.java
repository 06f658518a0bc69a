package dev.aragent.imports;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the generic customer, history, payment and note rows (README, "Data formats"). */
final class GenericRows {
    private final BatchBuilder out;
    private final Currency defaultCurrency;
    private final Map<String, PaymentDraft> payments = new LinkedHashMap<>();

    private record PaymentDraft(
            int line,
            CustomerKey customer,
            LocalDate date,
            Money amount,
            Optional<String> method,
            List<Payment.Allocation> allocations) {}

    GenericRows(BatchBuilder out, Currency defaultCurrency) {
        this.out = out;
        this.defaultCurrency = defaultCurrency;
    }

    void customer(Row row) {
        Optional<String> id = row.required("customer_id");
        Optional<String> name = row.required("name");
        Optional<Currency> currency = row.currency(defaultCurrency);
        if (!row.valid() || id.isEmpty() || name.isEmpty() || currency.isEmpty()) {
            return;
        }
        BatchBuilder.customerFrom(row, CustomerKey.of(id.get()), name.get(), currency.get())
                .ifPresent(out::customer);
    }

    void history(Row row) {
        Optional<String> id = row.required("customer_id");
        Optional<String> number = row.required("invoice_id");
        Optional<LocalDate> issued = row.date("invoice_date", true);
        Optional<LocalDate> due = row.date("due_date", true);
        Optional<Cells.Amount> amount = row.amount("amount", true);
        Optional<LocalDate> settled = row.date("settled_date", false);
        Optional<Boolean> disputed = row.bool("disputed");
        if (!row.valid() || id.isEmpty() || number.isEmpty() || issued.isEmpty() || due.isEmpty() || amount.isEmpty()) {
            return;
        }
        Optional<Currency> currency = row.currency(defaultCurrency, amount.get());
        if (currency.isEmpty() || !out.claim(row, "invoice_id", number.get())) {
            return;
        }
        Optional<Money> total = BatchBuilder.money(row, "amount", amount.get().value(), currency.get());
        if (total.isEmpty()) {
            return;
        }
        if (total.get().isNegative()) {
            row.problem("amount", amount.get().value().toPlainString(), "negative invoice amount");
        } else if (due.get().isBefore(issued.get())) {
            row.problem("due_date", due.get().toString(), "due date is before the invoice date " + issued.get());
        } else if (settled.isPresent() && settled.get().isBefore(issued.get())) {
            row.problem("settled_date", settled.get().toString(), "settled before the invoice date " + issued.get());
        }
        if (!row.valid()) {
            return;
        }
        CustomerKey key = CustomerKey.of(id.get());
        out.invoices.add(new Invoice(
                key,
                number.get(),
                Optional.empty(),
                issued.get(),
                due.get(),
                total.get(),
                settled.isPresent() ? Money.zero(currency.get()) : total.get(),
                settled.isPresent() ? InvoiceStatus.PAID : InvoiceStatus.OPEN,
                settled,
                disputed.orElse(false)));
    }

    void payment(Row row) {
        Optional<String> ref = row.required("payment_id");
        Optional<String> id = row.required("customer_id");
        Optional<LocalDate> date = row.date("payment_date", true);
        Optional<Cells.Amount> amount = row.amount("amount", true);
        Optional<Cells.Amount> applied = row.amount("applied_amount", false);
        if (!row.valid() || ref.isEmpty() || id.isEmpty() || date.isEmpty() || amount.isEmpty()) {
            return;
        }
        Optional<Currency> currency = applied.isPresent()
                ? row.currency(defaultCurrency, amount.get(), applied.get())
                : row.currency(defaultCurrency, amount.get());
        Optional<Money> total = currency.flatMap(
                c -> BatchBuilder.money(row, "amount", amount.get().value(), c));
        if (total.isEmpty()) {
            return;
        }
        if (total.get().isZero() || total.get().isNegative()) {
            row.problem(
                    "amount",
                    amount.get().value().toPlainString(),
                    "a payment must be positive (refunds are not imported)");
            return;
        }
        PaymentDraft draft = payments.computeIfAbsent(
                ref.get(),
                r -> new PaymentDraft(
                        row.line(),
                        CustomerKey.of(id.get()),
                        date.get(),
                        total.get(),
                        row.text("method"),
                        new ArrayList<>()));
        if (!draft.customer().value().equals(id.get())
                || !draft.amount().equals(total.get())
                || !draft.date().equals(date.get())) {
            row.problem(
                    "payment_id",
                    ref.get(),
                    "payment " + ref.get() + " differs from its first line " + draft.line()
                            + " in customer, date or amount");
            return;
        }
        Optional<String> invoice = row.text("invoice_number");
        if (invoice.isPresent()) {
            Money part = applied.flatMap(a -> BatchBuilder.money(row, "applied_amount", a.value(), currency.get()))
                    .orElse(total.get());
            Money sum =
                    draft.allocations().stream().map(Payment.Allocation::amount).reduce(part, Money::plus);
            if (sum.compareTo(total.get()) > 0) {
                row.problem(
                        "applied_amount",
                        part.toPlainString(),
                        "applies more than the payment's amount " + total.get().toPlainString());
                return;
            }
            draft.allocations().add(new Payment.Allocation(invoice.get(), part));
        }
    }

    /** The payments gathered over all rows (a payment split over invoices spans several rows). */
    void finishPayments() {
        for (var e : payments.entrySet()) {
            PaymentDraft d = e.getValue();
            out.payments.add(new Payment(d.customer(), e.getKey(), d.date(), d.amount(), d.method(), d.allocations()));
        }
    }

    void note(Row row) {
        Optional<String> ref = row.required("note_id");
        Optional<String> id = row.required("customer_id");
        Optional<Instant> created = row.instant("created_at", true);
        Optional<String> body = row.required("body");
        String kindText = row.text("kind").orElse("note").toLowerCase(Locale.ROOT);
        Optional<Note.Kind> kind =
                switch (kindText) {
                    case "note", "crm", "crm_note", "activity" -> Optional.of(Note.Kind.NOTE);
                    case "ticket", "support", "case" -> Optional.of(Note.Kind.TICKET);
                    default -> Optional.empty();
                };
        if (kind.isEmpty()) {
            row.problem("kind", kindText, "kind must be 'note' or 'ticket'");
        }
        if (!row.valid()
                || ref.isEmpty()
                || id.isEmpty()
                || created.isEmpty()
                || body.isEmpty()
                || kind.isEmpty()
                || !out.claim(row, "note_id", ref.get())) {
            return;
        }
        CustomerKey key = CustomerKey.of(id.get());
        out.notes.add(new Note(
                key,
                ref.get(),
                kind.get(),
                created.get(),
                row.text("source").orElse(kind.get() == Note.Kind.TICKET ? "helpdesk" : "crm"),
                row.text("author").orElse(""),
                row.text("subject"),
                body.get(),
                row.text("status")));
    }
}
