package dev.aragent.agent.spi;

import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.ImportAudit;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system of record for one tenant's receivables. Every call is scoped to one tenant; nothing of another tenant is
 * ever read or written. Adapters: store ({@code PostgresLedger}), agent tests ({@code InMemoryLedger}).
 */
public interface Ledger {

    /**
     * Writes a batch all or nothing, idempotently: records equal to what is stored are left alone, changed ones are
     * updated, new ones inserted; for an aging snapshot, open invoices absent from it are closed. When something
     * changed, the import and its audit entry are recorded in the same transaction.
     */
    Changes apply(TenantId tenant, ImportBatch batch, ImportAudit audit);

    /**
     * A payment applied from a receipt (a bank entry matched by the agent or a person, a pay-now link): kept with its
     * allocations and applied to its invoices at once — whatever day their balances were last imported — settling each
     * it pays in full on the day received; what it does not allocate stays on the account as credit. False, changing
     * nothing, when a payment with its reference is in the book already (a receipt is applied once).
     */
    boolean receive(TenantId tenant, dev.aragent.agent.ledger.Payment payment, String actor);

    /**
     * Closes as resolved the open disputes on {@code invoices} (numbers) that are paid in full — a payment settled what
     * was disputed — with {@code why} in the audit log. Returns how many it closed; none for an invoice still open.
     */
    int resolveDisputes(TenantId tenant, java.util.Collection<String> invoices, String why, String actor);

    /**
     * Marks an open invoice disputed (collection on it pauses, {@link #pausedInvoices}) — a short payment whose reason is
     * a dispute, routed to billing — with {@code why} in the audit log. False, changing nothing, when it is not open or
     * disputed already. The next import of the aging states it as the ERP has it.
     */
    boolean markDisputed(TenantId tenant, String invoice, String why, String actor);

    /** Customers with their contacts. */
    List<Customer> customers(TenantId tenant);

    /** Invoices in a status, ordered by due date then number, at most {@code limit} from {@code offset}. */
    List<Invoice> invoices(TenantId tenant, InvoiceStatus status, int offset, int limit);

    /** Open (unapplied) credit memos. */
    List<CreditMemo> openCreditMemos(TenantId tenant);

    /** Sum of invoice amounts issued in {@code [from, to]}, whatever their status, per currency: DSO's denominator. */
    Map<Currency, Money> invoicedBetween(TenantId tenant, LocalDate from, LocalDate to);

    /** Everything the book holds about one account: the documents grounding is built from. */
    AccountFile accountFile(TenantId tenant, CustomerKey customer);

    /** Every account's records, keyed by account: what risk training and the queue read in one pass. */
    default Map<CustomerKey, AccountFile> accountFiles(TenantId tenant) {
        Map<CustomerKey, AccountFile> files = new java.util.LinkedHashMap<>();
        for (Customer c : customers(tenant)) {
            files.put(c.key(), accountFile(tenant, c.key()));
        }
        return files;
    }

    /** One account's records. */
    record AccountFile(
            List<Invoice> invoices,
            List<CreditMemo> creditMemos,
            List<dev.aragent.agent.ledger.Payment> payments,
            List<dev.aragent.agent.ledger.Note> notes) {
        public AccountFile {
            invoices = List.copyOf(invoices);
            creditMemos = List.copyOf(creditMemos);
            payments = List.copyOf(payments);
            notes = List.copyOf(notes);
        }
    }

    /** A note a person wrote on an account (not an import): kept with the account's notes from other sources. */
    void note(TenantId tenant, dev.aragent.agent.ledger.Note note);

    /**
     * A person saves one of a customer's contacts: {@code replacing} names the contact it changes (its email, else its
     * phone), empty to add one. An opt-out stays: a contact that opted out of email or texts stays opted out whatever
     * the person sends (only the debtor lifts it); consent to automated calls is as the person says. False, changing
     * nothing, when the tenant has no such customer or the customer no contact by {@code replacing}.
     */
    boolean saveContact(
            TenantId tenant,
            CustomerKey customer,
            Optional<String> replacing,
            dev.aragent.agent.ledger.Contact contact,
            String by);

    /** The imports that changed the tenant's book, newest first, at most {@code limit}. */
    List<dev.aragent.agent.imports.ImportRecord> imports(TenantId tenant, int limit);

    /** Whether the latest accepted aging import had too much required data missing to score on. */
    Optional<String> scoringBlockedReason(TenantId tenant);

    /**
     * Open invoices whose collection is paused: disputed in the book, or with a dispute open in a conversation. The
     * queue skips them and no reply asks for them.
     */
    default java.util.Set<String> pausedInvoices(TenantId tenant) {
        return invoices(tenant, InvoiceStatus.OPEN).stream()
                .filter(Invoice::disputed)
                .map(Invoice::number)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** {@link #pausedInvoices(TenantId)} of one account: what a conversation's turn needs. */
    default java.util.Set<String> pausedInvoices(TenantId tenant, CustomerKey customer) {
        java.util.Set<String> paused = pausedInvoices(tenant);
        return invoices(tenant, InvoiceStatus.OPEN).stream()
                .filter(i -> i.customer().equals(customer) && paused.contains(i.number()))
                .map(Invoice::number)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * What one account owes now: its open invoices not paused by a dispute and their total — the total every message
     * to the debtor states.
     */
    default dev.aragent.agent.ledger.Standing standing(TenantId tenant, CustomerKey customer) {
        List<Invoice> invoices = accountFile(tenant, customer).invoices();
        return dev.aragent.agent.ledger.Standing.of(
                invoices,
                pausedInvoices(tenant, customer),
                invoices.isEmpty()
                        ? java.util.Currency.getInstance("USD")
                        : invoices.getFirst().openBalance().currency());
    }

    /** One customer with their contacts. */
    default Optional<Customer> customer(TenantId tenant, CustomerKey key) {
        return customers(tenant).stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** All invoices in a status, in one list. */
    default List<Invoice> invoices(TenantId tenant, InvoiceStatus status) {
        return invoices(tenant, status, 0, Integer.MAX_VALUE);
    }
}
