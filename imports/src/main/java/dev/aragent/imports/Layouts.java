package dev.aragent.imports;

import static dev.aragent.imports.Field.optional;
import static dev.aragent.imports.Field.required;

import dev.aragent.agent.imports.ImportKind;
import java.util.ArrayList;
import java.util.List;

/** The columns of each profile and kind. The generic names are the documented ones (README, "Data formats"). */
final class Layouts {
    private Layouts() {}

    private static final List<Field> CUSTOMER_DETAILS = List.of(
            optional("segment", "customer segment", "customer type", "category"),
            optional("industry"),
            optional("time_zone", "timezone", "tz"),
            optional("credit_limit", "credit limit"),
            optional("customer_since", "since", "created", "customer since"),
            optional("tags", "labels"),
            optional("contact_name", "contact", "attention"),
            optional("email", "email address", "billing email", "e-mail"),
            optional("phone", "phone number", "mobile", "telephone"),
            optional("role", "contact role"),
            optional("email_opt_out", "email opt out", "do not email"),
            optional("sms_opt_out", "sms opt out", "do not text"),
            optional("voice_consent", "call consent", "ai voice consent", "voice consent"));

    static List<Field> generic(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS ->
                with(
                        List.of(
                                required(
                                        "customer_id",
                                        "customer id",
                                        "account",
                                        "account number",
                                        "customer number",
                                        "cust id"),
                                required("name", "customer name", "company", "company name", "customer"),
                                optional("currency", "currency code", "ccy")),
                        CUSTOMER_DETAILS);
            case AGING, INVOICES ->
                with(
                        List.of(
                                required("customer_id", "customer id", "account number", "customer number", "cust id"),
                                required("customer_name", "customer", "name", "company"),
                                required(
                                        "invoice_number",
                                        "invoice no",
                                        "invoice",
                                        "num",
                                        "number",
                                        "invoice id",
                                        "doc number"),
                                required("invoice_date", "date", "issue date", "txn date", "invoice dt"),
                                required("due_date", "due", "due dt"),
                                required(
                                        "open_balance",
                                        "balance",
                                        "open amount",
                                        "amount due",
                                        "balance due",
                                        "outstanding"),
                                optional("amount", "invoice amount", "original amount", "total"),
                                optional("currency", "currency code", "ccy"),
                                optional("po_number", "po", "purchase order", "p.o. number", "po no"),
                                optional("type", "transaction type", "doc type"),
                                optional("terms"),
                                optional("disputed", "in dispute")),
                        CUSTOMER_DETAILS);
            case HISTORY ->
                List.of(
                        required("customer_id", "customer id", "account number", "cust id"),
                        required("invoice_id", "invoice_number", "invoice number", "invoice no", "invoice"),
                        required("invoice_date", "date", "issue date"),
                        required("due_date", "due"),
                        required("amount", "invoice amount", "total"),
                        optional("settled_date", "paid date", "settled", "date paid", "closed date"),
                        optional("disputed", "in dispute"),
                        optional("currency", "currency code"));
            case PAYMENTS ->
                List.of(
                        required("payment_id", "payment id", "payment number", "reference", "ref", "check number"),
                        required("customer_id", "customer id", "account number", "cust id"),
                        required("payment_date", "date", "received", "received on", "deposit date"),
                        required("amount", "payment amount", "total"),
                        optional("currency", "currency code"),
                        optional("method", "payment method", "type"),
                        optional("invoice_number", "invoice", "applied to", "invoice no"),
                        optional("applied_amount", "applied", "amount applied"));
            case NOTES ->
                List.of(
                        required("note_id", "id", "note id", "ticket id", "reference"),
                        required("customer_id", "customer id", "account number", "cust id"),
                        required("created_at", "created", "date", "timestamp", "created date"),
                        required("body", "text", "note", "description", "comment"),
                        optional("kind", "type", "record type"),
                        optional("source", "system", "channel"),
                        optional("author", "owner", "created by", "agent"),
                        optional("subject", "title"),
                        optional("status", "ticket status"));
        };
    }

    /** QuickBooks Online "A/R Aging Detail" exported to CSV. */
    static List<Field> quickbooksAging() {
        return List.of(
                required("invoice_date", "date", "txn date", "transaction date"),
                optional("type", "transaction type"),
                required("invoice_number", "num", "no.", "number"),
                required("customer_name", "customer", "customer full name", "name"),
                required("due_date", "due date"),
                required("open_balance", "open balance", "balance"),
                optional("amount", "amount", "total amount"),
                optional("po_number", "p.o. number", "po number"),
                optional("terms"),
                optional("past_due", "past due", "aging"),
                optional("currency"));
    }

    /** Xero "Aged Receivables Detail" exported to CSV (grouped by contact, ageing columns). */
    static List<Field> xeroAging() {
        return List.of(
                required("invoice_date", "date", "invoice date"),
                required("invoice_number", "invoice number", "number", "transaction"),
                required("due_date", "due date"),
                required("open_balance", "due", "total", "amount due", "balance", "total due"),
                optional("customer_name", "contact", "contact name"),
                optional("amount", "invoice total", "gross", "invoice amount"),
                optional("po_number", "reference"),
                optional("currency"),
                optional("current"),
                optional("older"));
    }

    private static List<Field> with(List<Field> base, List<Field> more) {
        List<Field> all = new ArrayList<>(base);
        all.addAll(more);
        return List.copyOf(all);
    }
}
