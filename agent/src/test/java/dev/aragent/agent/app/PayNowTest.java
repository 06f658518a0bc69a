package dev.aragent.agent.app;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.customer;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.DrafterContract;
import dev.aragent.agent.spi.InMemoryCashBook;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryPayLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pay now: which messages carry a link and for what, one link per amount asked, and a payment through a link applied
 * once — in full, in part, or to invoices paid another way meanwhile — with the link retired.
 */
class PayNowTest {
    private static final TenantId TENANT = TenantId.of("harbor");
    private static final CustomerKey C1 = CustomerKey.of("C-1");
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryLedger ledger =
            new InMemoryLedger(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final InMemoryCashBook cash = new InMemoryCashBook();
    private final InMemoryPayLinks links = new InMemoryPayLinks();
    private final PayNow payNow = new PayNow(links, cash, new CashDesk(ledger, cash, CLOCK, 0.95), ledger, CLOCK);

    @BeforeEach
    void book() {
        ledger.apply(
                TENANT,
                aging(
                        List.of(customer("C-1", "Harbor Foods LLC")),
                        List.of(
                                open("C-1", "INV-20431", LocalDate.of(2026, 2, 4), 245_000, 245_000),
                                open("C-1", "INV-20452", LocalDate.of(2026, 2, 19), 400_000, 367_550)),
                        List.of()),
                audit(ImportKind.AGING, 2));
    }

    private DraftRequest carried(Strategy strategy, Channel channel) {
        return payNow.carry(TENANT, C1, DrafterContract.brief(strategy, channel));
    }

    @Test
    void aReminderShouldCarryALinkForExactlyWhatItsInvoicesOweAndTheSameLinkNextTime() {
        DraftRequest r = carried(Strategy.REMINDER, Channel.EMAIL);

        assertThat(r.payNow()).hasValueSatisfying(p -> {
            assertThat(p.amount()).isEqualTo(Money.of(612_550, "USD"));
            assertThat(p.invoices()).containsExactly("INV-20431", "INV-20452");
            assertThat(p.url()).startsWith("https://pay.example/");
        });
        assertThat(r.allowedAmounts()).contains(Money.of(612_550, "USD"));
        assertThat(carried(Strategy.FOLLOW_UP, Channel.SMS).payNow()).isEqualTo(r.payNow());
        assertThat(links.made()).isEqualTo(1);
        assertThat(cash.liveLinks(TENANT, C1))
                .singleElement()
                .satisfies(l -> assertThat(l.purpose()).isEqualTo("reminder"));
    }

    @Test
    void anAgreedPlanShouldCarryALinkForItsFirstInstallment() {
        DraftRequest plan = DrafterContract.brief(Strategy.CONFIRM_PLAN, Channel.EMAIL);
        var first = plan.terms().orElseThrow().installments().getFirst();

        DraftRequest r = payNow.carry(TENANT, C1, plan);

        assertThat(r.payNow()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualTo(first.amount()));
        assertThat(cash.liveLinks(TENANT, C1).getFirst().purpose()).isEqualTo("installment " + first.due());
    }

    @Test
    void messagesThatAskNoMoneyNowAndCallsShouldCarryNoLink() {
        for (Strategy s : List.of(
                Strategy.DISPUTE_LOGGED,
                Strategy.COUNTER_OFFER,
                Strategy.OFFER_OPTIONS,
                Strategy.PAYMENT_FOUND,
                Strategy.LEGAL_HOLD,
                Strategy.REVIEW,
                Strategy.CONTACT_UNKNOWN)) {
            assertThat(carried(s, Channel.EMAIL).payNow()).as(s.code()).isEmpty();
        }
        assertThat(carried(Strategy.REMINDER, Channel.VOICE).payNow()).isEmpty();
        assertThat(links.made()).isZero();
    }

    @Test
    void theProcessorDownShouldLeaveTheMessageWithThePaymentInstructionsOnly() {
        links.down(true);

        DraftRequest r = carried(Strategy.REMINDER, Channel.EMAIL);

        assertThat(r.payNow()).isEmpty();
        assertThat(r.paymentInstructions()).isNotBlank();
        assertThat(cash.liveLinks(TENANT, C1)).isEmpty();
    }

    private PayLink reminderLink() {
        carried(Strategy.REMINDER, Channel.EMAIL);
        return cash.liveLinks(TENANT, C1).getFirst();
    }

    @Test
    void aPaymentThroughALinkShouldSettleItsInvoicesOnceAndRetireTheLink() {
        PayLink link = reminderLink();
        PayLink.Paid paid = new PayLink.Paid("evt_1", link.id(), "pi_1", link.amount(), NOW);

        PayNow.Outcome first = payNow.paid(TENANT, paid);
        PayNow.Outcome again = payNow.paid(TENANT, paid);
        PayNow.Outcome otherEvent =
                payNow.paid(TENANT, new PayLink.Paid("evt_2", link.id(), "pi_1", link.amount(), NOW));

        assertThat(first).isEqualTo(new PayNow.Outcome.Applied("paid INV-20431 (2450.00), INV-20452 (3675.50)"));
        assertThat(again).isInstanceOf(PayNow.Outcome.Known.class);
        assertThat(otherEvent).isInstanceOf(PayNow.Outcome.Known.class);
        assertThat(ledger.invoices(TENANT, InvoiceStatus.OPEN)).isEmpty();
        List<Payment> payments = ledger.accountFile(TENANT, C1).payments();
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(Money.of(612_550, "USD"));
            assertThat(p.method()).contains("pay-now link");
            assertThat(p.reference()).startsWith("ONLINE-");
        });
        assertThat(cash.tally(TENANT).count("link")).isEqualTo(1);
        assertThat(cash.tally(TENANT).count("auto")).isZero();
        assertThat(cash.liveLinks(TENANT, C1)).isEmpty();
        assertThat(links.takesPayments(link.id())).isFalse();
    }

    @Test
    void anInstallmentPaidThroughItsLinkShouldReduceTheOldestInvoiceWithoutADeduction() {
        payNow.carry(TENANT, C1, DrafterContract.brief(Strategy.CONFIRM_PLAN, Channel.EMAIL));
        PayLink link = cash.liveLinks(TENANT, C1).getFirst();

        payNow.paid(TENANT, new PayLink.Paid("evt_3", link.id(), "pi_3", link.amount(), NOW));

        Invoice oldest = ledger.accountFile(TENANT, C1).invoices().stream()
                .filter(i -> i.number().equals("INV-20431"))
                .findFirst()
                .orElseThrow();
        assertThat(oldest.openBalance()).isEqualTo(Money.of(245_000, "USD").minus(link.amount()));
        assertThat(ledger.accountFile(TENANT, C1).notes()).noneMatch(n -> n.kind() == Note.Kind.TICKET);
    }

    @Test
    void aLinkPaidAfterItsInvoicesWerePaidByBankShouldLeaveTheMoneyAsCreditAndStaleLinksRetire() {
        PayLink link = reminderLink();
        ledger.receive(
                TENANT,
                new Payment(
                        C1,
                        "BANK-9",
                        LocalDate.of(2026, 3, 2),
                        Money.of(245_000, "USD"),
                        Optional.of("bank transfer"),
                        List.of(new Payment.Allocation("INV-20431", Money.of(245_000, "USD")))),
                BankLine.AGENT);

        assertThat(payNow.retireStale(TENANT, C1)).isEqualTo(1);
        PayNow.Outcome o = payNow.paid(TENANT, new PayLink.Paid("evt_4", link.id(), "pi_4", link.amount(), NOW));

        assertThat(o).isEqualTo(new PayNow.Outcome.Applied("paid INV-20452 (3675.50); 2450.00 credit on the account"));
        assertThat(payNow.paid(TENANT, new PayLink.Paid("evt_5", "plink_unknown", "pi_5", link.amount(), NOW)))
                .isEqualTo(new PayNow.Outcome.UnknownLink("plink_unknown"));
    }
}
