package dev.aragent.store;

import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.ledger.TenantId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The batched statements of one import transaction. Each upsert updates a row only when a value differs ({@code IS
 * DISTINCT FROM}), so the per-row update counts tell new, changed and unchanged records apart.
 */
final class Upserts {
    private final Handle handle;
    private final TenantId tenant;
    private final OffsetDateTime now;

    Upserts(Handle handle, TenantId tenant, OffsetDateTime now) {
        this.handle = handle;
        this.tenant = tenant;
        this.now = now;
    }

    void tenant() {
        handle.createUpdate(
                        "insert into tenants (tenant_id, name, created_at) values (:t, :t, :now) on conflict do nothing")
                .bind("t", tenant.value())
                .bind("now", now)
                .execute();
    }

    Changes customers(List<Customer> customers) {
        if (customers.isEmpty()) {
            return Changes.NONE;
        }
        Set<String> existing = existing(
                "customers",
                "customer_key",
                customers.stream().map(c -> c.key().value()).toList());
        Changes changes = run(
                customers,
                existing,
                c -> c.key().value(),
                """
                insert into customers as c (tenant_id, customer_key, name, segment, industry, time_zone, credit_limit_minor,
                    credit_limit_currency, customer_since, tags, created_at, updated_at)
                values (:t, :key, :name, :segment, :industry, :tz, :limit, :limitCcy, :since, :tags, :now, :now)
                on conflict (tenant_id, customer_key) do update set
                    name = excluded.name,
                    segment = coalesce(excluded.segment, c.segment),
                    industry = coalesce(excluded.industry, c.industry),
                    time_zone = coalesce(excluded.time_zone, c.time_zone),
                    credit_limit_minor = coalesce(excluded.credit_limit_minor, c.credit_limit_minor),
                    credit_limit_currency = coalesce(excluded.credit_limit_currency, c.credit_limit_currency),
                    customer_since = coalesce(excluded.customer_since, c.customer_since),
                    tags = case when cardinality(excluded.tags) = 0 then c.tags else excluded.tags end,
                    updated_at = excluded.updated_at
                where (c.name, c.segment, c.industry, c.time_zone, c.credit_limit_minor, c.credit_limit_currency,
                       c.customer_since, c.tags)
                      is distinct from
                      (excluded.name, coalesce(excluded.segment, c.segment), coalesce(excluded.industry, c.industry),
                       coalesce(excluded.time_zone, c.time_zone), coalesce(excluded.credit_limit_minor, c.credit_limit_minor),
                       coalesce(excluded.credit_limit_currency, c.credit_limit_currency),
                       coalesce(excluded.customer_since, c.customer_since),
                       case when cardinality(excluded.tags) = 0 then c.tags else excluded.tags end)""",
                (b, c) -> b.bind("key", c.key().value())
                        .bind("name", c.name())
                        .bind("segment", c.segment().orElse(null))
                        .bind("industry", c.industry().orElse(null))
                        .bind("tz", c.timeZone().map(Object::toString).orElse(null))
                        .bind("limit", c.creditLimit().map(m -> m.minor()).orElse(null))
                        .bind(
                                "limitCcy",
                                c.creditLimit()
                                        .map(m -> m.currency().getCurrencyCode())
                                        .orElse(null))
                        .bind("since", c.customerSince().orElse(null))
                        .bind("tags", c.tags().toArray(String[]::new)));
        return changes.plus(contacts(customers, existing));
    }

    private record Row(CustomerKey customer, Contact contact) {}

    /** Contact changes on a customer that already existed count as updates of that customer. Opt-outs are sticky. */
    private Changes contacts(List<Customer> customers, Set<String> existingCustomers) {
        List<Row> rows = customers.stream()
                .flatMap(c -> c.contacts().stream().map(k -> new Row(c.key(), k)))
                .toList();
        if (rows.isEmpty()) {
            return Changes.NONE;
        }
        int[] counts = upsert(rows);
        Set<String> touched = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            String customer = rows.get(i).customer().value();
            if (counts[i] > 0 && existingCustomers.contains(customer)) {
                touched.add(customer);
            }
        }
        return new Changes(0, touched.size(), 0, 0);
    }

    /** One contact of one customer, as every import writes it (opt-outs sticky). */
    void contact(CustomerKey customer, Contact contact) {
        upsert(List.of(new Row(customer, contact)));
    }

    /** The key a contact is kept by: its email in lower case, else its phone. */
    static String contactKey(Contact k) {
        return k.email().map(e -> e.toLowerCase(Locale.ROOT)).or(k::phone).orElseThrow();
    }

    private int[] upsert(List<Row> rows) {
        PreparedBatch batch = handle.prepareBatch("""
                insert into contacts as k (tenant_id, customer_key, contact_key, name, email, phone, role, email_opt_out,
                    sms_opt_out, voice_consent, updated_at)
                values (:t, :customer, :ckey, :name, :email, :phone, :role, :emailOptOut, :smsOptOut, :voiceConsent, :now)
                on conflict (tenant_id, customer_key, contact_key) do update set
                    name = excluded.name, email = excluded.email, phone = excluded.phone, role = excluded.role,
                    email_opt_out = k.email_opt_out or excluded.email_opt_out,
                    sms_opt_out = k.sms_opt_out or excluded.sms_opt_out,
                    voice_consent = k.voice_consent or excluded.voice_consent,
                    updated_at = excluded.updated_at
                where (k.name, k.email, k.phone, k.role, k.email_opt_out, k.sms_opt_out, k.voice_consent)
                      is distinct from
                      (excluded.name, excluded.email, excluded.phone, excluded.role,
                       k.email_opt_out or excluded.email_opt_out, k.sms_opt_out or excluded.sms_opt_out,
                       k.voice_consent or excluded.voice_consent)""");
        for (Row r : rows) {
            Contact k = r.contact();
            batch.bind("t", tenant.value())
                    .bind("now", now)
                    .bind("customer", r.customer().value())
                    .bind("ckey", contactKey(k))
                    .bind("name", k.name())
                    .bind("email", k.email().orElse(null))
                    .bind("phone", k.phone().orElse(null))
                    .bind("role", k.role())
                    .bind("emailOptOut", k.emailOptOut())
                    .bind("smsOptOut", k.smsOptOut())
                    .bind("voiceConsent", k.voiceConsent())
                    .add();
        }
        return batch.execute();
    }

    /** Customers a batch names without describing (payments, notes, history): created with their key as name. */
    Changes stubCustomers(ImportBatch batch) {
        Set<String> described = new HashSet<>();
        batch.customers().forEach(c -> described.add(c.key().value()));
        Set<String> keys = new LinkedHashSet<>();
        Stream.of(
                        batch.invoices().stream().map(Invoice::customer),
                        batch.creditMemos().stream().map(CreditMemo::customer),
                        batch.payments().stream().map(Payment::customer),
                        batch.notes().stream().map(Note::customer))
                .flatMap(s -> s)
                .map(CustomerKey::value)
                .filter(k -> !described.contains(k))
                .forEach(keys::add);
        if (keys.isEmpty()) {
            return Changes.NONE;
        }
        PreparedBatch b = handle.prepareBatch("""
                insert into customers (tenant_id, customer_key, name, created_at, updated_at)
                values (:t, :key, :key, :now, :now) on conflict do nothing""");
        keys.forEach(
                k -> b.bind("t", tenant.value()).bind("now", now).bind("key", k).add());
        int inserted = java.util.Arrays.stream(b.execute()).sum();
        return new Changes(inserted, 0, 0, 0);
    }

    /** @param history a history row never overwrites an invoice the latest aging says is open */
    /**
     * Writes invoices: new ones inserted, changed ones updated — but a history file never overwrites an open invoice,
     * and an invoices file (those issued since the last export) only adds: what the book holds already stays as it is.
     */
    Changes invoices(List<Invoice> invoices, dev.aragent.agent.imports.ImportKind kind) {
        if (invoices.isEmpty()) {
            return Changes.NONE;
        }
        Set<String> existing = existing(
                "invoices", "number", invoices.stream().map(Invoice::number).toList());
        return run(
                invoices,
                existing,
                Invoice::number,
                """
                insert into invoices as i (tenant_id, number, customer_key, po_number, issue_date, due_date, currency,
                    amount_minor, open_minor, status, settled_date, disputed, closed_reason, updated_at)
                values (:t, :number, :customer, :po, :issued, :due, :ccy, :amount, :open, :status, :settled, :disputed, null, :now)
                on conflict (tenant_id, number) do update set
                    customer_key = excluded.customer_key, po_number = excluded.po_number, issue_date = excluded.issue_date,
                    due_date = excluded.due_date, currency = excluded.currency, amount_minor = excluded.amount_minor,
                    open_minor = excluded.open_minor, status = excluded.status, settled_date = excluded.settled_date,
                    disputed = excluded.disputed, closed_reason = null, updated_at = excluded.updated_at
                where"""
                        + switch (kind) {
                            case HISTORY -> " i.status <> 'open' and ";
                            case INVOICES -> " false and ";
                            default -> " ";
                        }
                        + """
                      (i.customer_key, i.po_number, i.issue_date, i.due_date, i.currency, i.amount_minor, i.open_minor,
                       i.status, i.settled_date, i.disputed)
                      is distinct from
                      (excluded.customer_key, excluded.po_number, excluded.issue_date, excluded.due_date, excluded.currency,
                       excluded.amount_minor, excluded.open_minor, excluded.status, excluded.settled_date, excluded.disputed)""",
                (b, i) -> b.bind("number", i.number())
                        .bind("customer", i.customer().value())
                        .bind("po", i.poNumber().orElse(null))
                        .bind("issued", i.issueDate())
                        .bind("due", i.dueDate())
                        .bind("ccy", i.amount().currency().getCurrencyCode())
                        .bind("amount", i.amount().minor())
                        .bind("open", i.openBalance().minor())
                        .bind("status", i.status().code())
                        .bind("settled", i.settledDate().orElse(null))
                        .bind("disputed", i.disputed()));
    }

    Changes creditMemos(List<CreditMemo> memos) {
        if (memos.isEmpty()) {
            return Changes.NONE;
        }
        Set<String> existing = existing(
                "credit_memos", "number", memos.stream().map(CreditMemo::number).toList());
        return run(
                memos,
                existing,
                CreditMemo::number,
                """
                insert into credit_memos as m (tenant_id, number, customer_key, issue_date, currency, amount_minor, applies_to,
                    status, updated_at)
                values (:t, :number, :customer, :issued, :ccy, :amount, :appliesTo, 'open', :now)
                on conflict (tenant_id, number) do update set
                    customer_key = excluded.customer_key, issue_date = excluded.issue_date, currency = excluded.currency,
                    amount_minor = excluded.amount_minor, applies_to = excluded.applies_to, status = 'open',
                    updated_at = excluded.updated_at
                where (m.customer_key, m.issue_date, m.currency, m.amount_minor, m.applies_to, m.status)
                      is distinct from
                      (excluded.customer_key, excluded.issue_date, excluded.currency, excluded.amount_minor,
                       excluded.applies_to, 'open')""",
                (b, m) -> b.bind("number", m.number())
                        .bind("customer", m.customer().value())
                        .bind("issued", m.issueDate())
                        .bind("ccy", m.amount().currency().getCurrencyCode())
                        .bind("amount", m.amount().minor())
                        .bind("appliesTo", m.appliesTo().orElse(null)));
    }

    /** Open invoices and credit memos absent from an aging snapshot are closed. */
    Changes closeAbsent(ImportBatch batch) {
        String reason = "absent from aging import " + batch.source()
                + batch.asOf().map(d -> " as of " + d).orElse("");
        int invoices = handle.createUpdate("""
                        update invoices set status = 'closed', closed_reason = :reason, updated_at = :now
                        where tenant_id = :t and status = 'open' and not (number = any(:numbers))""")
                .bind("t", tenant.value())
                .bind("now", now)
                .bind("reason", reason)
                .bind("numbers", batch.invoices().stream().map(Invoice::number).toArray(String[]::new))
                .execute();
        int credits = handle.createUpdate("""
                        update credit_memos set status = 'closed', updated_at = :now
                        where tenant_id = :t and status = 'open' and not (number = any(:numbers))""")
                .bind("t", tenant.value())
                .bind("now", now)
                .bind(
                        "numbers",
                        batch.creditMemos().stream().map(CreditMemo::number).toArray(String[]::new))
                .execute();
        return new Changes(0, 0, 0, invoices + credits);
    }

    Changes payments(List<Payment> payments) {
        if (payments.isEmpty()) {
            return Changes.NONE;
        }
        Set<String> existing = existing(
                "payments",
                "reference",
                payments.stream().map(Payment::reference).toList());
        List<Payment> changed = new ArrayList<>();
        Changes changes = run(
                payments,
                existing,
                Payment::reference,
                """
                insert into payments as p (tenant_id, reference, customer_key, received_on, currency, amount_minor, method, updated_at)
                values (:t, :ref, :customer, :received, :ccy, :amount, :method, :now)
                on conflict (tenant_id, reference) do update set
                    customer_key = excluded.customer_key, received_on = excluded.received_on, currency = excluded.currency,
                    amount_minor = excluded.amount_minor, method = excluded.method, updated_at = excluded.updated_at
                where (p.customer_key, p.received_on, p.currency, p.amount_minor, p.method)
                      is distinct from
                      (excluded.customer_key, excluded.received_on, excluded.currency, excluded.amount_minor, excluded.method)""",
                (b, p) -> b.bind("ref", p.reference())
                        .bind("customer", p.customer().value())
                        .bind("received", p.receivedOn())
                        .bind("ccy", p.amount().currency().getCurrencyCode())
                        .bind("amount", p.amount().minor())
                        .bind("method", p.method().orElse(null)),
                changed::add);
        if (!changed.isEmpty()) {
            PreparedBatch delete =
                    handle.prepareBatch("delete from payment_allocations where tenant_id = :t and reference = :ref");
            changed.forEach(p ->
                    delete.bind("t", tenant.value()).bind("ref", p.reference()).add());
            delete.execute();
            PreparedBatch insert = handle.prepareBatch("""
                    insert into payment_allocations (tenant_id, reference, invoice_number, amount_minor)
                    values (:t, :ref, :invoice, :amount)
                    on conflict (tenant_id, reference, invoice_number) do update set amount_minor = payment_allocations.amount_minor + excluded.amount_minor""");
            for (Payment p : changed) {
                for (Payment.Allocation a : p.allocations()) {
                    insert.bind("t", tenant.value())
                            .bind("ref", p.reference())
                            .bind("invoice", a.invoiceNumber())
                            .bind("amount", a.amount().minor())
                            .add();
                }
            }
            if (insert.size() > 0) {
                insert.execute();
            }
            applyToInvoices(changed.stream()
                    .filter(p -> !existing.contains(p.reference()))
                    .toList());
        }
        return changes;
    }

    /**
     * A new payment received after an open invoice's balance was last imported (the day of its {@code updated_at})
     * reduces that balance by what it applies to it, and settles the invoice at zero: the agent stops asking for money
     * it has received before the next aging says so. A payment received on or before that day is taken to be in the
     * aging's balance already. The invoice keeps its {@code updated_at}: the next aging's balance replaces this one.
     */
    private void applyToInvoices(List<Payment> fresh) {
        List<String> invoices = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<String> received = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (Payment p : fresh) {
            for (Payment.Allocation a : p.allocations()) {
                invoices.add(a.invoiceNumber());
                amounts.add(a.amount().minor());
                received.add(p.receivedOn().toString());
                currencies.add(a.amount().currency().getCurrencyCode());
            }
        }
        if (invoices.isEmpty()) {
            return;
        }
        // one statement for the whole file: an initial import carries months of payments, all left alone
        handle.createUpdate("""
                        with applied as (
                            select a.invoice, sum(a.amount) as amount, max(a.received) as last
                            from unnest(cast(:invoices as text[]), cast(:amounts as bigint[]), cast(:received as date[]),
                                        cast(:currencies as text[])) as a(invoice, amount, received, ccy)
                            join invoices i on i.tenant_id = :t and i.number = a.invoice and i.status = 'open'
                                and i.currency = a.ccy and (i.updated_at at time zone 'UTC')::date < a.received
                            group by a.invoice)
                        update invoices i set open_minor = greatest(0, i.open_minor - applied.amount),
                            status = case when i.open_minor <= applied.amount then 'paid' else i.status end,
                            settled_date = case when i.open_minor <= applied.amount then applied.last
                                                else i.settled_date end
                        from applied
                        where i.tenant_id = :t and i.number = applied.invoice""")
                .bind("t", tenant.value())
                .bind("invoices", invoices.toArray(String[]::new))
                .bind("amounts", amounts.toArray(Long[]::new))
                .bind("received", received.toArray(String[]::new))
                .bind("currencies", currencies.toArray(String[]::new))
                .execute();
    }

    Changes notes(List<Note> notes) {
        if (notes.isEmpty()) {
            return Changes.NONE;
        }
        Set<String> existing = existing(
                "notes", "reference", notes.stream().map(Note::reference).toList());
        return run(
                notes,
                existing,
                Note::reference,
                """
                insert into notes as n (tenant_id, reference, customer_key, kind, created_at, source, author, subject, body,
                    ticket_status, updated_at)
                values (:t, :ref, :customer, :kind, :created, :source, :author, :subject, :body, :status, :now)
                on conflict (tenant_id, reference) do update set
                    customer_key = excluded.customer_key, kind = excluded.kind, created_at = excluded.created_at,
                    source = excluded.source, author = excluded.author, subject = excluded.subject, body = excluded.body,
                    ticket_status = excluded.ticket_status, updated_at = excluded.updated_at
                where (n.customer_key, n.kind, n.created_at, n.source, n.author, n.subject, n.body, n.ticket_status)
                      is distinct from
                      (excluded.customer_key, excluded.kind, excluded.created_at, excluded.source, excluded.author,
                       excluded.subject, excluded.body, excluded.ticket_status)""",
                (b, n) -> b.bind("ref", n.reference())
                        .bind("customer", n.customer().value())
                        .bind("kind", n.kind().name().toLowerCase(Locale.ROOT))
                        .bind("created", n.createdAt().atOffset(ZoneOffset.UTC))
                        .bind("source", n.source())
                        .bind("author", n.author())
                        .bind("subject", n.subject().orElse(null))
                        .bind("body", n.body())
                        .bind("status", n.ticketStatus().orElse(null)));
    }

    private Set<String> existing(String table, String column, List<String> keys) {
        return new HashSet<>(handle.createQuery(
                        "select " + column + " from " + table + " where tenant_id = :t and " + column + " = any(:keys)")
                .bind("t", tenant.value())
                .bind("keys", keys.toArray(String[]::new))
                .mapTo(String.class)
                .list());
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedBatch batch, T record);
    }

    private <T> Changes run(
            List<T> records,
            Set<String> existing,
            java.util.function.Function<T, String> key,
            String sql,
            Binder<T> binder) {
        return run(records, existing, key, sql, binder, r -> {});
    }

    /** Executes one upsert per record in a batch; {@code onChange} sees each record that was inserted or updated. */
    private <T> Changes run(
            List<T> records,
            Set<String> existing,
            java.util.function.Function<T, String> key,
            String sql,
            Binder<T> binder,
            Consumer<T> onChange) {
        PreparedBatch batch = handle.prepareBatch(sql);
        for (T r : records) {
            batch.bind("t", tenant.value()).bind("now", now);
            binder.bind(batch, r);
            batch.add();
        }
        int[] counts = batch.execute();
        int inserted = 0;
        int updated = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                onChange.accept(records.get(i));
                if (existing.contains(key.apply(records.get(i)))) {
                    updated++;
                } else {
                    inserted++;
                }
            }
        }
        return new Changes(inserted, updated, records.size() - inserted - updated, 0);
    }
}
