package dev.aragent.store;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The ledger's rows as an aging import writes them, for the contracts that need a tenant's accounts first. */
final class LedgerRows {
    private LedgerRows() {}

    /** {@code customers}, each named {@code Customer} and its key, and {@code invoices}, imported at {@code now}. */
    static void imported(
            Database db, Instant now, TenantId tenant, List<CustomerKey> customers, List<Invoice> invoices) {
        owing(
                db,
                Clock.fixed(now, ZoneOffset.UTC),
                tenant,
                customers.stream()
                        .map(c -> Books.customer(c.value(), "Customer " + c.value()))
                        .toList(),
                invoices);
    }

    /**
     * {@code customers}, each named {@code Customer} and its key, each owing one invoice {@code INV-} and its key of
     * {@code minor} cents (due 2026-10-01), imported at {@code now}.
     */
    static void owingOneEach(Database db, Instant now, TenantId tenant, List<CustomerKey> customers, long minor) {
        imported(
                db,
                now,
                tenant,
                customers,
                customers.stream()
                        .map(c -> Books.open(
                                c.value(), "INV-" + c.value(), java.time.LocalDate.of(2026, 10, 1), minor, minor))
                        .toList());
    }

    /** {@code customers} (with their contacts) owing {@code invoices}, as an aging import at {@code clock}'s now writes them. */
    static void owing(Database db, Clock clock, TenantId tenant, List<Customer> customers, List<Invoice> invoices) {
        PostgresLedger.create(db, clock)
                .apply(
                        tenant,
                        Books.aging(customers, invoices, List.of()),
                        Books.audit(ImportKind.AGING, customers.size()));
    }
}
