package dev.aragent.agent.app;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.PayLinking;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CashBook;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.PayLinks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pay now (a use case): every email or text that asks for money carries a link to pay exactly that — the invoices it
 * names, or the installment just agreed — made by the payment processor ({@link PayLinks}) and kept in the cash book,
 * the same link again while the same amount is asked, a new one when it changes. The processor's page takes the card;
 * no message and no call ever does. A payment through a link, reported by the processor's signed webhook, is filed in
 * the cash book once and applied to the link's invoices (a partial payment reduces them; money beyond what is still
 * open stays on the account as credit), and the link is retired. A link that asks more than is still owed is retired
 * before it can be paid twice. When the processor cannot be reached the message goes out with the payment instructions
 * alone.
 */
public final class PayNow implements PayLinking {
    private static final Logger LOG = LoggerFactory.getLogger(PayNow.class);

    /** Messages that ask for money now. An offer not yet accepted, a dispute, a receipt or a hand-off do not. */
    static final Set<Strategy> ASKING = EnumSet.of(
            Strategy.REMINDER,
            Strategy.FOLLOW_UP,
            Strategy.PROMISE_BROKEN,
            Strategy.ASK_DATE,
            Strategy.ANSWER,
            Strategy.PAYMENT_INFO,
            Strategy.INVOICE_COPY,
            Strategy.ACKNOWLEDGE,
            Strategy.CONFIRM_PROMISE,
            Strategy.CONFIRM_PLAN);

    /** The account the processor's payments are filed under in the cash book. */
    public static final String ACCOUNT = BankLine.PAY_NOW;

    private final PayLinks links;
    private final CashBook cash;
    private final CashDesk desk;
    private final Ledger ledger;
    private final Clock clock;

    public PayNow(PayLinks links, CashBook cash, CashDesk desk, Ledger ledger, Clock clock) {
        this.links = links;
        this.cash = cash;
        this.desk = desk;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public DraftRequest carry(TenantId tenant, CustomerKey customer, DraftRequest r) {
        if (!ASKING.contains(r.strategy())
                || r.channel() == Channel.VOICE
                || r.payNow().isPresent()) {
            return r;
        }
        Optional<PayLink.Order> order = order(customer, r);
        if (order.isEmpty()) {
            return r;
        }
        try {
            PayLink link = link(tenant, order.get());
            return r.withPayNow(new DraftRequest.PayNow(link.url(), link.amount(), link.invoices()));
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("tenant", tenant)
                    .addKeyValue("customer", customer)
                    .addKeyValue("error", e.toString())
                    .log("no pay-now link: the message carries the payment instructions only");
            return r;
        }
    }

    /**
     * What a message asks to be paid now: an agreed promise or plan, its first installment; else the open amount of
     * the invoices it names, oldest due first. Empty when nothing is owed on them.
     */
    static Optional<PayLink.Order> order(CustomerKey customer, DraftRequest r) {
        List<DraftRequest.InvoiceLine> owing = r.invoices().stream()
                .filter(i -> !i.open().isZero() && !i.open().isNegative())
                .sorted(Comparator.comparing(DraftRequest.InvoiceLine::due)
                        .thenComparing(DraftRequest.InvoiceLine::number))
                .toList();
        if (owing.isEmpty()) {
            return Optional.empty();
        }
        List<String> numbers =
                owing.stream().map(DraftRequest.InvoiceLine::number).toList();
        boolean agreed = r.strategy() == Strategy.CONFIRM_PROMISE || r.strategy() == Strategy.CONFIRM_PLAN;
        if (agreed && r.terms().isPresent()) {
            var first = r.terms().get().installments().getFirst();
            return Optional.of(new PayLink.Order(
                    customer, r.customerName(), numbers, first.amount(), "installment " + first.due()));
        }
        Money sum = owing.stream()
                .map(DraftRequest.InvoiceLine::open)
                .reduce(Money::plus)
                .orElseThrow();
        return Optional.of(new PayLink.Order(customer, r.customerName(), numbers, sum, "reminder"));
    }

    /**
     * The customer's live link for exactly this order (it asks what is open now, so it is not stale), else a new one,
     * kept, after the customer's stale links are retired.
     */
    PayLink link(TenantId tenant, PayLink.Order order) {
        List<PayLink> live = cash.liveLinks(tenant, order.customer());
        for (PayLink l : live) {
            if (l.invoices().equals(order.invoices()) && l.amount().equals(order.amount())) {
                return l;
            }
        }
        retireStale(tenant, order.customer(), live);
        PayLink made = links.create(tenant, order, clock.instant());
        cash.keepLink(tenant, made);
        LOG.atInfo()
                .addKeyValue("tenant", tenant)
                .addKeyValue("link", made.id())
                .addKeyValue("amount", made.amount())
                .log("pay-now link made");
        return made;
    }

    /**
     * Retires the customer's live links that ask more than is still owed on their invoices (paid by bank meanwhile,
     * credited, settled): such a link must not take the money twice. Returns how many it retired.
     */
    public int retireStale(TenantId tenant, CustomerKey customer) {
        return retireStale(tenant, customer, cash.liveLinks(tenant, customer));
    }

    private int retireStale(TenantId tenant, CustomerKey customer, List<PayLink> live) {
        if (live.isEmpty()) {
            return 0;
        }
        Map<String, Long> open = new HashMap<>();
        ledger.accountFile(tenant, customer).invoices().stream()
                .filter(Invoice::owing)
                .forEach(i -> open.put(i.number(), i.openBalance().minor()));
        int retired = 0;
        for (PayLink l : live) {
            long owed = l.invoices().stream()
                    .mapToLong(n -> open.getOrDefault(n, 0L))
                    .sum();
            if (owed < l.amount().minor()) {
                retire(tenant, l);
                retired++;
            }
        }
        return retired;
    }

    /** What a reported payment did. */
    public sealed interface Outcome {
        /** Filed and applied: in words, as the cash book closed it. */
        record Applied(String outcome) implements Outcome {}

        /** Applied before (the same event again, or another event about the same payment): nothing changed. */
        record Known() implements Outcome {}

        /** No link of this tenant has that id: nothing changed (the payment was not made through our messages). */
        record UnknownLink(String linkId) implements Outcome {}
    }

    /** A payment the processor reported through a link of {@code tenant}: filed once, applied, the link retired. */
    public Outcome paid(TenantId tenant, PayLink.Paid paid) {
        Optional<PayLink> link = cash.payLink(tenant, paid.linkId());
        if (link.isEmpty()) {
            LOG.atWarn()
                    .addKeyValue("tenant", tenant)
                    .addKeyValue("link", paid.linkId())
                    .log("payment through a link we did not make: left to the bank file");
            return new Outcome.UnknownLink(paid.linkId());
        }
        PayLink l = link.get();
        String name = ledger.customer(tenant, l.customer())
                .map(dev.aragent.agent.ledger.Customer::name)
                .orElse(l.customer().value());
        LocalDate on = LocalDate.ofInstant(paid.paidAt(), ZoneOffset.UTC);
        BankTransaction entry = new BankTransaction(
                paid.paymentReference(),
                paid.amount(),
                true,
                false,
                "BOOK",
                Optional.of(on),
                Optional.of(on),
                name,
                "",
                l.invoices(),
                List.of("Paid online through pay-now link " + l.id()));
        BankFile file = new BankFile(
                "pay-now " + paid.eventId(),
                BankFile.sha256(("pay-now|" + paid.eventId()).getBytes(StandardCharsets.UTF_8)),
                "pay-now",
                List.of(new BankStatement(
                        "pay-now",
                        paid.eventId(),
                        ACCOUNT,
                        paid.amount().currency(),
                        Optional.empty(),
                        Optional.empty(),
                        List.of(entry))));
        Optional<String> applied = desk.takeLinked(tenant, file, l);
        if (l.active()) {
            retire(tenant, l); // one payment per link: a second would pay the same invoices twice
        }
        retireStale(tenant, l.customer());
        LOG.atInfo()
                .addKeyValue("tenant", tenant)
                .addKeyValue("link", l.id())
                .addKeyValue("event", paid.eventId())
                .addKeyValue("applied", applied.orElse("before"))
                .log("pay-now payment");
        return applied.<Outcome>map(Outcome.Applied::new).orElseGet(Outcome.Known::new);
    }

    private void retire(TenantId tenant, PayLink l) {
        try {
            links.retire(tenant, l.id());
        } catch (RuntimeException e) {
            // the processor will be told again the next time the customer's links are looked at
            LOG.atWarn()
                    .addKeyValue("link", l.id())
                    .addKeyValue("error", e.toString())
                    .log("could not retire link");
            return;
        }
        cash.retireLink(tenant, l.id());
    }
}
