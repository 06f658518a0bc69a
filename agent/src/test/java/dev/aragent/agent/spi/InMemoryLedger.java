package dev.aragent.agent.spi;

import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.ImportAudit;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A {@link Ledger} in memory, for core tests. Same semantics as the PostgreSQL one; {@link LedgerContract} checks. */
public final class InMemoryLedger implements Ledger {
    private final Map<TenantId, Book> books = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    public InMemoryLedger() {
        this(java.time.Clock.systemUTC());
    }

    /** @param clock the day an imported balance is as of (payments received after it reduce it) */
    public InMemoryLedger(java.time.Clock clock) {
        this.clock = clock;
    }

    /** The methods of payments the agent applied itself (bank files, pay-now links), not imported from the ERP. */
    private static final class Book {
        final Map<String, Customer> customers = new LinkedHashMap<>();
        final Map<String, Invoice> invoices = new LinkedHashMap<>();
        /** The day each invoice's balance was last set by an import. */
        final Map<String, LocalDate> balanceDay = new HashMap<>();

        final Map<String, CreditMemo> credits = new LinkedHashMap<>();
        final Map<String, Payment> payments = new LinkedHashMap<>();
        final Map<String, Note> notes = new LinkedHashMap<>();
        Optional<String> scoringBlocked = Optional.empty();
        final List<dev.aragent.agent.imports.ImportRecord> imports = new java.util.ArrayList<>();
    }

    @Override
    public synchronized Changes apply(TenantId tenant, ImportBatch batch, ImportAudit audit) {
        Book book = books.computeIfAbsent(tenant, t -> new Book());
        Changes changes = Changes.NONE;
        for (Customer c : batch.customers()) {
            Customer existing = book.customers.get(c.key().value());
            changes = changes.plus(put(book.customers, c.key().value(), existing == null ? c : c.mergedWith(existing)));
        }
        LocalDate asOf = batch.asOf().orElse(LocalDate.now(clock).minusDays(1));
        for (Invoice i : batch.invoices()) {
            Invoice existing = book.invoices.get(i.number());
            if (batch.kind() == ImportKind.HISTORY && existing != null && existing.status() == InvoiceStatus.OPEN) {
                changes = changes.plus(new Changes(0, 0, 1, 0));
                continue;
            }
            if (batch.kind() == ImportKind.INVOICES && existing != null) {
                changes = changes.plus(new Changes(0, 0, 1, 0)); // only adds: the book's invoice stays as it is
                continue;
            }
            boolean written = !i.equals(existing);
            if (written) {
                book.balanceDay.put(i.number(), LocalDate.now(clock));
            }
            changes = changes.plus(put(book.invoices, i.number(), i));
            if (written && batch.kind() == ImportKind.AGING) {
                // the aging states balances as of its date: our receipts since are applied again on top
                for (Payment p : book.payments.values()) {
                    if (p.receivedOn().isAfter(asOf)
                            && p.method()
                                    .filter(Payment.APPLIED_BY_AGENT::contains)
                                    .isPresent()) {
                        p.allocations().stream()
                                .filter(a -> a.invoiceNumber().equals(i.number()))
                                .forEach(a -> {
                                    Invoice now = book.invoices.get(i.number());
                                    if (now.status() == InvoiceStatus.OPEN) {
                                        reduce(book, now, p, a);
                                    }
                                });
                    }
                }
            }
        }
        for (CreditMemo m : batch.creditMemos()) {
            changes = changes.plus(put(book.credits, m.number(), m));
        }
        for (Payment p : batch.payments()) {
            boolean fresh = !book.payments.containsKey(p.reference());
            changes = changes.plus(put(book.payments, p.reference(), p));
            if (fresh) {
                p.allocations().forEach(a -> applyPayment(book, p, a));
            }
        }
        for (Note n : batch.notes()) {
            changes = changes.plus(put(book.notes, n.reference(), n));
        }
        if (batch.kind() == ImportKind.AGING) {
            changes = changes.plus(closeAbsent(book, batch));
        }
        if (changes.any()) {
            var r = audit.report();
            book.imports.addFirst(new dev.aragent.agent.imports.ImportRecord(
                    clock.instant(),
                    batch.kind(),
                    batch.source(),
                    r.profile(),
                    audit.actor(),
                    r.rows(),
                    r.validRows(),
                    audit.acceptedWithProblems(),
                    changes));
        }
        if (changes.any() && batch.kind() == ImportKind.AGING) {
            book.scoringBlocked = audit.acceptedWithProblems() && audit.scoringBlocked()
                    ? Optional.of(blockedReason(audit))
                    : Optional.empty();
        }
        return changes;
    }

    @Override
    public synchronized boolean markDisputed(TenantId tenant, String invoice, String why, String actor) {
        Book book = books.get(tenant);
        Invoice i = book == null ? null : book.invoices.get(invoice);
        if (i == null || i.status() != InvoiceStatus.OPEN || i.disputed()) {
            return false;
        }
        book.invoices.put(invoice, i.withDisputed(true));
        return true;
    }

    /** The in-memory book has no conversations, so no disputes to resolve. */
    @Override
    public int resolveDisputes(TenantId tenant, java.util.Collection<String> invoices, String why, String actor) {
        return 0;
    }

    @Override
    public synchronized boolean receive(TenantId tenant, Payment payment, String actor) {
        Book book = books.computeIfAbsent(tenant, t -> new Book());
        if (book.payments.containsKey(payment.reference())) {
            return false;
        }
        book.payments.put(payment.reference(), payment);
        for (Payment.Allocation a : payment.allocations()) {
            Invoice i = book.invoices.get(a.invoiceNumber());
            if (i != null
                    && i.status() == InvoiceStatus.OPEN
                    && i.openBalance().currency().equals(a.amount().currency())) {
                reduce(book, i, payment, a);
            }
        }
        return true;
    }

    /** A payment received after an open invoice's balance was imported reduces it, and settles it at zero. */
    private static void applyPayment(Book book, Payment p, Payment.Allocation a) {
        Invoice i = book.invoices.get(a.invoiceNumber());
        if (i == null
                || i.status() != InvoiceStatus.OPEN
                || !i.openBalance().currency().equals(a.amount().currency())
                || !p.receivedOn().isAfter(book.balanceDay.get(i.number()))) {
            return;
        }
        reduce(book, i, p, a);
    }

    private static void reduce(Book book, Invoice i, Payment p, Payment.Allocation a) {
        long left = Math.max(0, i.openBalance().minor() - a.amount().minor());
        book.invoices.put(
                i.number(),
                i.with(
                        new Money(left, i.openBalance().currency()),
                        left == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN,
                        left == 0 ? Optional.of(p.receivedOn()) : i.settledDate()));
    }

    static String blockedReason(ImportAudit audit) {
        return String.format(
                Locale.ROOT,
                "%s was imported with %.1f%% of required cells empty",
                audit.report().source(),
                audit.report().requiredMissingRatio() * 100);
    }

    private static Changes closeAbsent(Book book, ImportBatch batch) {
        Set<String> present = batch.invoices().stream().map(Invoice::number).collect(Collectors.toSet());
        int closed = 0;
        for (var e : book.invoices.entrySet()) {
            Invoice i = e.getValue();
            if (i.status() == InvoiceStatus.OPEN && !present.contains(i.number())) {
                e.setValue(i.with(i.openBalance(), InvoiceStatus.CLOSED, i.settledDate()));
                closed++;
            }
        }
        return new Changes(0, 0, 0, closed);
    }

    private static <T> Changes put(Map<String, T> map, String key, T value) {
        T old = map.put(key, value);
        if (old == null) {
            return new Changes(1, 0, 0, 0);
        }
        return old.equals(value) ? new Changes(0, 0, 1, 0) : new Changes(0, 1, 0, 0);
    }

    @Override
    public synchronized List<Customer> customers(TenantId tenant) {
        return List.copyOf(book(tenant).customers.values());
    }

    @Override
    public synchronized List<Invoice> invoices(TenantId tenant, InvoiceStatus status, int offset, int limit) {
        return book(tenant).invoices.values().stream()
                .filter(i -> i.status() == status)
                .sorted(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<CreditMemo> openCreditMemos(TenantId tenant) {
        return List.copyOf(book(tenant).credits.values());
    }

    @Override
    public synchronized Map<Currency, Money> invoicedBetween(TenantId tenant, LocalDate from, LocalDate to) {
        Map<Currency, Money> sums = new HashMap<>();
        for (Invoice i : book(tenant).invoices.values()) {
            if (!i.issueDate().isBefore(from) && !i.issueDate().isAfter(to)) {
                sums.merge(i.amount().currency(), i.amount(), Money::plus);
            }
        }
        return sums;
    }

    @Override
    public synchronized AccountFile accountFile(TenantId tenant, dev.aragent.agent.ledger.CustomerKey customer) {
        Book b = book(tenant);
        return new AccountFile(
                b.invoices.values().stream()
                        .filter(i -> i.customer().equals(customer))
                        .toList(),
                b.credits.values().stream()
                        .filter(m -> m.customer().equals(customer))
                        .toList(),
                b.payments.values().stream()
                        .filter(p -> p.customer().equals(customer))
                        .toList(),
                b.notes.values().stream()
                        .filter(n -> n.customer().equals(customer))
                        .toList());
    }

    @Override
    public synchronized void note(TenantId tenant, Note note) {
        books.computeIfAbsent(tenant, t -> new Book()).notes.put(note.reference(), note);
    }

    @Override
    public synchronized boolean saveContact(
            TenantId tenant,
            CustomerKey customer,
            Optional<String> replacing,
            dev.aragent.agent.ledger.Contact contact,
            String by) {
        Customer c = book(tenant).customers.get(customer.value());
        if (c == null) {
            return false;
        }
        List<dev.aragent.agent.ledger.Contact> contacts = new java.util.ArrayList<>(c.contacts());
        Optional<dev.aragent.agent.ledger.Contact> old = replacing.flatMap(
                r -> contacts.stream().filter(k -> named(k, r)).findFirst());
        if (replacing.isPresent() && old.isEmpty()) {
            return false;
        }
        old.ifPresent(contacts::remove);
        dev.aragent.agent.ledger.Contact kept = new dev.aragent.agent.ledger.Contact(
                contact.name(),
                contact.email(),
                contact.phone(),
                contact.role(),
                contact.emailOptOut()
                        || old.map(dev.aragent.agent.ledger.Contact::emailOptOut)
                                .orElse(false),
                contact.smsOptOut()
                        || old.map(dev.aragent.agent.ledger.Contact::smsOptOut).orElse(false),
                contact.voiceConsent());
        contacts.removeIf(k -> named(k, kept.email().or(kept::phone).orElseThrow()));
        contacts.add(kept);
        book(tenant)
                .customers
                .put(
                        customer.value(),
                        new Customer(
                                c.key(),
                                c.name(),
                                c.segment(),
                                c.industry(),
                                c.timeZone(),
                                c.creditLimit(),
                                c.customerSince(),
                                c.tags(),
                                contacts));
        return true;
    }

    /** Whether {@code k} is the contact {@code key} names: its email (any case), else its phone. */
    private static boolean named(dev.aragent.agent.ledger.Contact k, String key) {
        return k.email().map(e -> e.equalsIgnoreCase(key)).orElse(false)
                || k.phone().map(key::equals).orElse(false);
    }

    @Override
    public synchronized List<dev.aragent.agent.imports.ImportRecord> imports(TenantId tenant, int limit) {
        return book(tenant).imports.stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<String> scoringBlockedReason(TenantId tenant) {
        return book(tenant).scoringBlocked;
    }

    private Book book(TenantId tenant) {
        return books.getOrDefault(tenant, new Book());
    }
}
