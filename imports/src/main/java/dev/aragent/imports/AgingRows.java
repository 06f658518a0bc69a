package dev.aragent.imports;

import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads AR aging rows of any profile: invoices, credit memos (negative balances typed as credits), and skips unapplied
 * payments and other transaction types with a notice. The customer comes from an id column, a name column, or the
 * section heading the row stands under.
 */
final class AgingRows {
    private final BatchBuilder out;
    private final Currency defaultCurrency;

    AgingRows(BatchBuilder out, Currency defaultCurrency) {
        this.out = out;
        this.defaultCurrency = defaultCurrency;
    }

    /** Whether the row is a transaction an aging import does not keep (unapplied payment, journal entry); noted. */
    boolean skipped(Row row) {
        String type = type(row);
        if (type.equals("payment") || type.equals("other")) {
            out.notices.add(
                    "line " + row.line() + ": " + row.text("type").orElse(type)
                            + " skipped (an aging import keeps invoices and credit memos; import payments with --kind payments)");
            return true;
        }
        return false;
    }

    /** Fields that do not apply to the row: a credit memo has no due date. */
    static Set<String> exempt(Row row) {
        return type(row).equals("credit") ? Set.of("due_date") : Set.of();
    }

    void read(Row row, Optional<String> section) {
        String type = type(row);
        Optional<String> name = row.text("customer_name").or(() -> section);
        if (name.isEmpty()) {
            row.required("customer_name");
        }
        Optional<String> id = row.has("customer_id") ? row.required("customer_id") : Optional.empty();
        Optional<String> number = row.required("invoice_number").map(AgingRows::documentNumber);
        Optional<LocalDate> issued = row.date("invoice_date", true);
        Optional<LocalDate> due = type.equals("credit") ? row.date("due_date", false) : row.date("due_date", true);
        Optional<Cells.Amount> open = row.amount("open_balance", true);
        Optional<Cells.Amount> amount = row.amount("amount", false);
        row.bool("disputed");
        if (!row.valid() || name.isEmpty() || number.isEmpty() || issued.isEmpty() || open.isEmpty()) {
            return;
        }
        Optional<Currency> currency = amount.isPresent()
                ? row.currency(defaultCurrency, open.get(), amount.get())
                : row.currency(defaultCurrency, open.get());
        if (currency.isEmpty() || !out.claim(row, "invoice_number", number.get())) {
            return;
        }
        CustomerKey key = id.map(CustomerKey::of).orElseGet(() -> CustomerKey.fromName(name.get()));
        Optional<Customer> customer = BatchBuilder.customerFrom(row, key, name.get(), currency.get());
        if (customer.isEmpty()) {
            return;
        }
        if (type.equals("credit")) {
            creditMemo(row, key, number.get(), issued.get(), open.get(), currency.get())
                    .ifPresent(m -> {
                        out.customer(customer.get());
                        out.creditMemos.add(m);
                    });
            return;
        }
        invoice(row, key, number.get(), issued.get(), due, open.get(), amount, currency.get())
                .ifPresent(i -> {
                    out.customer(customer.get());
                    out.invoices.add(i);
                });
    }

    private Optional<CreditMemo> creditMemo(
            Row row, CustomerKey key, String number, LocalDate issued, Cells.Amount open, Currency currency) {
        if (open.value().signum() == 0) {
            return Optional.empty();
        }
        return BatchBuilder.money(row, "open_balance", open.value().abs(), currency)
                .map(m -> new CreditMemo(key, number, issued, m, row.text("po_number")));
    }

    private static Optional<Invoice> invoice(
            Row row,
            CustomerKey key,
            String number,
            LocalDate issued,
            Optional<LocalDate> due,
            Cells.Amount open,
            Optional<Cells.Amount> amount,
            Currency currency) {
        if (open.value().signum() < 0) {
            row.problem(
                    "open_balance",
                    open.value().toPlainString(),
                    "negative balance on an invoice: a credit belongs on its own row typed 'credit_memo'");
            return Optional.empty();
        }
        Optional<Money> balance = BatchBuilder.money(row, "open_balance", open.value(), currency);
        Optional<Money> total = amount.isPresent()
                ? BatchBuilder.money(row, "amount", amount.get().value(), currency)
                : balance;
        if (balance.isEmpty() || total.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        if (total.get().isNegative()) {
            row.problem("amount", total.get().toPlainString(), "negative invoice amount");
            return Optional.empty();
        }
        if (balance.get().compareTo(total.get()) > 0) {
            row.problem(
                    "open_balance",
                    balance.get().toPlainString(),
                    "open balance is larger than the invoice amount "
                            + total.get().toPlainString());
            return Optional.empty();
        }
        if (due.get().isBefore(issued)) {
            row.problem("due_date", due.get().toString(), "due date is before the invoice date " + issued);
            return Optional.empty();
        }
        return Optional.of(new Invoice(
                key,
                number,
                row.text("po_number"),
                issued,
                due.get(),
                total.get(),
                balance.get(),
                InvoiceStatus.OPEN,
                Optional.empty(),
                row.bool("disputed").orElse(false)));
    }

    /** "invoice", "credit", "payment" or "other", from the type column or a Xero-style "Credit Note CN-1" number. */
    private static String type(Row row) {
        Optional<String> declared = row.text("type");
        String raw = declared.or(() -> row.text("invoice_number")).orElse("").toLowerCase(Locale.ROOT);
        if (raw.startsWith("credit")) {
            return "credit";
        }
        if (raw.contains("payment")) {
            return "payment";
        }
        if (declared.isPresent() && !raw.startsWith("invoice")) {
            return "other";
        }
        return "invoice";
    }

    /** Xero's "Invoice INV-0012" / "Credit Note CN-0003" → the number alone. */
    private static String documentNumber(String raw) {
        return raw.replaceFirst("(?i)^(invoice|credit note|credit memo)\\s+", "")
                .strip();
    }
}
