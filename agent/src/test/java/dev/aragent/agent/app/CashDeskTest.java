package dev.aragent.agent.app;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.InMemoryCashBook;
import dev.aragent.agent.spi.InMemoryLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CashDeskTest {
    private static final TenantId TENANT = TenantId.of("northwind");
    private static final LocalDate DUE = LocalDate.of(2026, 9, 30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-06T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryLedger ledger =
            new InMemoryLedger(Clock.fixed(Instant.parse("2026-10-01T08:00:00Z"), ZoneOffset.UTC));
    private final InMemoryCashBook cash = new InMemoryCashBook();
    private final CashDesk desk = new CashDesk(ledger, cash, CLOCK, 0.95);

    @BeforeEach
    void book() {
        ledger.apply(
                TENANT,
                aging(
                        List.of(customer("C-1", "Acme Supply Co"), customer("C-2", "Crane Hospitality Group")),
                        List.of(
                                open("C-1", "INV-1041", DUE, 1_250_00, 1_250_00),
                                open("C-1", "INV-1043", DUE.plusDays(3), 480_00, 480_00),
                                open("C-2", "INV-3001", DUE, 77_70, 77_70),
                                open("C-2", "INV-3002", DUE.plusDays(9), 120_00, 120_00)),
                        List.of()),
                audit(ImportKind.AGING, 4));
    }

    private static BankTransaction receipt(String ref, long minor, String payer, String text) {
        return new BankTransaction(
                ref,
                Money.of(minor, "USD"),
                true,
                false,
                "BOOK",
                Optional.of(LocalDate.of(2026, 10, 5)),
                Optional.of(LocalDate.of(2026, 10, 5)),
                payer,
                "US00123",
                List.of(),
                List.of(text));
    }

    private static BankFile file(String sha, BankTransaction... entries) {
        return new BankFile(
                "stmt.xml",
                sha,
                "camt.053.001.02",
                List.of(new BankStatement(
                        "camt.053.001.02",
                        "S",
                        "CH93",
                        Currency.getInstance("USD"),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(entries))));
    }

    private Invoice invoice(String customer, String number) {
        return ledger.accountFile(TENANT, new CustomerKey(customer)).invoices().stream()
                .filter(i -> i.number().equals(number))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSureReceiptShouldSettleItsInvoicesAndAnUnsureOneWaitWithItsCandidates() {
        CashDesk.Taken taken = desk.take(
                TENANT,
                file(
                        "a",
                        receipt("R-1", 1_690_00, "ACME SUPPLY", "INV-1041 INV-1043 less 40.00 damaged case"),
                        receipt("R-2", 77_70, "CHG HOLDINGS LLC", "thanks")),
                "cli:import");

        assertThat(taken.applied()).isEqualTo(1);
        assertThat(taken.waiting()).isEqualTo(1);
        assertThat(invoice("C-1", "INV-1041").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice("C-1", "INV-1043").openBalance()).isEqualTo(Money.of(40_00, "USD"));
        assertThat(ledger.pausedInvoices(TENANT, new CustomerKey("C-1")))
                .as("the deducted 40.00 is billing's to decide: nobody chases it meanwhile")
                .containsExactly("INV-1043");
        List<Note> notes = ledger.accountFile(TENANT, new CustomerKey("C-1")).notes();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.TICKET);
            assertThat(n.body()).contains("short by", "damaged case", "Billing to review");
        });
        List<CashDesk.Waiting> waiting = desk.waiting(TENANT, 10);
        assertThat(waiting).singleElement().satisfies(w -> {
            assertThat(w.line().entry().counterpartyName()).isEqualTo("CHG HOLDINGS LLC");
            assertThat(w.match().candidates()).isNotEmpty();
            assertThat(w.match().best().orElseThrow().customer()).isEqualTo(new CustomerKey("C-2"));
        });
        assertThat(desk.tally(TENANT).count("auto")).isEqualTo(1);
        assertThat(desk.tally(TENANT).count("open")).isEqualTo(1);
    }

    @Test
    void anAccountAWaitingReceiptMayBeFromIsPausedUntilAPersonAppliesIt() {
        ReceiptHolds holds = new ReceiptHolds(dev.aragent.agent.spi.AccountHolds.none(), t -> desk, CLOCK);
        assertThat(holds.holds(TENANT)).as("nothing waits: nobody paused").isEmpty();

        desk.take(TENANT, file("w", receipt("R-2", 77_70, "CHG HOLDINGS LLC", "thanks")), "cli:import");

        assertThat(holds.holds(TENANT)).containsOnlyKeys(new CustomerKey("C-2"));
        assertThat(holds.hold(TENANT, new CustomerKey("C-2")).orElseThrow().why())
                .isEqualTo("paused by cash application: a receipt that may be theirs waits in unapplied cash: no"
                        + " reminder until it is applied");
        long id = desk.waiting(TENANT, 10).getFirst().line().id();
        desk.apply(TENANT, id, new CustomerKey("C-2"), List.of("INV-3001"), "dana");
        assertThat(holds.holds(TENANT)).as("applied: the pause ends").isEmpty();
    }

    @Test
    void theSameFileAgainShouldChangeNothing() {
        BankFile f = file("b", receipt("R-1", 1_250_00, "Acme", "INV-1041"));
        desk.take(TENANT, f, "cli:import");

        CashDesk.Taken again = desk.take(TENANT, f, "cli:import");

        assertThat(again.unchanged()).isTrue();
        assertThat(again.applied()).isZero();
        assertThat(ledger.accountFile(TENANT, new CustomerKey("C-1")).payments())
                .hasSize(1);
    }

    @Test
    void aPersonsChoiceShouldApplyAndTeachThePayersName() {
        desk.take(TENANT, file("c", receipt("R-2", 77_70, "CHG HOLDINGS LLC", "")), "cli:import");
        long id = desk.waiting(TENANT, 10).getFirst().line().id();

        CashDesk.Decided decided = desk.apply(TENANT, id, new CustomerKey("C-2"), List.of("INV-3001"), "ana@northwind");

        assertThat(decided).isEqualTo(new CashDesk.Decided.Done("paid INV-3001 (77.70)"));
        assertThat(invoice("C-2", "INV-3001").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(desk.apply(TENANT, id, new CustomerKey("C-2"), List.of("INV-3001"), "bo"))
                .isInstanceOf(CashDesk.Decided.Closed.class);
        assertThat(desk.tally(TENANT).count("person")).isEqualTo(1);

        CashDesk.Taken next = desk.take(TENANT, file("d", receipt("R-3", 120_00, "CHG Holdings", "")), "cli:import");
        assertThat(next.applied()).isEqualTo(1);
        assertThat(invoice("C-2", "INV-3002").status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aGuessShouldNeverTeachAName() {
        desk.take(TENANT, file("e", receipt("R-4", 480_00, "Acme Supply Co", "")), "cli:import");

        assertThat(invoice("C-1", "INV-1043").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(cash.aliases(TENANT)).isEmpty();
    }

    @Test
    void aChoiceThatNamesNothingShouldBeRefusedAndChangeNothing() {
        desk.take(TENANT, file("f", receipt("R-5", 10_00, "Someone", "")), "cli:import");
        long id = desk.waiting(TENANT, 10).getFirst().line().id();

        assertThat(desk.apply(TENANT, id, new CustomerKey("C-1"), List.of("INV-3001"), "ana"))
                .isInstanceOf(CashDesk.Decided.Refused.class);
        assertThat(desk.apply(TENANT, id, new CustomerKey("C-9"), List.of(), "ana"))
                .isInstanceOf(CashDesk.Decided.Refused.class);
        assertThat(desk.setAside(TENANT, id, " ", "ana")).isInstanceOf(CashDesk.Decided.Refused.class);
        assertThat(desk.waiting(TENANT, 10)).hasSize(1);

        assertThat(desk.setAside(TENANT, id, "refund from a supplier", "ana"))
                .isEqualTo(new CashDesk.Decided.Done("set aside: refund from a supplier"));
        assertThat(desk.waiting(TENANT, 10)).isEmpty();
        assertThat(cash.line(TENANT, id).orElseThrow().state()).isEqualTo(BankLine.State.SET_ASIDE);
    }

    @Test
    void anOverpaymentShouldLeaveCreditOnTheAccount() {
        desk.take(TENANT, file("g", receipt("R-6", 1_300_00, "Acme Supply", "INV-1041")), "cli:import");

        assertThat(invoice("C-1", "INV-1041").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(cash.lines(TENANT, BankLine.State.APPLIED, 10).getFirst().outcome())
                .contains("paid INV-1041 (1250.00); 50.00 credit on the account");
    }

    @Test
    void aPersonConfirmingTheProposedCandidateShouldApplyItAsProposedAndTeachTheName() {
        long id = desk.take(TENANT, file("g", receipt("R-7", 77_70, "CHG HOLDINGS LLC", "thanks")), "cli:import")
                .filed()
                .added()
                .getFirst()
                .id();
        CashDesk.Waiting waiting = desk.waiting(TENANT, id).orElseThrow();
        var proposed = waiting.match().best().orElseThrow();

        CashDesk.Decided decided = desk.applyCandidate(TENANT, id, 0, "ana");
        CashDesk.Decided twice = desk.applyCandidate(TENANT, id, 0, "bo");

        assertThat(decided).isInstanceOf(CashDesk.Decided.Done.class);
        assertThat(((CashDesk.Decided.Done) decided).outcome()).isEqualTo(CashDesk.outcome(proposed));
        assertThat(twice).isEqualTo(new CashDesk.Decided.Closed(BankLine.State.APPLIED));
        assertThat(invoice("C-2", "INV-3001").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(cash.aliases(TENANT)).containsEntry("chg holdings", new CustomerKey("C-2"));
        assertThat(desk.tally(TENANT).count("person")).isEqualTo(1);
        assertThat(desk.applyCandidate(TENANT, 9_999, 0, "ana")).isInstanceOf(CashDesk.Decided.Refused.class);
    }
}
