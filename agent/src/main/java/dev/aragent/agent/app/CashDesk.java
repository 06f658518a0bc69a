package dev.aragent.agent.app;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.cash.Candidate;
import dev.aragent.agent.cash.CashMatch;
import dev.aragent.agent.cash.CashMatcher;
import dev.aragent.agent.cash.PayerNames;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CashBook;
import dev.aragent.agent.spi.Ledger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cash application (a use case): a bank file's entries filed once, each receipt matched against the book, the sure ones
 * applied by the agent (invoices settled or reduced, a short payment's deduction noted with its reason — a ticket for
 * billing when the reason is a dispute — an overpayment left as credit), the others waiting in the unapplied-cash queue
 * with their candidates ranked, where a person applies one, chooses the customer and invoices, or sets the entry aside.
 * A payer's name becomes a customer's when a person confirms it, or when the remittance's invoices and amount agree
 * exactly; never from a guess. Applying is safe to repeat: the payment's reference is the entry's, so a crash between
 * applying and closing the line applies nothing twice.
 */
public final class CashDesk {
    private static final Logger LOG = LoggerFactory.getLogger(CashDesk.class);

    /** A confidence this high comes only from invoices named and an amount that agrees: it teaches the payer's name. */
    static final double CONFIRMS = 0.99;

    /** How long what a customer told us it paid is read for the receipts to come. */
    static final int ADVICE_DAYS = 60;

    private final Ledger ledger;
    private final CashBook cash;
    private final Clock clock;
    private final double threshold;

    public CashDesk(Ledger ledger, CashBook cash, Clock clock, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("the auto-apply confidence is above 0 and at most 1, not " + threshold);
        }
        this.ledger = ledger;
        this.cash = cash;
        this.clock = clock;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * What bringing in a bank file did: entries filed (and known already), receipts applied, receipts left waiting, and
     * the customers whose receipts were applied (their pay-now links may now ask more than they owe).
     */
    public record Taken(BankFile file, CashBook.Filed filed, int applied, int waiting, Set<CustomerKey> paidBy) {
        public Taken {
            paidBy = Set.copyOf(paidBy);
        }

        public boolean unchanged() {
            return filed.unchanged();
        }
    }

    /** Files {@code file}'s entries, then applies every open receipt the agent is sure of. */
    public Taken take(TenantId tenant, BankFile file, String actor) {
        CashBook.Filed filed = cash.file(tenant, file, actor, clock.instant());
        Run run = applyOpen(tenant);
        LOG.atInfo()
                .addKeyValue("tenant", tenant)
                .addKeyValue("source", file.source())
                .addKeyValue("added", filed.added().size())
                .addKeyValue("applied", run.applied())
                .log("bank file taken");
        return new Taken(file, filed, run.applied(), run.waiting(), run.paidBy());
    }

    /**
     * Files a payment made through a pay-now link (the processor's report as a one-entry file: its event is its
     * identity, the payment's reference the entry's) and applies it to the link's invoices: sure, because the link was
     * made for them. Reported twice — the same event, or another event about the same payment — it applies nothing
     * twice; a crash between filing and applying is finished by the next report. Returns what was done, in words, or
     * empty when the payment was applied before.
     */
    public Optional<String> takeLinked(TenantId tenant, BankFile file, dev.aragent.agent.cash.PayLink link) {
        cash.file(tenant, file, BankLine.AGENT, clock.instant());
        BankStatement statement = file.statements().getFirst();
        java.util.Set<String> keys = java.util.Set.copyOf(BankLine.keys(statement));
        Optional<BankLine> line = cash.lines(tenant, BankLine.State.OPEN, Integer.MAX_VALUE).stream()
                .filter(l -> keys.contains(l.key()))
                .findFirst();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String name = ledger.customer(tenant, link.customer())
                .map(dev.aragent.agent.ledger.Customer::name)
                .orElse(link.customer().value());
        List<Invoice> open = ledger.accountFile(tenant, link.customer()).invoices().stream()
                .filter(Invoice::owing)
                .toList();
        Candidate c = CashMatcher.linked(link, name, open, line.get().entry().amount());
        return Optional.of(apply(tenant, line.get(), c, BankLine.AGENT, Payment.PAY_NOW_LINK));
    }

    /** What a pass over the open receipts did. */
    public record Run(int applied, int waiting, Set<CustomerKey> paidBy) {
        public Run {
            paidBy = Set.copyOf(paidBy);
        }
    }

    /** Matches every open receipt against the book as it is now and applies the sure ones. */
    public Run applyOpen(TenantId tenant) {
        List<BankLine> open = cash.lines(tenant, BankLine.State.OPEN, Integer.MAX_VALUE);
        if (open.isEmpty()) {
            return new Run(0, 0, Set.of());
        }
        int applied = 0;
        Set<CustomerKey> paidBy = new java.util.HashSet<>();
        var customers = ledger.customers(tenant);
        Map<String, Invoice> invoices = new java.util.LinkedHashMap<>();
        ledger.invoices(tenant, InvoiceStatus.OPEN).forEach(i -> invoices.put(i.number(), i));
        List<dev.aragent.agent.cash.Advised> advices = advices(tenant);
        CashMatcher matcher =
                new CashMatcher(customers, List.copyOf(invoices.values()), cash.aliases(tenant)).withAdvices(advices);
        for (BankLine line : open) {
            Optional<Candidate> sure = matcher.match(line.entry()).automatic(threshold);
            if (sure.isPresent()) {
                apply(tenant, line, sure.get(), BankLine.AGENT);
                applied++;
                paidBy.add(sure.get().customer());
                // the next receipt is matched against what is still open, without reading the book again
                for (Payment.Allocation a : sure.get().allocations()) {
                    invoices.computeIfPresent(a.invoiceNumber(), (n, i) -> {
                        long left = i.openBalance().minor() - a.amount().minor();
                        return left <= 0
                                ? null
                                : i.with(new Money(left, i.openBalance().currency()), i.status(), i.settledDate());
                    });
                }
                matcher = matcher.withOpen(List.copyOf(invoices.values()), cash.aliases(tenant));
            }
        }
        return new Run(applied, open.size() - applied, paidBy);
    }

    /** One receipt waiting for a person, with the ways to apply it, surest first. */
    public record Waiting(BankLine line, CashMatch match) {}

    /** The unapplied-cash queue: open receipts, oldest first, each with its candidates. */
    public List<Waiting> waiting(TenantId tenant, int limit) {
        CashMatcher matcher = matcher(tenant);
        return cash.lines(tenant, BankLine.State.OPEN, limit).stream()
                .map(l -> new Waiting(l, matcher.match(l.entry())))
                .toList();
    }

    /** The ids of the receipts waiting in unapplied cash. */
    public Set<Long> waitingReceipts(TenantId tenant) {
        return cash.lines(tenant, BankLine.State.OPEN, Integer.MAX_VALUE).stream()
                .map(BankLine::id)
                .collect(Collectors.toSet());
    }

    /**
     * The accounts a receipt waiting in unapplied cash may be from (each waiting receipt's likeliest customer): until a
     * person applies it, they may have paid what a reminder would chase.
     */
    public Set<CustomerKey> mayHavePaid(TenantId tenant) {
        List<BankLine> open = cash.lines(tenant, BankLine.State.OPEN, Integer.MAX_VALUE);
        if (open.isEmpty()) {
            return Set.of();
        }
        CashMatcher matcher = matcher(tenant);
        Set<CustomerKey> out = new java.util.HashSet<>();
        for (BankLine l : open) {
            matcher.match(l.entry()).candidates().stream().findFirst().ifPresent(c -> out.add(c.customer()));
        }
        return out;
    }

    /** One waiting receipt with its candidates; empty when the tenant has no such line. */
    public Optional<Waiting> waiting(TenantId tenant, long id) {
        return cash.line(tenant, id).map(l -> new Waiting(l, matcher(tenant).match(l.entry())));
    }

    /** What a person's decision did. */
    public sealed interface Decided {
        /** Applied (or set aside) as asked, in words. */
        record Done(String outcome) implements Decided {}

        /** Someone closed the line first; nothing changed. */
        record Closed(BankLine.State state) implements Decided {}

        /** The choice names nothing that fits (an unknown customer or invoice); nothing changed. */
        record Refused(String reason) implements Decided {}
    }

    /**
     * A person applies an open receipt to {@code customer}'s {@code invoices} (in the order given, each paid in full
     * until the money runs out; the rest stays as credit on the account) — the payer's name is then the customer's.
     */
    public Decided apply(TenantId tenant, long id, CustomerKey customer, List<String> invoices, String by) {
        Optional<BankLine> line = cash.line(tenant, id);
        if (line.isEmpty()) {
            return new Decided.Refused("no such receipt");
        }
        if (line.get().state() != BankLine.State.OPEN) {
            return new Decided.Closed(line.get().state());
        }
        if (ledger.customer(tenant, customer).isEmpty()) {
            return new Decided.Refused("no customer " + customer.value());
        }
        Money amount = line.get().entry().amount();
        Map<String, Invoice> open = ledger.accountFile(tenant, customer).invoices().stream()
                .filter(i -> i.status() == InvoiceStatus.OPEN
                        && i.openBalance().currency().equals(amount.currency()))
                .collect(Collectors.toMap(Invoice::number, Function.identity()));
        List<Payment.Allocation> allocations = new ArrayList<>();
        long left = amount.minor();
        for (String number : invoices) {
            Invoice invoice = open.get(number);
            if (invoice == null) {
                return new Decided.Refused(
                        number + " is no open " + amount.currency() + " invoice of " + customer.value());
            }
            long take = Math.min(left, invoice.openBalance().minor());
            if (take > 0) {
                allocations.add(new Payment.Allocation(number, new Money(take, amount.currency())));
                left -= take;
            }
        }
        Candidate chosen = new Candidate(
                customer,
                ledger.customer(tenant, customer).orElseThrow().name(),
                allocations,
                new Money(left, amount.currency()),
                Optional.empty(),
                1.0,
                List.of("applied by " + by));
        String outcome = apply(tenant, line.get(), chosen, by);
        return new Decided.Done(outcome);
    }

    /**
     * A person applies an open receipt as the matcher's candidate number {@code rank} (0 the surest) proposes — its
     * deduction noted, its credit kept — as it ranks them now; refused when the book changed so that it proposes fewer.
     */
    public Decided applyCandidate(TenantId tenant, long id, int rank, String by) {
        Optional<Waiting> waiting = waiting(tenant, id);
        if (waiting.isEmpty()) {
            return new Decided.Refused("no such receipt");
        }
        if (waiting.get().line().state() != BankLine.State.OPEN) {
            return new Decided.Closed(waiting.get().line().state());
        }
        List<Candidate> candidates = waiting.get().match().candidates();
        if (rank < 0 || rank >= candidates.size()) {
            return new Decided.Refused("the book changed: that way to apply it is no longer proposed; look again");
        }
        return new Decided.Done(
                apply(tenant, waiting.get().line(), candidates.get(rank).confirmed(by), by));
    }

    /** A person decides an open receipt is no customer's payment (a refund, a transfer between own accounts, …). */
    public Decided setAside(TenantId tenant, long id, String reason, String by) {
        Optional<BankLine> line = cash.line(tenant, id);
        if (line.isEmpty()) {
            return new Decided.Refused("no such receipt");
        }
        if (reason.isBlank()) {
            return new Decided.Refused("say why it is no customer's payment");
        }
        String outcome = "set aside: " + reason.strip();
        boolean closed = cash.close(
                tenant,
                id,
                new BankLine.Closing(BankLine.State.SET_ASIDE, Optional.empty(), outcome, by, clock.instant()));
        return closed
                ? new Decided.Done(outcome)
                : new Decided.Closed(cash.line(tenant, id).orElseThrow().state());
    }

    /** The tenant's bank files, latest first. */
    public List<CashBook.FiledFile> files(TenantId tenant, int limit) {
        return cash.files(tenant, limit);
    }

    /** How the tenant's receipts stand. */
    public CashBook.Tally tally(TenantId tenant) {
        return cash.tally(tenant);
    }

    private String apply(TenantId tenant, BankLine line, Candidate c, String by) {
        return apply(tenant, line, c, by, Payment.BANK_TRANSFER);
    }

    private String apply(TenantId tenant, BankLine line, Candidate c, String by, String method) {
        BankTransaction e = line.entry();
        LocalDate received = e.valueDate().or(e::bookingDate).orElse(LocalDate.now(clock));
        String reference = (method.equals(Payment.BANK_TRANSFER) ? "BANK-" : "ONLINE-") + line.id();
        java.util.Set<String> disputed = ledger.pausedInvoices(tenant, c.customer());
        ledger.receive(
                tenant,
                new Payment(c.customer(), reference, received, e.amount(), Optional.of(method), c.allocations()),
                by);
        c.deduction().ifPresent(d -> {
            ledger.note(tenant, deductionNote(c.customer(), reference, d, by));
            if (d.dispute()) {
                // what was kept back is billing's to decide: collection on the invoice pauses until they do
                ledger.markDisputed(
                        tenant, d.invoice(), "deducted " + d.amount().toPlainString() + ": " + d.reason(), by);
            }
        });
        // a payment to a disputed invoice settles what was disputed: a dispute on an invoice now paid in full is closed
        List<String> paidDisputed =
                c.invoices().stream().filter(disputed::contains).toList();
        if (!paidDisputed.isEmpty()) {
            ledger.resolveDisputes(tenant, paidDisputed, "paid by " + reference, by);
        }
        String outcome = outcome(c);
        cash.close(
                tenant,
                line.id(),
                new BankLine.Closing(BankLine.State.APPLIED, Optional.of(c.customer()), outcome, by, clock.instant()));
        boolean confirmed = !by.equals(BankLine.AGENT) || c.confidence() >= CONFIRMS;
        if (confirmed && !e.counterpartyName().isBlank()) {
            String payer = PayerNames.normalize(e.counterpartyName());
            if (!payer.isEmpty() && !cash.aliases(tenant).containsKey(payer)) {
                cash.learn(tenant, payer, c.customer(), by, clock.instant());
            }
        }
        return outcome;
    }

    private Note deductionNote(CustomerKey customer, String reference, Candidate.Deduction d, String by) {
        String body = "The customer paid " + d.invoice() + " short by "
                + d.amount().format() + ": " + d.reason()
                + (d.dispute()
                        ? ". Billing to review: the rest stays open, and collection on it paused, until they do."
                        : ". The rest stays open.");
        return new Note(
                customer,
                "DED-" + reference,
                d.dispute() ? Note.Kind.TICKET : Note.Kind.NOTE,
                clock.instant(),
                "cash application",
                by,
                Optional.of((d.dispute() ? "Deduction dispute on " : "Deduction on ") + d.invoice()),
                body,
                d.dispute() ? Optional.of("open") : Optional.empty());
    }

    /** "paid INV-1041 (1250.00), INV-1043 (440.00; 40.00 deducted: damaged case); 10.00 credit". */
    static String outcome(Candidate c) {
        List<String> parts = new ArrayList<>();
        c.allocations().stream()
                .sorted(Comparator.comparing(Payment.Allocation::invoiceNumber))
                .forEach(a -> parts.add(a.invoiceNumber() + " (" + a.amount().toPlainString()
                        + c.deduction()
                                .filter(d -> d.invoice().equals(a.invoiceNumber()))
                                .map(d -> "; " + d.amount().toPlainString() + " deducted: " + d.reason())
                                .orElse("")
                        + ")"));
        String paid = parts.isEmpty() ? "held on account" : "paid " + String.join(", ", parts);
        return paid + (c.credit().isZero() ? "" : "; " + c.credit().toPlainString() + " credit on the account");
    }

    private CashMatcher matcher(TenantId tenant) {
        return new CashMatcher(
                        ledger.customers(tenant), ledger.invoices(tenant, InvoiceStatus.OPEN), cash.aliases(tenant))
                .withAdvices(advices(tenant));
    }

    /** What customers told us they paid over the last {@link #ADVICE_DAYS} days. */
    private List<dev.aragent.agent.cash.Advised> advices(TenantId tenant) {
        return cash.advices(tenant, clock.instant().minus(java.time.Duration.ofDays(ADVICE_DAYS)));
    }

    /**
     * Keeps what a customer told us it paid (an email with its attachments, a text), when it reads as a remittance: the
     * receipts still to come that name nothing are matched against it. Returns whether it was kept.
     */
    public boolean told(TenantId tenant, CustomerKey customer, String source, String text) {
        if (!dev.aragent.agent.cash.Advised.remits(text)) {
            return false;
        }
        cash.advise(tenant, new dev.aragent.agent.cash.Advised(customer, source, text, clock.instant()));
        return true;
    }
}
