package dev.aragent.store;

import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.ImportAudit;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportRecord;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Ledger} on PostgreSQL. A batch is written in one transaction with upserts that touch a row only when a
 * value differs, so importing the same file twice writes nothing; the import record and its audit entry commit with
 * it. Every statement binds the tenant.
 */
public final class PostgresLedger implements Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresLedger.class);

    private final Tenanted jdbi;
    private final Clock clock;

    private PostgresLedger(Tenanted jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public static PostgresLedger create(Database database, Clock clock) {
        return new PostgresLedger(database.tenanted(), clock);
    }

    @Override
    public Changes apply(TenantId tenant, ImportBatch batch, ImportAudit audit) {
        return Failures.translate(
                "apply " + batch.kind().code() + " import",
                () -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, tenant, handle -> {
                    handle.execute("select pg_advisory_xact_lock(hashtext(?))", "ledger:" + tenant.value());
                    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                    Upserts upserts = new Upserts(handle, tenant, now);
                    upserts.tenant();
                    Changes changes = upserts.customers(batch.customers())
                            .plus(upserts.stubCustomers(batch))
                            .plus(upserts.invoices(batch.invoices(), batch.kind()))
                            .plus(upserts.creditMemos(batch.creditMemos()))
                            .plus(upserts.payments(batch.payments()))
                            .plus(upserts.notes(batch.notes()));
                    if (batch.kind() == ImportKind.AGING) {
                        changes = changes.plus(upserts.closeAbsent(batch));
                        receiptsSince(
                                handle,
                                tenant,
                                batch.asOf().orElse(LocalDate.now(clock).minusDays(1)),
                                now);
                    }
                    if (changes.any()) {
                        record(handle, tenant, batch, audit, changes, now);
                    }
                    LOG.atInfo()
                            .addKeyValue("tenant", tenant)
                            .addKeyValue("kind", batch.kind().code())
                            .addKeyValue("changes", changes)
                            .log("batch applied");
                    return changes;
                }));
    }

    /**
     * An aging states balances as of its date ({@code asOf}): the receipts the agent applied (from bank files and pay-now
     * links) that arrived after it are applied again to the balances the import just wrote, so a stale aging never
     * reopens what a receipt paid.
     */
    private static void receiptsSince(Handle h, TenantId tenant, LocalDate asOf, OffsetDateTime now) {
        h.createUpdate("""
                        with ours as (
                            select a.invoice_number, sum(a.amount_minor) as paid, max(p.received_on) as last_on
                            from payments p
                            join payment_allocations a on a.tenant_id = p.tenant_id and a.reference = p.reference
                            where p.tenant_id = :t and p.received_on > :asOf
                              and p.method in (<methods>)
                            group by a.invoice_number)
                        update invoices i set
                            open_minor = greatest(0, i.open_minor - ours.paid),
                            status = case when i.open_minor <= ours.paid then 'paid' else i.status end,
                            settled_date = case when i.open_minor <= ours.paid then ours.last_on else i.settled_date end
                        from ours
                        where i.tenant_id = :t and i.number = ours.invoice_number and i.status = 'open'
                          and i.updated_at = :now""")
                .bind("t", tenant.value())
                .bind("asOf", asOf)
                .bind("now", now)
                .bindList("methods", List.copyOf(dev.aragent.agent.ledger.Payment.APPLIED_BY_AGENT))
                .execute();
    }

    @Override
    public boolean markDisputed(TenantId tenant, String invoice, String why, String actor) {
        return jdbi.inTransaction("mark an invoice disputed", tenant, h -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            int changed = h.createUpdate("""
                            update invoices set disputed = true, updated_at = :now
                            where tenant_id = :t and number = :n and status = 'open' and not disputed""")
                    .bind("t", tenant.value())
                    .bind("n", invoice)
                    .bind("now", now)
                    .execute();
            if (changed > 0) {
                AuditLog.append(h, tenant, now, actor, "invoice.disputed", "invoice:" + invoice, Map.of("why", why));
            }
            return changed > 0;
        });
    }

    @Override
    public int resolveDisputes(TenantId tenant, java.util.Collection<String> invoices, String why, String actor) {
        if (invoices.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction("resolve disputes paid in full", tenant, h -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            List<String> closed = h.createQuery("""
                            update disputes d set status = 'resolved', resolved_at = :now
                            where d.tenant_id = :t and d.status = 'open' and d.invoice_number in (<invoices>)
                              and exists (select 1 from invoices i where i.tenant_id = d.tenant_id
                                          and i.number = d.invoice_number and i.status <> 'open')
                            returning d.invoice_number""")
                    .bind("t", tenant.value())
                    .bind("now", now)
                    .bindList("invoices", List.copyOf(invoices))
                    .mapTo(String.class)
                    .list();
            for (String invoice : closed) {
                AuditLog.append(
                        h,
                        tenant,
                        now,
                        actor,
                        "dispute.resolved",
                        "invoice:" + invoice,
                        Map.of("invoice", invoice, "why", why));
            }
            return closed.size();
        });
    }

    @Override
    public boolean receive(TenantId tenant, dev.aragent.agent.ledger.Payment payment, String actor) {
        return Failures.translate(
                "receive a payment",
                () -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, tenant, handle -> {
                    handle.execute("select pg_advisory_xact_lock(hashtext(?))", "ledger:" + tenant.value());
                    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                    int inserted = handle.createUpdate("""
                                    insert into payments (tenant_id, reference, customer_key, received_on, currency,
                                        amount_minor, method, updated_at)
                                    values (:t, :ref, :customer, :received, :ccy, :amount, :method, :now)
                                    on conflict (tenant_id, reference) do nothing""")
                            .bind("t", tenant.value())
                            .bind("ref", payment.reference())
                            .bind("customer", payment.customer().value())
                            .bind("received", payment.receivedOn())
                            .bind("ccy", payment.amount().currency().getCurrencyCode())
                            .bind("amount", payment.amount().minor())
                            .bind("method", payment.method().orElse(null))
                            .bind("now", now)
                            .execute();
                    if (inserted == 0) {
                        return false;
                    }
                    for (var a : payment.allocations()) {
                        handle.createUpdate("""
                                        insert into payment_allocations (tenant_id, reference, invoice_number, amount_minor)
                                        values (:t, :ref, :invoice, :amount)""")
                                .bind("t", tenant.value())
                                .bind("ref", payment.reference())
                                .bind("invoice", a.invoiceNumber())
                                .bind("amount", a.amount().minor())
                                .execute();
                        handle.createUpdate("""
                                        update invoices set open_minor = greatest(0, open_minor - :amount),
                                            status = case when open_minor <= :amount then 'paid' else status end,
                                            settled_date = case when open_minor <= :amount then :received else settled_date end
                                        where tenant_id = :t and number = :invoice and status = 'open' and currency = :ccy""")
                                .bind("t", tenant.value())
                                .bind("invoice", a.invoiceNumber())
                                .bind("amount", a.amount().minor())
                                .bind("received", payment.receivedOn())
                                .bind("ccy", a.amount().currency().getCurrencyCode())
                                .execute();
                    }
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("customer", payment.customer().value());
                    detail.put("amount_minor", payment.amount().minor());
                    detail.put("currency", payment.amount().currency().getCurrencyCode());
                    detail.put(
                            "invoices",
                            payment.allocations().stream()
                                    .map(a -> a.invoiceNumber())
                                    .toList());
                    AuditLog.append(
                            handle, tenant, now, actor, "payment.received", "payment:" + payment.reference(), detail);
                    return true;
                }));
    }

    private static void record(
            Handle handle, TenantId tenant, ImportBatch batch, ImportAudit audit, Changes changes, OffsetDateTime now) {
        var report = audit.report();
        double missingPct = Math.round(report.requiredMissingRatio() * 10_000) / 100.0;
        long importId = handle.createQuery("""
                        insert into imports (tenant_id, kind, source, sha256, profile, as_of, actor, rows_read, rows_valid,
                            required_missing_pct, accepted_with_problems, scoring_blocked, inserted, updated, closed, imported_at)
                        values (:t, :kind, :source, :sha, :profile, :asOf, :actor, :rows, :valid, :missing, :accepted, :blocked,
                            :inserted, :updated, :closed, :now)
                        returning import_id""")
                .bind("t", tenant.value())
                .bind("kind", batch.kind().code())
                .bind("source", batch.source())
                .bind("sha", batch.sha256())
                .bind("profile", report.profile())
                .bind("asOf", batch.asOf().orElse(null))
                .bind("actor", audit.actor())
                .bind("rows", report.rows())
                .bind("valid", report.validRows())
                .bind("missing", missingPct)
                .bind("accepted", audit.acceptedWithProblems())
                .bind("blocked", audit.acceptedWithProblems() && audit.scoringBlocked())
                .bind("inserted", changes.inserted())
                .bind("updated", changes.updated())
                .bind("closed", changes.closed())
                .bind("now", now)
                .mapTo(Long.class)
                .one();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("import_id", importId);
        detail.put("source", batch.source());
        detail.put("sha256", batch.sha256());
        detail.put("rows", report.rows());
        detail.put("valid_rows", report.validRows());
        detail.put("required_missing_pct", missingPct);
        detail.put("accepted_with_problems", audit.acceptedWithProblems());
        detail.put("inserted", changes.inserted());
        detail.put("updated", changes.updated());
        detail.put("closed", changes.closed());
        AuditLog.append(handle, tenant, now, audit.actor(), "import.applied", "import:" + importId, detail);
    }

    @Override
    public List<Customer> customers(TenantId tenant) {
        return jdbi.withHandle("read customers", tenant, h -> Rows.customers(h, tenant));
    }

    @Override
    public Optional<Customer> customer(TenantId tenant, CustomerKey key) {
        return jdbi.withHandle(
                "read a customer",
                tenant,
                h -> Rows.customers(h, tenant, Optional.of(key)).stream().findFirst());
    }

    @Override
    public List<Invoice> invoices(TenantId tenant, InvoiceStatus status, int offset, int limit) {
        return jdbi.withHandle(
                "read invoices",
                tenant,
                h -> h.createQuery("""
                        select * from invoices where tenant_id = :t and status = :s
                        order by due_date, number offset :o limit :l""")
                        .bind("t", tenant.value())
                        .bind("s", status.code())
                        .bind("o", Math.max(0, offset))
                        .bind("l", Math.max(0, limit))
                        .map(Rows::invoice)
                        .list());
    }

    @Override
    public List<CreditMemo> openCreditMemos(TenantId tenant) {
        return jdbi.withHandle(
                "read credit memos",
                tenant,
                h -> h.createQuery("""
                        select * from credit_memos where tenant_id = :t and status = 'open' order by issue_date, number""")
                        .bind("t", tenant.value())
                        .map(Rows::creditMemo)
                        .list());
    }

    @Override
    public Map<Currency, Money> invoicedBetween(TenantId tenant, LocalDate from, LocalDate to) {
        return jdbi.withHandle("sum invoiced", tenant, h -> {
            Map<Currency, Money> sums = new HashMap<>();
            h.createQuery("""
                            select currency, sum(amount_minor) as total from invoices
                            where tenant_id = :t and issue_date between :from and :to group by currency""")
                    .bind("t", tenant.value())
                    .bind("from", from)
                    .bind("to", to)
                    .map((rs, ctx) -> new Money(
                            rs.getLong("total"),
                            Currency.getInstance(rs.getString("currency").strip())))
                    .forEach(m -> sums.put(m.currency(), m));
            return sums;
        });
    }

    @Override
    public AccountFile accountFile(TenantId tenant, dev.aragent.agent.ledger.CustomerKey customer) {
        return jdbi.withHandle("read account", tenant, h -> Rows.accountFile(h, tenant, customer));
    }

    @Override
    public Map<dev.aragent.agent.ledger.CustomerKey, AccountFile> accountFiles(TenantId tenant) {
        return jdbi.withHandle("read accounts", tenant, h -> Rows.accountFiles(h, tenant, Optional.empty()));
    }

    @Override
    public java.util.Set<String> pausedInvoices(TenantId tenant) {
        return jdbi.withHandle(
                "read paused invoices",
                tenant,
                h -> java.util.Set.copyOf(h.createQuery("""
                                select number from invoices where tenant_id = :t and status = 'open' and disputed
                                union
                                select invoice_number from disputes where tenant_id = :t and status = 'open'
                                    and invoice_number is not null""")
                        .bind("t", tenant.value())
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public java.util.Set<String> pausedInvoices(TenantId tenant, CustomerKey customer) {
        return jdbi.withHandle(
                "read paused invoices",
                tenant,
                h -> java.util.Set.copyOf(h.createQuery("""
                                select i.number from invoices i
                                where i.tenant_id = :t and i.customer_key = :c and i.status = 'open'
                                  and (i.disputed or exists (select 1 from disputes d where d.tenant_id = i.tenant_id
                                       and d.invoice_number = i.number and d.status = 'open'))""")
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public void note(TenantId tenant, Note note) {
        jdbi.useTransaction(
                "add a note",
                tenant,
                h -> new Upserts(h, tenant, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .notes(List.of(note)));
    }

    @Override
    public boolean saveContact(
            TenantId tenant,
            CustomerKey customer,
            Optional<String> replacing,
            dev.aragent.agent.ledger.Contact contact,
            String by) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbi.inTransaction("save a contact", tenant, h -> {
            boolean known = h.createQuery("select count(*) from customers where tenant_id = :t and customer_key = :c")
                            .bind("t", tenant.value())
                            .bind("c", customer.value())
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (!known) {
                return false;
            }
            String key = Upserts.contactKey(contact);
            dev.aragent.agent.ledger.Contact saved = contact;
            if (replacing.isPresent()) {
                String old = replacing.get().contains("@") ? replacing.get().toLowerCase(Locale.ROOT) : replacing.get();
                // the old row's opt-outs go with the contact when its email or phone changes
                Optional<boolean[]> optOuts = h.createQuery("""
                                delete from contacts where tenant_id = :t and customer_key = :c and contact_key = :k
                                returning email_opt_out, sms_opt_out""")
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .bind("k", old)
                        .map((rs, ctx) -> new boolean[] {rs.getBoolean("email_opt_out"), rs.getBoolean("sms_opt_out")})
                        .findOne();
                if (optOuts.isEmpty()) {
                    return false;
                }
                saved = new dev.aragent.agent.ledger.Contact(
                        contact.name(),
                        contact.email(),
                        contact.phone(),
                        contact.role(),
                        contact.emailOptOut() || optOuts.get()[0],
                        contact.smsOptOut() || optOuts.get()[1],
                        contact.voiceConsent());
            }
            new Upserts(h, tenant, now).contact(customer, saved);
            h.createUpdate("""
                            update contacts set voice_consent = :consent
                            where tenant_id = :t and customer_key = :c and contact_key = :k""")
                    .bind("consent", saved.voiceConsent())
                    .bind("t", tenant.value())
                    .bind("c", customer.value())
                    .bind("k", key)
                    .execute();
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("contact", key);
            replacing.ifPresent(r -> detail.put("replacing", r));
            detail.put("email_opt_out", saved.emailOptOut());
            detail.put("sms_opt_out", saved.smsOptOut());
            detail.put("voice_consent", saved.voiceConsent());
            AuditLog.append(h, tenant, now, "person:" + by, "contact.saved", "customer:" + customer.value(), detail);
            return true;
        });
    }

    @Override
    public List<ImportRecord> imports(TenantId tenant, int limit) {
        return jdbi.withHandle(
                "read imports",
                tenant,
                h -> h.createQuery("""
                        select imported_at, kind, source, profile, actor, rows_read, rows_valid,
                               accepted_with_problems, inserted, updated, closed
                        from imports where tenant_id = :t order by import_id desc limit :limit""")
                        .bind("t", tenant.value())
                        .bind("limit", limit)
                        .map((rs, ctx) -> new ImportRecord(
                                rs.getObject("imported_at", OffsetDateTime.class)
                                        .toInstant(),
                                ImportKind.fromCode(rs.getString("kind")),
                                rs.getString("source"),
                                rs.getString("profile"),
                                rs.getString("actor"),
                                rs.getInt("rows_read"),
                                rs.getInt("rows_valid"),
                                rs.getBoolean("accepted_with_problems"),
                                new Changes(rs.getInt("inserted"), rs.getInt("updated"), 0, rs.getInt("closed"))))
                        .list());
    }

    @Override
    public Optional<String> scoringBlockedReason(TenantId tenant) {
        return jdbi.withHandle(
                "read imports",
                tenant,
                h -> h.createQuery("""
                        select source, required_missing_pct, scoring_blocked from imports
                        where tenant_id = :t and kind = 'aging' order by import_id desc limit 1""")
                        .bind("t", tenant.value())
                        .map((rs, ctx) -> rs.getBoolean("scoring_blocked")
                                ? Optional.of(String.format(
                                        Locale.ROOT,
                                        "%s was imported with %.1f%% of required cells empty",
                                        rs.getString("source"),
                                        rs.getDouble("required_missing_pct")))
                                : Optional.<String>empty())
                        .findOne()
                        .flatMap(o -> o));
    }

    @Override
    public String toString() {
        return "PostgresLedger";
    }
}
