package dev.aragent.imports;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the records a file yields, keyed so duplicates are caught: an invoice number seen twice is a problem on the
 * later line; a customer seen again adds its contact.
 */
final class BatchBuilder {
    final Map<CustomerKey, Customer> customers = new LinkedHashMap<>();
    final List<Invoice> invoices = new ArrayList<>();
    final List<CreditMemo> creditMemos = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    private final Map<String, Integer> documentLines = new HashMap<>();
    Optional<LocalDate> asOf = Optional.empty();

    /** Claims a document number for a line; false, with a problem on the row, if an earlier line has it. */
    boolean claim(Row row, String field, String number) {
        Integer first = documentLines.putIfAbsent(number, row.line());
        if (first != null) {
            row.problem(field, number, "duplicate number " + number + " (first on line " + first + ")");
            return false;
        }
        return true;
    }

    /** Adds a customer, merging contacts and details with one already seen in this file. */
    void customer(Customer customer) {
        customers.merge(customer.key(), customer, Customer::mergedWith);
    }

    /** A customer from the detail columns a row may carry (segment, time zone, contact…); problems go on the row. */
    static Optional<Customer> customerFrom(Row row, CustomerKey key, String name, Currency currency) {
        Optional<Money> limit =
                row.amount("credit_limit", false).flatMap(a -> money(row, "credit_limit", a.value(), currency));
        Optional<java.time.ZoneId> zone = row.text("time_zone").flatMap(z -> {
            Optional<java.time.ZoneId> parsed = Cells.zone(z);
            if (parsed.isEmpty()) {
                row.problem("time_zone", z, "not a time zone (use an IANA name such as America/Chicago)");
            }
            return parsed;
        });
        Optional<LocalDate> since = row.date("customer_since", false);
        List<String> tags = row.text("tags")
                .map(t -> Arrays.stream(t.split("[|,]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
        List<Contact> contacts = contact(row).map(List::of).orElse(List.of());
        if (!row.valid()) {
            return Optional.empty();
        }
        return Optional.of(
                new Customer(key, name, row.text("segment"), row.text("industry"), zone, limit, since, tags, contacts));
    }

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The row's contact. Email and phone are optional: one that cannot be used is flagged and left out, not the row. */
    private static Optional<Contact> contact(Row row) {
        Optional<String> email = row.text("email").filter(e -> {
            boolean ok = EMAIL.matcher(e).matches();
            if (!ok) {
                row.flag("email", e, "not an email address");
            }
            return ok;
        });
        Optional<String> phoneText = row.text("phone");
        Optional<String> phone = phoneText.flatMap(p -> {
            Optional<String> e164 = Cells.phone(p);
            if (e164.isEmpty()) {
                row.flag("phone", p, "not a phone number (use +15551234567 or (555) 123-4567)");
            }
            return e164;
        });
        if (email.isEmpty() && phone.isEmpty()) {
            return Optional.empty();
        }
        boolean emailOptOut = row.bool("email_opt_out").orElse(false);
        boolean smsOptOut = row.bool("sms_opt_out").orElse(false);
        boolean voiceConsent = row.bool("voice_consent").orElse(false);
        if (!row.valid()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Contact(
                    row.text("contact_name").orElse(""),
                    email,
                    phone,
                    row.text("role").orElse("billing"),
                    emailOptOut,
                    smsOptOut,
                    voiceConsent));
        } catch (IllegalArgumentException e) {
            row.problem(
                    email.isPresent() ? "email" : "phone",
                    email.or(() -> phoneText).orElse(""),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Exact money, or a problem on the row when the amount has more decimals than the currency. */
    static Optional<Money> money(Row row, String field, java.math.BigDecimal value, Currency currency) {
        try {
            return Optional.of(Money.ofMajor(value, currency));
        } catch (IllegalArgumentException e) {
            row.problem(field, value.toPlainString(), e.getMessage());
            return Optional.empty();
        }
    }
}
