package dev.aragent.store;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps ledger rows back to domain records. */
final class Rows {
    private Rows() {}

    static List<Customer> customers(Handle h, TenantId tenant) {
        return customers(h, tenant, Optional.empty());
    }

    /** The tenant's customers with their contacts, or only {@code only}. */
    static List<Customer> customers(Handle h, TenantId tenant, Optional<CustomerKey> only) {
        String key = only.map(CustomerKey::value).orElse(null);
        Map<String, List<Contact>> contacts = new HashMap<>();
        h.createQuery("select * from contacts where tenant_id = :t and (cast(:k as text) is null or customer_key = :k)"
                        + " order by customer_key, contact_key")
                .bind("t", tenant.value())
                .bind("k", key)
                .map((rs, ctx) -> {
                    contacts.computeIfAbsent(rs.getString("customer_key"), k -> new ArrayList<>())
                            .add(contact(rs));
                    return 0;
                })
                .forEach(x -> {});
        return h.createQuery("select * from customers where tenant_id = :t and (cast(:k as text) is null"
                        + " or customer_key = :k) order by customer_key")
                .bind("t", tenant.value())
                .bind("k", key)
                .map((rs, ctx) -> customer(rs, contacts.getOrDefault(rs.getString("customer_key"), List.of())))
                .list();
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(
                rs.getString("name"),
                Optional.ofNullable(rs.getString("email")),
                Optional.ofNullable(rs.getString("phone")),
                rs.getString("role"),
                rs.getBoolean("email_opt_out"),
                rs.getBoolean("sms_opt_out"),
                rs.getBoolean("voice_consent"));
    }

    private static Customer customer(ResultSet rs, List<Contact> contacts) throws SQLException {
        long limit = rs.getLong("credit_limit_minor");
        Optional<Money> creditLimit = rs.wasNull()
                ? Optional.empty()
                : Optional.of(new Money(
                        limit,
                        Currency.getInstance(
                                rs.getString("credit_limit_currency").strip())));
        Array tags = rs.getArray("tags");
        return new Customer(
                CustomerKey.of(rs.getString("customer_key")),
                rs.getString("name"),
                Optional.ofNullable(rs.getString("segment")),
                Optional.ofNullable(rs.getString("industry")),
                Optional.ofNullable(rs.getString("time_zone")).map(ZoneId::of),
                creditLimit,
                Optional.ofNullable(rs.getObject("customer_since", LocalDate.class)),
                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                contacts);
    }

    static dev.aragent.agent.spi.Ledger.AccountFile accountFile(Handle h, TenantId tenant, CustomerKey customer) {
        return accountFiles(h, tenant, Optional.of(customer))
                .getOrDefault(
                        customer,
                        new dev.aragent.agent.spi.Ledger.AccountFile(List.of(), List.of(), List.of(), List.of()));
    }

    /** Every account's records, or one account's: four queries whatever the number of accounts. */
    static Map<CustomerKey, dev.aragent.agent.spi.Ledger.AccountFile> accountFiles(
            Handle h, TenantId tenant, Optional<CustomerKey> only) {
        String scope = only.isPresent() ? " and customer_key = :c" : "";
        Map<CustomerKey, List<Invoice>> invoices = new HashMap<>();
        query(h, "select * from invoices where tenant_id = :t" + scope + " order by issue_date, number", tenant, only)
                .map(Rows::invoice)
                .forEach(i -> invoices.computeIfAbsent(i.customer(), k -> new ArrayList<>())
                        .add(i));
        Map<CustomerKey, List<CreditMemo>> credits = new HashMap<>();
        query(h, "select * from credit_memos where tenant_id = :t" + scope + " order by issue_date", tenant, only)
                .map(Rows::creditMemo)
                .forEach(c -> credits.computeIfAbsent(c.customer(), k -> new ArrayList<>())
                        .add(c));
        Map<String, List<dev.aragent.agent.ledger.Payment.Allocation>> allocations = new HashMap<>();
        query(h, """
                        select a.reference, a.invoice_number, a.amount_minor, p.currency from payment_allocations a
                        join payments p on p.tenant_id = a.tenant_id and p.reference = a.reference
                        where a.tenant_id = :t""" + scope.replace("customer_key", "p.customer_key") + " order by a.invoice_number", tenant, only)
                .map((rs, ctx) -> {
                    allocations
                            .computeIfAbsent(rs.getString("reference"), k -> new ArrayList<>())
                            .add(new dev.aragent.agent.ledger.Payment.Allocation(
                                    rs.getString("invoice_number"),
                                    new Money(
                                            rs.getLong("amount_minor"),
                                            Currency.getInstance(
                                                    rs.getString("currency").strip()))));
                    return 0;
                })
                .forEach(x -> {});
        Map<CustomerKey, List<dev.aragent.agent.ledger.Payment>> payments = new HashMap<>();
        query(
                        h,
                        "select * from payments where tenant_id = :t" + scope + " order by received_on, reference",
                        tenant,
                        only)
                .map((rs, ctx) -> new dev.aragent.agent.ledger.Payment(
                        CustomerKey.of(rs.getString("customer_key")),
                        rs.getString("reference"),
                        rs.getObject("received_on", LocalDate.class),
                        new Money(
                                rs.getLong("amount_minor"),
                                Currency.getInstance(rs.getString("currency").strip())),
                        Optional.ofNullable(rs.getString("method")),
                        allocations.getOrDefault(rs.getString("reference"), List.of())))
                .forEach(p -> payments.computeIfAbsent(p.customer(), k -> new ArrayList<>())
                        .add(p));
        Map<CustomerKey, List<dev.aragent.agent.ledger.Note>> notes = new HashMap<>();
        query(h, "select * from notes where tenant_id = :t" + scope + " order by created_at, reference", tenant, only)
                .map((rs, ctx) -> new dev.aragent.agent.ledger.Note(
                        CustomerKey.of(rs.getString("customer_key")),
                        rs.getString("reference"),
                        rs.getString("kind").equals("ticket")
                                ? dev.aragent.agent.ledger.Note.Kind.TICKET
                                : dev.aragent.agent.ledger.Note.Kind.NOTE,
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getString("source"),
                        rs.getString("author"),
                        Optional.ofNullable(rs.getString("subject")),
                        rs.getString("body"),
                        Optional.ofNullable(rs.getString("ticket_status"))))
                .forEach(n -> notes.computeIfAbsent(n.customer(), k -> new ArrayList<>())
                        .add(n));
        java.util.Set<CustomerKey> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(CustomerKey::value));
        keys.addAll(invoices.keySet());
        keys.addAll(credits.keySet());
        keys.addAll(payments.keySet());
        keys.addAll(notes.keySet());
        Map<CustomerKey, dev.aragent.agent.spi.Ledger.AccountFile> files = new java.util.LinkedHashMap<>();
        for (CustomerKey k : keys) {
            files.put(
                    k,
                    new dev.aragent.agent.spi.Ledger.AccountFile(
                            invoices.getOrDefault(k, List.of()),
                            credits.getOrDefault(k, List.of()),
                            payments.getOrDefault(k, List.of()),
                            notes.getOrDefault(k, List.of())));
        }
        return files;
    }

    private static org.jdbi.v3.core.statement.Query query(
            Handle h, String sql, TenantId tenant, Optional<CustomerKey> only) {
        org.jdbi.v3.core.statement.Query q = h.createQuery(sql).bind("t", tenant.value());
        only.ifPresent(c -> q.bind("c", c.value()));
        return q;
    }

    static Invoice invoice(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").strip());
        return new Invoice(
                CustomerKey.of(rs.getString("customer_key")),
                rs.getString("number"),
                Optional.ofNullable(rs.getString("po_number")),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                new Money(rs.getLong("amount_minor"), currency),
                new Money(rs.getLong("open_minor"), currency),
                InvoiceStatus.fromCode(rs.getString("status")),
                Optional.ofNullable(rs.getObject("settled_date", LocalDate.class)),
                rs.getBoolean("disputed"));
    }

    static CreditMemo creditMemo(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CreditMemo(
                CustomerKey.of(rs.getString("customer_key")),
                rs.getString("number"),
                rs.getObject("issue_date", LocalDate.class),
                new Money(
                        rs.getLong("amount_minor"),
                        Currency.getInstance(rs.getString("currency").strip())),
                Optional.ofNullable(rs.getString("applies_to")));
    }
}
