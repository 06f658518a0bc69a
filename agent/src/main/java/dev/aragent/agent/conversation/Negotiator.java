package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.policy.Policies;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyEngine;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The playbook: from a debtor's message, read, and their account, decide what happens — deterministically, through the
 * policy engine for anything about money or dates — and what the reply must say. "Already paid" is checked against
 * payments; cash-flow trouble gets a plan inside policy, then a person; a dispute is logged, paused and routed to
 * billing; a wrong contact is captured for the CRM.
 */
public final class Negotiator {
    private static final Pattern ACCEPTS =
            Pattern.compile("(?i)^\\W*(?:yes|yep|yeah|ok|okay|sure|agreed|agree|deal|fine"
                    + "|sounds good|that works|works for (?:me|us)|let'?s do (?:it|that|this)|we(?:'ll| will)? accept|i accept|"
                    + "go ahead|perfect|great)\\b");
    /** A legal threat or representation by counsel: a person must take the account over. */
    private static final Pattern LEGAL = Pattern.compile("(?i)\\b(?:(?:my|our|the company'?s) (?:lawyer|attorney|"
            + "solicitor|counsel|legal team)s?|(?:lawyer|attorney|solicitor)s? (?:will|is|are|has)|legal action|"
            + "(?:we|i) will sue|(?:we|i)'ll sue|suing you|see you in court|take (?:you|this) to court|"
            + "represented by (?:counsel|an? (?:attorney|lawyer))|small claims|litigation|bankruptcy|chapter (?:7|11))"
            + "\\b");

    private static final Pattern REFUSES = Pattern.compile(
            "(?i)\\b(?:no|can'?t do (?:that|it|this)|cannot do (?:that|it)|"
                    + "not possible|too (?:much|high|soon|short|fast)|won'?t work|doesn'?t work|impossible|not enough time)\\b");

    /**
     * What a tenant says in every message: consequences (each stated only where the condition it names holds for the
     * account, see {@link Consequences}), the footer (every email; a conversation's first text), how to pay, who signs,
     * the number a debtor may call (blank: none is offered), and the AI disclosure for emails and for texts (blank:
     * off; on by default, {@link #DEFAULT_AI_DISCLOSURE}).
     */
    public record Settings(
            String company,
            String senderName,
            List<String> consequences,
            List<String> disclosures,
            String paymentInstructions,
            int verifyAfterBusinessDays,
            String phone,
            String aiDisclosure,
            String aiDisclosureShort) {
        public Settings {
            consequences = List.copyOf(consequences);
            disclosures = List.copyOf(disclosures);
        }

        /** With no number to call and the default AI disclosures. */
        public Settings(
                String company,
                String senderName,
                List<String> consequences,
                List<String> disclosures,
                String paymentInstructions,
                int verifyAfterBusinessDays) {
            this(
                    company,
                    senderName,
                    consequences,
                    disclosures,
                    paymentInstructions,
                    verifyAfterBusinessDays,
                    "",
                    DEFAULT_AI_DISCLOSURE,
                    DEFAULT_AI_DISCLOSURE_SHORT);
        }

        /**
         * What a message on {@code channel} must carry: the AI disclosure, then the footer unless left out; nothing for
         * what is said on a call, which opened with the disclosure.
         */
        List<String> disclosuresFor(Channel channel, boolean withFooter) {
            if (channel == Channel.VOICE) {
                return List.of(); // a call says it once, first: an AI, recorded (VoiceSession.open), not every turn
            }
            List<String> out = new java.util.ArrayList<>();
            String ai = channel == Channel.EMAIL ? aiDisclosure : aiDisclosureShort;
            if (!ai.isBlank()) {
                out.add(ai.strip());
            }
            if (withFooter) {
                out.addAll(disclosures);
            }
            return out;
        }
    }

    /** The AI disclosure of every email unless a tenant words it otherwise (EU AI Act art. 50 transparency). */
    public static final String DEFAULT_AI_DISCLOSURE = "This message was written by an AI assistant for our accounts"
            + " receivable team; reply to reach a person.";
    /** The AI disclosure of every text unless a tenant words it otherwise. */
    public static final String DEFAULT_AI_DISCLOSURE_SHORT = "(AI assistant)";

    /** One message in its context. {@code invoices}: the conversation's open invoices (else the account's). */
    public record Situation(
            Customer customer,
            ConversationState state,
            List<Invoice> invoices,
            List<Payment> payments,
            Understanding reading,
            String text,
            Channel channel,
            String greetingName,
            LocalDate today,
            List<Passage> citations) {
        public Situation {
            invoices = List.copyOf(invoices);
            payments = List.copyOf(payments);
            citations = List.copyOf(citations);
        }
    }

    private final Policies policies;
    private final Settings settings;

    private Negotiator(Policies policies, Settings settings) {
        this.policies = policies;
        this.settings = settings;
    }

    public static Negotiator create(Policies policies, Settings settings) {
        return new Negotiator(policies, settings);
    }

    /**
     * The first message of a queue outreach about {@code invoices} (those due a touch): a reminder in the register of
     * the cadence step, or — for a payment-plan offer — the options the customer's policy allows on its own. The total
     * it states, and any offer, is {@code accountOpen}: the account's whole open balance.
     */
    public DraftRequest opening(
            Customer customer,
            String greetingName,
            List<Invoice> invoices,
            Money accountOpen,
            boolean offerOptions,
            CadenceStep step,
            Channel channel,
            LocalDate today) {
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("an outreach needs at least one open invoice");
        }
        Policy policy = policies.forCustomer(customer);
        List<Terms> options = offerOptions ? PolicyEngine.offers(policy, accountOpen, today) : List.of();
        return new DraftRequest(
                options.isEmpty() ? Strategy.REMINDER : Strategy.OFFER_OPTIONS,
                channel,
                registerOf(step, invoices, today),
                greetingName,
                customer.name(),
                settings.company(),
                settings.senderName(),
                accountOpen,
                invoices.stream()
                        .map(i -> DraftRequest.InvoiceLine.of(i, today))
                        .toList(),
                Optional.empty(),
                options,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Consequences.holding(settings.consequences(), maxDaysPastDue(invoices, today)),
                settings.disclosuresFor(channel, true),
                settings.paymentInstructions(),
                settings.phone(),
                List.of(),
                Optional.empty(),
                today,
                Optional.empty());
    }

    /**
     * The register a reminder speaks in: its cadence step's, or a later one where the invoices are further along than
     * the step was: a reminder about an invoice already past due speaks of it as late (a due-date reminder sent days
     * late must not say "due today" of an invoice six days past due).
     */
    static CadenceStep registerOf(CadenceStep step, List<Invoice> invoices, LocalDate today) {
        long days = maxDaysPastDue(invoices, today);
        if (days <= 0) {
            return step;
        }
        CadenceStep now = CadenceStep.at(days).day() > 0 ? CadenceStep.at(days) : CadenceStep.PLUS_7;
        return now.day() > step.day() ? now : step;
    }

    static long maxDaysPastDue(List<Invoice> invoices, LocalDate today) {
        return invoices.stream().mapToLong(i -> i.daysPastDue(today)).max().orElse(0);
    }

    /** A message on an account a person took over: nothing goes back, and the person gets it as a task. */
    public Turn takenOver(Situation s, String by) {
        return new Deliberation(s, policies.forCustomer(s.customer()), settings).takenOver(by);
    }

    public Turn handle(Situation s) {
        Policy policy = policies.forCustomer(s.customer());
        Deliberation plan = new Deliberation(s, policy, settings);
        Understanding u = s.reading();
        if (plan.balance.isZero()) {
            return plan.settled();
        }
        if (u.injection()) {
            return plan.review();
        }
        if (LEGAL.matcher(s.text()).find()) {
            return plan.legalHold();
        }
        if (s.state().lastOffer().isPresent() && acceptsOffer(u, s.text())) {
            return plan.acceptOffer(s.state().lastOffer().get());
        }
        if (refusesOffer(s)) {
            return plan.askManager();
        }
        return switch (u.intent()) {
            case OPT_OUT -> plan.optOut();
            case AUTO_REPLY -> plan.away();
            case WRONG_CONTACT -> plan.wrongContact();
            case DISPUTE -> plan.dispute();
            case PAID_ALREADY -> plan.paidAlready(settings.verifyAfterBusinessDays());
            case ESCALATION_REQUEST ->
                dev.aragent.agent.intent.RuleIntentReader.complaintWithoutACall(s.text())
                        ? plan.complaint()
                        : plan.escalate();
            case PAYMENT_PLAN_REQUEST, PROMISE_TO_PAY -> plan.proposal();
            case HARDSHIP -> refusedBefore(s) ? plan.askManager() : plan.options(Strategy.OFFER_OPTIONS);
            case INVOICE_COPY_REQUEST -> plan.invoiceCopy();
            case PAYMENT_INFO_REQUEST -> plan.paymentInfo();
            case QUESTION -> plan.answer();
            case OTHER ->
                refusedBefore(s) && REFUSES.matcher(s.text()).find()
                        ? plan.askManager()
                        : plan.options(Strategy.ACKNOWLEDGE);
        };
    }

    /**
     * The scheduled step, with no new message: a promise whose date passed is kept or broken (a first broken promise
     * gets a reminder with the options, a second goes to a person for a call); a claim of payment whose money has not
     * come by the day the agent said it would check is followed up (a person told); a conversation whose last
     * {@value #MAX_UNANSWERED} messages went unanswered changes channel (the agent's own call where consent is on
     * record); otherwise one unanswered for 48 hours gets a follow-up. Empty when nothing is due.
     */
    public Optional<Turn> followUp(Situation s, java.time.Instant now) {
        Policy policy = policies.forCustomer(s.customer());
        Deliberation plan = new Deliberation(s, policy, settings);
        if (plan.balance.isZero()) {
            return s.state().stage() == Stage.PAID ? Optional.empty() : Optional.of(plan.settled());
        }
        Optional<Turn> promise = plan.promiseDue();
        if (promise.isPresent()) {
            return promise;
        }
        boolean waiting = s.state().stage() == Stage.OPEN || s.state().stage() == Stage.ENGAGED;
        boolean quiet = s.state()
                .lastOutboundAt()
                .map(at -> !at.plus(RETRY_AFTER).isAfter(now))
                .orElse(false);
        boolean retryDue = s.state().retryOn().map(d -> !d.isAfter(s.today())).orElse(true);
        boolean claimed = s.state()
                .lastStrategy()
                .filter(x -> x == Strategy.ASK_REMITTANCE)
                .isPresent();
        if (waiting && claimed && retryDue && s.state().retryOn().isPresent()) {
            return Optional.of(plan.claimUnverified()); // said paid; the day to check came, the money did not
        }
        if (!waiting || !quiet || !retryDue || s.state().unanswered() == 0 || answeredByPaying(s) || notYetDue(s)) {
            return Optional.empty();
        }
        return Optional.of(s.state().unanswered() < MAX_UNANSWERED ? plan.nudge() : plan.changeChannel());
    }

    /**
     * Whether the debtor answered our messages with money rather than words: a payment toward the conversation's
     * invoices came in since our last message, or every invoice it was about is paid. Nothing is followed up then (the simulated quarter showed
     * debtors who pay on a reminder without a word nudged, then called and escalated, their account paused a week).
     */
    public static boolean answeredByPaying(Situation s) {
        Optional<LocalDate> lastOut =
                s.state().lastOutboundAt().map(at -> LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
        // a payment toward what the conversation is about (or not yet applied): one for other invoices answers
        // nothing here (a debtor who claimed to have paid these pays the next ones as usual)
        java.util.Set<String> about = java.util.Set.copyOf(s.state().invoiceNumbers());
        boolean paidSince = lastOut.isPresent()
                && s.payments().stream()
                        .filter(p -> !p.receivedOn().isBefore(lastOut.get()))
                        .anyMatch(p -> about.isEmpty()
                                || p.allocations().isEmpty()
                                || p.allocations().stream().anyMatch(a -> about.contains(a.invoiceNumber())));
        java.util.Set<String> open =
                s.invoices().stream().map(Invoice::number).collect(java.util.stream.Collectors.toSet());
        boolean itsInvoicesPaid = !s.state().invoiceNumbers().isEmpty()
                && s.state().invoiceNumbers().stream().noneMatch(open::contains);
        return paidSince || itsInvoicesPaid;
    }

    /**
     * Whether nothing the conversation is about (its invoices still open; the account's open invoices when it names
     * none) is past due: a reminder before the due date asks whether the invoice is in the next payment run, and is not
     * chased — the cadence writes again on the due date. The simulated quarter's messages showed seven follow-ups in ten
     * asking "the date we should expect payment" of invoices not yet due, two days after a friendly reminder. The
     * conversation stays on the follow-ups, its messages unanswered: once an invoice is late, the nudge goes.
     */
    public static boolean notYetDue(Situation s) {
        java.util.Set<String> about = java.util.Set.copyOf(s.state().invoiceNumbers());
        List<Invoice> open = s.invoices().stream()
                .filter(i -> about.isEmpty() || about.contains(i.number()))
                .toList();
        return !open.isEmpty() && open.stream().noneMatch(i -> i.daysPastDue(s.today()) > 0);
    }

    public static final java.time.Duration RETRY_AFTER = java.time.Duration.ofHours(48);
    static final int MAX_UNANSWERED = 3;

    /**
     * A person's approval of {@code terms}: refused when the balance changed since (stale) or the terms are beyond what
     * anyone may approve; otherwise the turn that confirms them.
     */
    public Ruling approved(Situation s, Terms terms, String by, boolean debtorAsked) {
        Deliberation plan = new Deliberation(s, policies.forCustomer(s.customer()), settings);
        if (plan.balance.isZero()) {
            return new Ruling.Refused(Ruling.Reason.STALE, List.of("the balance was paid meanwhile"));
        }
        if (!plan.currentFor(terms)) {
            return new Ruling.Refused(
                    Ruling.Reason.STALE,
                    List.of("the open balance is now " + plan.balance.format() + ", not "
                            + terms.balance().format() + " (a payment or credit arrived)"));
        }
        List<String> beyond = plan.beyondApproval(terms);
        if (!beyond.isEmpty()) {
            return new Ruling.Refused(Ruling.Reason.OUT_OF_POLICY, beyond);
        }
        return new Ruling.Carried(new TurnRecord(
                plan.approved(terms, by, debtorAsked), Optional.empty(), "", List.of(), List.of(), s.citations()));
    }

    /** A refused or expired approval: the agent's own best offer, or a call by a colleague. */
    public Turn refused(Situation s, Optional<dev.aragent.agent.policy.Terms> fallback, String why) {
        Deliberation plan = new Deliberation(s, policies.forCustomer(s.customer()), settings);
        return plan.balance.isZero() ? plan.settled() : plan.refused(fallback, why);
    }

    /** "No, that is too much": our offer refused with no new proposal of theirs. */
    private static boolean refusesOffer(Situation s) {
        Understanding u = s.reading();
        boolean soft =
                switch (u.intent()) {
                    case OTHER, HARDSHIP, PAYMENT_PLAN_REQUEST, PROMISE_TO_PAY, QUESTION -> true;
                    default -> false;
                };
        return soft
                && refusedBefore(s)
                && u.amounts().isEmpty()
                && u.dates().isEmpty()
                && REFUSES.matcher(s.text()).find();
    }

    private static boolean acceptsOffer(Understanding u, String text) {
        boolean otherBusiness =
                switch (u.intent()) {
                    case DISPUTE,
                            PAID_ALREADY,
                            WRONG_CONTACT,
                            OPT_OUT,
                            AUTO_REPLY,
                            INVOICE_COPY_REQUEST,
                            PAYMENT_INFO_REQUEST -> true;
                    default -> false;
                };
        boolean plainAnswer = !otherBusiness
                && u.amounts().isEmpty()
                && u.dates().isEmpty()
                && text.strip().length() < 120;
        return plainAnswer
                && !u.injection()
                && ACCEPTS.matcher(text).find()
                && !REFUSES.matcher(text).find();
    }

    /** They were offered a plan already and still cannot, or said no. */
    private static boolean refusedBefore(Situation s) {
        return s.state()
                .lastStrategy()
                .filter(st -> st == Strategy.OFFER_OPTIONS || st == Strategy.COUNTER_OFFER)
                .isPresent();
    }

    /** The working state of one decision: the situation, its policy and balance, what to write back. */
}
