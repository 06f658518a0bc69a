package dev.aragent.agent.spi;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.credit;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.open;
import static dev.aragent.agent.spi.Books.paid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportAudit;
import dev.aragent.agent.imports.ImportBatch;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Ledger} adapter must do. Each test uses fresh tenants, so adapters may share one database. */
public interface LedgerContract {
    Ledger ledger();

    LocalDate DUE = LocalDate.of(2026, 9, 30);

    default TenantId freshTenant() {
        return TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    default void applyShouldInsertThenChangeNothingWhenTheSameBatchComesAgain() {
        TenantId tenant = freshTenant();
        var batch = aging(
                List.of(customer("c1", "Blue Fern Bistro")),
                List.of(open("c1", "INV-1", DUE, 120_000, 120_000), open("c1", "INV-2", DUE, 5_000, 2_500)),
                List.of(credit("c1", "CM-1", 1_000)));

        Changes first = ledger().apply(tenant, batch, audit(ImportKind.AGING, 2));
        Changes second = ledger().apply(tenant, batch, audit(ImportKind.AGING, 2));

        assertThat(first.inserted()).isEqualTo(4);
        assertThat(second.any()).isFalse();
        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN))
                .extracting(Invoice::number, i -> i.openBalance().minor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INV-1", 120_000L),
                        org.assertj.core.groups.Tuple.tuple("INV-2", 2_500L));
        assertThat(ledger().openCreditMemos(tenant)).hasSize(1);
        assertThat(ledger().customers(tenant).getFirst().contacts()).hasSize(1);
    }

    @Test
    default void theImportHistoryListsWhatChangedTheBookNewestFirstWithWhoAndWhat() {
        TenantId tenant = freshTenant();
        TenantId other = freshTenant();
        var first = aging(
                List.of(customer("c1", "Blue Fern Bistro")), List.of(open("c1", "INV-1", DUE, 100, 100)), List.of());
        var second = aging(
                List.of(customer("c1", "Blue Fern Bistro")),
                List.of(open("c1", "INV-1", DUE, 100, 60), open("c1", "INV-2", DUE, 50, 50)),
                List.of());

        ledger().apply(tenant, first, audit(ImportKind.AGING, 1));
        ledger().apply(tenant, first, audit(ImportKind.AGING, 1)); // nothing changed: not in the history
        ledger().apply(
                        tenant,
                        second,
                        new ImportAudit("dana@acme.example", Books.cleanReport(ImportKind.AGING, 2), true));

        var history = ledger().imports(tenant, 10);
        assertThat(history).hasSize(2);
        var latest = history.getFirst();
        assertThat(latest.kind()).isEqualTo(ImportKind.AGING);
        assertThat(latest.source()).isEqualTo("aging.csv");
        assertThat(latest.profile()).isEqualTo("generic");
        assertThat(latest.actor()).isEqualTo("dana@acme.example");
        assertThat(latest.rows()).isEqualTo(2);
        assertThat(latest.validRows()).isEqualTo(2);
        assertThat(latest.acceptedWithProblems()).isTrue();
        assertThat(latest.changes().inserted()).isEqualTo(1);
        assertThat(latest.changes().updated()).isEqualTo(1);
        assertThat(history.getLast().actor()).isEqualTo("test");
        assertThat(ledger().imports(tenant, 1)).hasSize(1);
        assertThat(ledger().imports(other, 10)).isEmpty();
    }

    @Test
    default void aPersonsNoteJoinsTheAccountsNotesAndChangesNoImportHistory() {
        TenantId tenant = freshTenant();
        oneInvoice(tenant, 100, 100);
        var note = new dev.aragent.agent.ledger.Note(
                CustomerKey.of("c1"),
                "console-1",
                dev.aragent.agent.ledger.Note.Kind.NOTE,
                java.time.Instant.parse("2026-11-23T15:00:00Z"),
                "console",
                "dana@acme.example",
                java.util.Optional.empty(),
                "Spoke to Maria: the check goes out Friday.",
                java.util.Optional.empty());

        ledger().note(tenant, note);
        ledger().note(tenant, note);

        assertThat(ledger().accountFile(tenant, CustomerKey.of("c1")).notes()).containsExactly(note);
        assertThat(ledger().imports(tenant, 10)).hasSize(1);
        assertThat(ledger().accountFile(freshTenant(), CustomerKey.of("c1")).notes())
                .isEmpty();
    }

    @Test
    default void aPersonChangesAddsAContactAndAnOptOutStaysWhateverTheySend() {
        TenantId tenant = freshTenant();
        CustomerKey c1 = CustomerKey.of("c1");
        ledger().apply(
                        tenant,
                        aging(
                                List.of(Books.customerWithEmail("c1", "Blue Fern Bistro", "ap@bluefern.example")),
                                List.of(open("c1", "INV-1", DUE, 100, 100)),
                                List.of()),
                        audit(ImportKind.AGING, 1));
        var optedOut = new dev.aragent.agent.ledger.Contact(
                "Maria Garcia",
                java.util.Optional.of("ap@bluefern.example"),
                java.util.Optional.empty(),
                "ap",
                true,
                false);
        assertThat(ledger().saveContact(tenant, c1, java.util.Optional.of("AP@bluefern.example"), optedOut, "dana"))
                .isTrue();

        // the email changes; the opt-out the contact had goes with it though the form says otherwise
        var moved = new dev.aragent.agent.ledger.Contact(
                "Maria Garcia",
                java.util.Optional.of("maria@bluefern.example"),
                java.util.Optional.of("+15551230001"),
                "owner",
                false,
                false,
                true);
        assertThat(ledger().saveContact(tenant, c1, java.util.Optional.of("ap@bluefern.example"), moved, "dana"))
                .isTrue();
        var added = new dev.aragent.agent.ledger.Contact(
                "Li Wei", java.util.Optional.of("li@bluefern.example"), java.util.Optional.empty(), "", false, false);
        assertThat(ledger().saveContact(tenant, c1, java.util.Optional.empty(), added, "dana"))
                .isTrue();

        var contacts = ledger().customer(tenant, c1).orElseThrow().contacts();
        assertThat(contacts)
                .extracting(k -> k.email().orElse(""), dev.aragent.agent.ledger.Contact::emailOptOut)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("maria@bluefern.example", true),
                        org.assertj.core.groups.Tuple.tuple("li@bluefern.example", false));
        assertThat(contacts)
                .filteredOn(k -> k.name().equals("Maria Garcia"))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.phone()).contains("+15551230001");
                    assertThat(k.role()).isEqualTo("owner");
                    assertThat(k.voiceConsent()).isTrue();
                });

        assertThat(ledger().saveContact(tenant, c1, java.util.Optional.of("nobody@bluefern.example"), added, "dana"))
                .as("no contact by that email")
                .isFalse();
        assertThat(ledger().saveContact(tenant, CustomerKey.of("c9"), java.util.Optional.empty(), added, "dana"))
                .as("no such customer")
                .isFalse();
        assertThat(ledger().saveContact(freshTenant(), c1, java.util.Optional.empty(), added, "dana"))
                .as("another tenant's customer")
                .isFalse();
        assertThat(ledger().customer(tenant, c1).orElseThrow().contacts()).hasSize(2);
    }

    /** Blue Fern Bistro (c1) with INV-1 of {@code amount}, {@code open} of it open, from an aging: what it changed. */
    private Changes oneInvoice(TenantId tenant, long amount, long open) {
        return aged(tenant, customer("c1", "Blue Fern Bistro"), open("c1", "INV-1", DUE, amount, open));
    }

    /** An aging of {@code customer}'s {@code invoices} applied to {@code tenant}: what it changed. */
    private Changes aged(TenantId tenant, dev.aragent.agent.ledger.Customer customer, Invoice... invoices) {
        return ledger().apply(
                        tenant,
                        aging(List.of(customer), List.of(invoices), List.of()),
                        audit(ImportKind.AGING, invoices.length));
    }

    @Test
    default void anInvoicesFileShouldAddNewInvoicesAndLeaveTheBookAsItIs() {
        TenantId tenant = freshTenant();
        oneInvoice(tenant, 120_000, 60_000);
        ImportBatch issued = Books.issued(
                List.of(customer("c1", "Blue Fern Bistro")),
                List.of(
                        open("c1", "INV-1", DUE, 120_000, 120_000),
                        open("c1", "INV-2", DUE.plusDays(14), 9_000, 9_000)));

        Changes changes = ledger().apply(tenant, issued, audit(ImportKind.INVOICES, 2));

        assertThat(changes.inserted()).as("the new invoice").isEqualTo(1);
        assertThat(changes.closed()).as("an invoices file closes nothing").isZero();
        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN))
                .extracting(Invoice::number, i -> i.openBalance().minor())
                .as("INV-1 keeps the balance the book has (its old copy in the file changes nothing)")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INV-1", 60_000L),
                        org.assertj.core.groups.Tuple.tuple("INV-2", 9_000L));
    }

    @Test
    default void applyShouldUpdateAChangedBalanceAndCloseInvoicesAbsentFromANewerAging() {
        TenantId tenant = freshTenant();
        aged(
                tenant,
                customer("c1", "Blue Fern Bistro"),
                open("c1", "INV-1", DUE, 120_000, 120_000),
                open("c1", "INV-2", DUE, 5_000, 5_000));

        Changes changes = oneInvoice(tenant, 120_000, 60_000);

        assertThat(changes.updated()).isEqualTo(1);
        assertThat(changes.closed()).isEqualTo(1);
        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN))
                .singleElement()
                .satisfies(i -> assertThat(i.openBalance()).isEqualTo(Money.of(60_000, "USD")));
        assertThat(ledger().invoices(tenant, InvoiceStatus.CLOSED))
                .extracting(Invoice::number)
                .containsExactly("INV-2");
    }

    @Test
    default void aReappearingInvoiceShouldBeOpenAgain() {
        TenantId tenant = freshTenant();
        var one = aging(List.of(customer("c1", "A")), List.of(open("c1", "INV-1", DUE, 100, 100)), List.of());
        var none = aging(List.of(customer("c1", "A")), List.of(open("c1", "INV-9", DUE, 100, 100)), List.of());
        ledger().apply(tenant, one, audit(ImportKind.AGING, 1));
        ledger().apply(tenant, none, audit(ImportKind.AGING, 1));

        ledger().apply(tenant, one, audit(ImportKind.AGING, 1));

        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN))
                .extracting(Invoice::number)
                .containsExactly("INV-1");
    }

    @Test
    default void tenantsShouldNeverSeeEachOthersBooks() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        aged(a, customer("c1", "Alpha"), open("c1", "INV-1", DUE, 100, 100));
        aged(b, customer("c1", "Beta"), open("c1", "INV-1", DUE, 700, 700));

        ledger().apply(a, aging(List.of(customer("c1", "Alpha")), List.of(), List.of()), audit(ImportKind.AGING, 0));

        assertThat(ledger().invoices(a, InvoiceStatus.OPEN)).isEmpty();
        assertThat(ledger().invoices(b, InvoiceStatus.OPEN))
                .singleElement()
                .satisfies(i -> assertThat(i.amount().minor()).isEqualTo(700));
        assertThat(ledger().customers(b)).extracting(c -> c.name()).containsExactly("Beta");
        assertThat(ledger().customer(b, dev.aragent.agent.ledger.CustomerKey.of("c1")))
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Beta"));
        assertThat(ledger().customer(a, dev.aragent.agent.ledger.CustomerKey.of("c1")))
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Alpha"));
        assertThat(ledger().customer(a, dev.aragent.agent.ledger.CustomerKey.of("c9")))
                .isEmpty();
    }

    @Test
    default void historyShouldAddSettledInvoicesThatCountTowardsSales() {
        TenantId tenant = freshTenant();
        ledger().apply(
                        tenant,
                        Books.batch(
                                ImportKind.HISTORY,
                                List.of(customer("c1", "A")),
                                List.of(
                                        paid("c1", "H-1", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 5), 10_000),
                                        paid("c1", "H-2", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 5), 99_999)),
                                List.of(),
                                List.of()),
                        audit(ImportKind.HISTORY, 2));
        aged(tenant, customer("c1", "A"), open("c1", "INV-1", DUE, 5_000, 5_000));

        var sales = ledger().invoicedBetween(tenant, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));

        assertThat(sales).containsEntry(Currency.getInstance("USD"), Money.of(15_000, "USD"));
        assertThat(ledger().invoices(tenant, InvoiceStatus.PAID)).hasSize(2);
        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN)).hasSize(1);
    }

    @Test
    default void paymentsAndNotesShouldBeStoredOnceEach() {
        TenantId tenant = freshTenant();
        aged(tenant, customer("c1", "A"), open("c1", "INV-1", DUE, 5_000, 5_000));
        var batch = Books.batch(
                ImportKind.PAYMENTS,
                List.of(),
                List.of(),
                List.of(Books.payment("c1", "P-1", "INV-1", 2_000)),
                List.of());
        var notes = Books.batch(
                ImportKind.NOTES,
                List.of(),
                List.of(),
                List.of(),
                List.of(Books.note("c1", "N-1", "Called, will pay Friday")));

        assertThat(ledger().apply(tenant, batch, audit(ImportKind.PAYMENTS, 1)).inserted())
                .isEqualTo(1);
        assertThat(ledger().apply(tenant, batch, audit(ImportKind.PAYMENTS, 1)).any())
                .isFalse();
        assertThat(ledger().apply(tenant, notes, audit(ImportKind.NOTES, 1)).inserted())
                .isEqualTo(1);
        assertThat(ledger().apply(tenant, notes, audit(ImportKind.NOTES, 1)).any())
                .isFalse();
    }

    /** The adapters' clocks read 2026-11-22: an aging imported then is as of that day. */
    @Test
    default void aPaymentReceivedAfterTheAgingReducesTheInvoicesItIsAppliedToOnce() {
        TenantId tenant = freshTenant();
        aged(
                tenant,
                customer("c1", "A"),
                open("c1", "INV-1", DUE, 5_000, 5_000),
                open("c1", "INV-2", DUE, 3_000, 3_000));
        var payments = Books.batch(
                ImportKind.PAYMENTS,
                List.of(),
                List.of(),
                List.of(
                        received("P-0", LocalDate.of(2026, 11, 22), Map.of("INV-2", 500L)), // in the aging already
                        received("P-1", LocalDate.of(2026, 11, 23), Map.of("INV-1", 2_000L)),
                        received("P-2", LocalDate.of(2026, 11, 24), Map.of("INV-1", 3_000L, "INV-2", 1_000L))),
                List.of());

        ledger().apply(tenant, payments, audit(ImportKind.PAYMENTS, 3));
        ledger().apply(tenant, payments, audit(ImportKind.PAYMENTS, 3)); // the same file again

        assertThat(ledger().invoices(tenant, InvoiceStatus.OPEN))
                .extracting(Invoice::number, i -> i.openBalance().minor())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV-2", 2_000L));
        assertThat(ledger().invoices(tenant, InvoiceStatus.PAID))
                .extracting(Invoice::number, i -> i.openBalance().minor(), Invoice::settledDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "INV-1", 0L, java.util.Optional.of(LocalDate.of(2026, 11, 24))));
    }

    private static dev.aragent.agent.ledger.Payment received(String ref, LocalDate on, Map<String, Long> applied) {
        long total = applied.values().stream().mapToLong(Long::longValue).sum();
        return new dev.aragent.agent.ledger.Payment(
                dev.aragent.agent.ledger.CustomerKey.of("c1"),
                ref,
                on,
                Money.of(total, "USD"),
                java.util.Optional.of("ach"),
                applied.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new dev.aragent.agent.ledger.Payment.Allocation(
                                e.getKey(), Money.of(e.getValue(), "USD")))
                        .toList());
    }

    @Test
    default void anAccountFileShouldHoldThatAccountsRecordsOnly() {
        TenantId tenant = freshTenant();
        ledger().apply(
                        tenant,
                        aging(
                                List.of(customer("c1", "A"), customer("c2", "B")),
                                List.of(open("c1", "INV-1", DUE, 5_000, 5_000), open("c2", "INV-2", DUE, 7_000, 7_000)),
                                List.of(credit("c1", "CM-1", 300))),
                        audit(ImportKind.AGING, 2));
        ledger().apply(
                        tenant,
                        Books.batch(
                                ImportKind.PAYMENTS,
                                List.of(),
                                List.of(),
                                List.of(
                                        Books.payment("c1", "P-1", "INV-1", 2_000),
                                        Books.payment("c2", "P-2", "INV-2", 100)),
                                List.of()),
                        audit(ImportKind.PAYMENTS, 2));
        ledger().apply(
                        tenant,
                        Books.batch(
                                ImportKind.NOTES,
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(Books.note("c1", "N-1", "Promised Friday"))),
                        audit(ImportKind.NOTES, 1));

        var file = ledger().accountFile(tenant, dev.aragent.agent.ledger.CustomerKey.of("c1"));

        assertThat(file.invoices()).extracting(Invoice::number).containsExactly("INV-1");
        assertThat(file.creditMemos()).hasSize(1);
        assertThat(file.payments()).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("P-1");
            assertThat(p.allocations())
                    .singleElement()
                    .satisfies(a -> assertThat(a.invoiceNumber()).isEqualTo("INV-1"));
        });
        assertThat(file.notes())
                .singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("Promised Friday"));
        assertThat(ledger().accountFile(freshTenant(), dev.aragent.agent.ledger.CustomerKey.of("c1"))
                        .invoices())
                .isEmpty();
    }

    @Test
    default void scoringShouldBeBlockedAfterAnAcceptedImportWithTooMuchMissingData() {
        TenantId tenant = freshTenant();
        var thin = new DataHealthReport(
                "aging.csv",
                ImportKind.AGING,
                "generic",
                1,
                10,
                8,
                List.of(new DataHealthReport.FieldHealth("due_date", true, 2, 0, 10)),
                List.of(),
                List.of(),
                List.of());
        var batch = aging(List.of(customer("c1", "A")), List.of(open("c1", "INV-1", DUE, 100, 100)), List.of());

        ledger().apply(tenant, batch, new ImportAudit("test", thin, true));

        assertThat(ledger().scoringBlockedReason(tenant))
                .hasValueSatisfying(r -> assertThat(r).contains("20.0%"));
        assertThat(ledger().scoringBlockedReason(freshTenant())).isEmpty();
    }

    @Test
    default void receiveShouldApplyAPaymentAtOnceAndOnlyOnce() {
        TenantId tenant = freshTenant();
        aged(
                tenant,
                customer("C-1", "Acme"),
                open("C-1", "INV-1", DUE, 100_00, 100_00),
                open("C-1", "INV-2", DUE, 50_00, 50_00));
        var payment = bankReceipt(
                "BANK-1",
                DUE.plusDays(3),
                130_00,
                new dev.aragent.agent.ledger.Payment.Allocation("INV-1", Money.of(100_00, "USD")),
                new dev.aragent.agent.ledger.Payment.Allocation("INV-2", Money.of(30_00, "USD")));

        assertThat(ledger().receive(tenant, payment, "agent:cash")).isTrue();
        assertThat(ledger().receive(tenant, payment, "agent:cash")).isFalse();

        var file = ledger().accountFile(tenant, new CustomerKey("C-1"));
        Invoice one = file.invoices().stream()
                .filter(i -> i.number().equals("INV-1"))
                .findFirst()
                .orElseThrow();
        Invoice two = file.invoices().stream()
                .filter(i -> i.number().equals("INV-2"))
                .findFirst()
                .orElseThrow();
        assertThat(one.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(one.settledDate()).contains(DUE.plusDays(3));
        assertThat(two.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(two.openBalance()).isEqualTo(Money.of(20_00, "USD"));
        assertThat(file.payments())
                .extracting(dev.aragent.agent.ledger.Payment::reference)
                .containsExactly("BANK-1");
    }

    @Test
    default void anOpenInvoiceMarkedDisputedShouldPauseItsCollectionOnce() {
        TenantId tenant = freshTenant();
        aged(
                tenant,
                customer("C-1", "Acme"),
                open("C-1", "INV-1", DUE, 100_00, 25_00),
                open("C-1", "INV-2", DUE, 50_00, 50_00));
        ledger().receive(
                        tenant,
                        bankReceipt(
                                "BANK-2",
                                DUE.plusDays(1),
                                50_00,
                                new dev.aragent.agent.ledger.Payment.Allocation("INV-2", Money.of(50_00, "USD"))),
                        "agent:cash");

        assertThat(ledger().markDisputed(tenant, "INV-1", "deducted 25.00: damaged case", "agent:cash"))
                .isTrue();
        assertThat(ledger().markDisputed(tenant, "INV-1", "again", "agent:cash"))
                .isFalse();
        assertThat(ledger().markDisputed(tenant, "INV-2", "paid", "agent:cash")).isFalse();
        assertThat(ledger().markDisputed(tenant, "INV-404", "unknown", "agent:cash"))
                .isFalse();

        assertThat(ledger().pausedInvoices(tenant, new CustomerKey("C-1"))).containsExactly("INV-1");
    }

    @Test
    default void aStaleAgingShouldNotReopenWhatAReceiptPaidSinceItsDate() {
        TenantId tenant = freshTenant();
        LocalDate d = LocalDate.of(2026, 10, 1);
        ledger().apply(
                        tenant,
                        agingAsOf(
                                d, open("C-1", "INV-1", DUE, 100_00, 100_00), open("C-1", "INV-2", DUE, 50_00, 50_00)),
                        audit(ImportKind.AGING, 2));
        ledger().receive(
                        tenant,
                        bankReceipt(
                                "BANK-7",
                                d.plusDays(2),
                                120_00,
                                new dev.aragent.agent.ledger.Payment.Allocation("INV-1", Money.of(100_00, "USD")),
                                new dev.aragent.agent.ledger.Payment.Allocation("INV-2", Money.of(20_00, "USD"))),
                        "agent:cash");

        // the ERP's next export is as of the day before the receipt: it still shows both open in full
        ledger().apply(
                        tenant,
                        agingAsOf(
                                d.plusDays(1),
                                open("C-1", "INV-1", DUE, 100_00, 100_00),
                                open("C-1", "INV-2", DUE, 50_00, 50_00)),
                        audit(ImportKind.AGING, 2));

        var file = ledger().accountFile(tenant, new CustomerKey("C-1"));
        assertThat(file.invoices())
                .filteredOn(i -> i.number().equals("INV-1"))
                .singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(InvoiceStatus.PAID));
        assertThat(file.invoices())
                .filteredOn(i -> i.number().equals("INV-2"))
                .singleElement()
                .satisfies(i -> assertThat(i.openBalance()).isEqualTo(Money.of(30_00, "USD")));

        // an export dated after the receipt is the ERP's word: it says what is open
        ledger().apply(
                        tenant,
                        agingAsOf(d.plusDays(3), open("C-1", "INV-2", DUE, 50_00, 30_00)),
                        audit(ImportKind.AGING, 1));
        assertThat(ledger().accountFile(tenant, new CustomerKey("C-1")).invoices())
                .filteredOn(i -> i.number().equals("INV-2"))
                .singleElement()
                .satisfies(i -> assertThat(i.openBalance()).isEqualTo(Money.of(30_00, "USD")));
    }

    private static ImportBatch agingAsOf(LocalDate asOf, Invoice... invoices) {
        return new ImportBatch(
                ImportKind.AGING,
                "aging-" + asOf + ".csv",
                "sha-" + asOf,
                java.util.Optional.of(asOf),
                List.of(customer("C-1", "Acme")),
                List.of(invoices),
                List.of(),
                List.of(),
                List.of());
    }

    /** A bank transfer from customer {@code C-1}, applied as {@code allocations} say. */
    static dev.aragent.agent.ledger.Payment bankReceipt(
            String reference, LocalDate on, long minor, dev.aragent.agent.ledger.Payment.Allocation... allocations) {
        return new dev.aragent.agent.ledger.Payment(
                new CustomerKey("C-1"),
                reference,
                on,
                Money.of(minor, "USD"),
                java.util.Optional.of("bank transfer"),
                List.of(allocations));
    }
}
