package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.policy.Decision;
import dev.aragent.agent.policy.Policy;
import dev.aragent.agent.policy.PolicyEngine;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The working state of one decision of the playbook: the situation, its policy and balance, the effects it causes and
 * what the reply must say. One per message or scheduled step.
 */
final class Deliberation {
    private static final Pattern SINGULAR =
            Pattern.compile("(?i)\\b(?:this|that|the|your) (?:invoice|bill|order|delivery|shipment)\\b");

    private final Negotiator.Situation s;
    private final Policy policy;
    private final Negotiator.Settings settings;
    final Money balance;
    private final List<Effect> effects = new ArrayList<>();

    Deliberation(Negotiator.Situation s, Policy policy, Negotiator.Settings settings) {
        this.s = s;
        this.policy = policy;
        this.settings = settings;
        this.balance = balance(s.invoices(), s.payments());
    }

    private static Money balance(List<Invoice> invoices, List<Payment> payments) {
        if (invoices.isEmpty()) {
            return payments.isEmpty()
                    ? Money.zero(java.util.Currency.getInstance("USD"))
                    : Money.zero(payments.getFirst().amount().currency());
        }
        Money total = Money.zero(invoices.getFirst().openBalance().currency());
        for (Invoice i : invoices) {
            if (i.openBalance().currency().equals(total.currency()) && !i.disputed()) {
                total = total.plus(i.openBalance());
            }
        }
        return total;
    }

    /** The debtor's own proposal, decided by the policy engine. */
    Turn decide(Terms proposal) {
        return decide(proposal, true);
    }

    /**
     * The debtor said yes to what we offered last. An offer beyond the automatic limits was made only because a person
     * approved it: the yes agrees it, unless the balance changed since (then the policy decides afresh).
     */
    Turn acceptOffer(Terms offered) {
        Terms terms = offered.withBalance(balance);
        Decision d = PolicyEngine.evaluate(policy, terms, s.today());
        if (d instanceof Decision.NeedsApproval && offered.balance().equals(balance)) {
            return agreed(
                    terms,
                    new Decision.Accept(
                            terms, policy.version(), List.of("the debtor accepted the offer a person approved")));
        }
        return decide(terms, true);
    }

    private Turn decide(Terms proposal, boolean debtorsOwn) {
        Decision d = PolicyEngine.evaluate(policy, proposal, s.today());
        return switch (d) {
            case Decision.Accept a -> agreed(a.terms(), a);
            case Decision.Counter c ->
                turn(
                        Stage.ENGAGED,
                        Optional.of(d),
                        reply(Strategy.COUNTER_OFFER, Optional.of(c.terms()), List.of()),
                        status(Disposition.PaymentStatus.NEGOTIATING)
                                .retry(s.today().plusDays(2)));
            case Decision.NeedsApproval n -> {
                effects.add(
                        new Effect.RequestApproval(n.proposed(), n.approver(), n.fallback(), n.reasons(), debtorsOwn));
                yield turn(
                        Stage.ENGAGED,
                        Optional.of(d),
                        reply(Strategy.APPROVAL_PENDING, Optional.empty(), List.of()),
                        status(Disposition.PaymentStatus.PENDING_APPROVAL)
                                .retry(s.today().plusDays(1)));
            }
            case Decision.Decline x -> settled();
        };
    }

    /** Whether {@code terms} were set on the balance that is open now (a payment or credit changes it). */
    boolean currentFor(Terms terms) {
        return terms.balance().equals(balance);
    }

    /** Why a person may not agree {@code terms} today; empty when the approvable tier allows them. */
    List<String> beyondApproval(Terms terms) {
        return switch (PolicyEngine.evaluate(policy, terms, s.today())) {
            case Decision.Accept a -> List.of();
            case Decision.NeedsApproval n -> List.of();
            case Decision.Counter c -> c.reasons();
            case Decision.Decline x -> x.reasons();
        };
    }

    /**
     * A person approved {@code terms}. When they are what the debtor asked for ({@code debtorAsked}), both sides have
     * said yes: they bind like terms the agent accepted itself. Otherwise (edited, or the most a person may approve
     * after the debtor refused our offer) they go out as an offer, and only the debtor's yes agrees them.
     */
    Turn approved(Terms terms, String by, boolean debtorAsked) {
        if (debtorAsked) {
            return agreed(terms, new Decision.Accept(terms, policy.version(), List.of("approved by " + by)));
        }
        Decision d = new Decision.Counter(
                terms, policy.version(), List.of("approved by " + by + " as an offer; agreed once the debtor accepts"));
        return turn(
                Stage.ENGAGED,
                Optional.of(d),
                reply(Strategy.COUNTER_OFFER, Optional.of(terms), List.of()),
                status(Disposition.PaymentStatus.NEGOTIATING).retry(s.today().plusDays(2)));
    }

    /** Terms both sides said yes to: promises recorded, confirmed to the debtor. */
    private Turn agreed(Terms terms, Decision d) {
        effects.add(new Effect.RecordPromises(terms));
        boolean isPlan = terms.isPlan();
        return turn(
                isPlan ? Stage.PLAN_AGREED : Stage.PROMISED,
                Optional.of(d),
                reply(isPlan ? Strategy.CONFIRM_PLAN : Strategy.CONFIRM_PROMISE, Optional.of(terms), List.of()),
                status(isPlan ? Disposition.PaymentStatus.PLAN_AGREED : Disposition.PaymentStatus.PROMISED)
                        .expected(terms.firstDue()));
    }

    /**
     * A person refused (or nobody answered in time): counter with what the agent may offer alone when there is such an
     * offer, otherwise a colleague calls the debtor.
     */
    Turn refused(Optional<Terms> fallback, String why) {
        Optional<Terms> offer = fallback.map(f -> f.withBalance(balance))
                .filter(f -> PolicyEngine.evaluate(policy, f, s.today()) instanceof Decision.Accept);
        if (offer.isPresent()) {
            Decision d = new Decision.Counter(offer.get(), policy.version(), List.of(why));
            return turn(
                    Stage.ENGAGED,
                    Optional.of(d),
                    reply(Strategy.COUNTER_OFFER, offer, List.of()),
                    status(Disposition.PaymentStatus.NEGOTIATING)
                            .retry(s.today().plusDays(2)));
        }
        effects.add(new Effect.Task(Effect.TaskKind.CALL_DEBTOR, why, Optional.of(s.today())));
        return turn(
                Stage.ESCALATED,
                Optional.empty(),
                reply(Strategy.ESCALATE_CALL, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).escalate());
    }

    /** Whether the payments received since {@code p} was made cover it and the installments of its plan before it. */
    private boolean coveredSince(PromiseRecord p) {
        LocalDate since = p.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        long paid = s.payments().stream()
                .filter(x -> !x.receivedOn().isBefore(since)
                        && x.amount().currency().equals(p.amount().currency()))
                .mapToLong(x -> x.amount().minor())
                .sum();
        long promisedSoFar = s.state().promises().stream()
                .filter(x -> x.createdAt().equals(p.createdAt()) && x.installment() <= p.installment())
                .mapToLong(x -> x.amount().minor())
                .sum();
        return paid >= promisedSoFar;
    }

    /** The earliest open promise past its date (a day's grace): kept if payments since cover it, else broken. */
    Optional<Turn> promiseDue() {
        List<PromiseRecord> due = s.state().openPromises().stream()
                .filter(p -> p.due().plusDays(1).isBefore(s.today()))
                .sorted(java.util.Comparator.comparing(PromiseRecord::due))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        PromiseRecord p = due.getFirst();
        if (coveredSince(p)) {
            effects.add(new Effect.SettlePromise(p.id(), PromiseRecord.Status.KEPT));
            boolean more = s.state().openPromises().size() > 1;
            return Optional.of(turn(
                    more ? s.state().stage() : Stage.ENGAGED,
                    Optional.empty(),
                    Optional.empty(),
                    status(more ? Disposition.PaymentStatus.PLAN_AGREED : Disposition.PaymentStatus.PAID_VERIFIED)));
        }
        effects.add(new Effect.SettlePromise(p.id(), PromiseRecord.Status.BROKEN));
        long brokenBefore = s.state().promises().stream()
                .filter(x -> x.status() == PromiseRecord.Status.BROKEN)
                .count();
        if (brokenBefore >= 1) {
            effects.add(new Effect.Task(
                    Effect.TaskKind.CALL_DEBTOR,
                    dev.aragent.agent.approval.StaffNotices.SECOND_BROKEN_PROMISE + ": "
                            + p.amount().format() + " due " + p.due() + " not received",
                    Optional.of(s.today())));
            return Optional.of(turn(
                    Stage.ESCALATED,
                    Optional.empty(),
                    Optional.empty(),
                    status(Disposition.PaymentStatus.NO_COMMITMENT).escalate()));
        }
        Terms broken =
                new Terms(balance, 0, false, List.of(new dev.aragent.agent.policy.Installment(p.due(), p.amount())));
        return Optional.of(turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(Strategy.PROMISE_BROKEN, Optional.of(broken), offers()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(2))));
    }

    Turn nudge() {
        return turn(
                s.state().stage(),
                Optional.empty(),
                reply(Strategy.FOLLOW_UP, Optional.empty(), offers()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(2)));
    }

    /**
     * Messages went unanswered: where a contact's phone has consent to AI-voice calls on record, the agent calls (the
     * call desk; nobody answering four times goes to staff); where emails went unanswered and a contact may be texted,
     * the thread ends and the cadence goes on by text (the queue's channel rules: a text after two unanswered emails, a
     * call after three) — the simulated quarter showed these handed to a team whose day was full, the account held a
     * week for a task nobody reached; otherwise a person takes another channel.
     */
    Turn changeChannel() {
        boolean callable =
                s.customer().contacts().stream().anyMatch(c -> c.phone().isPresent() && c.voiceConsent());
        if (callable) {
            return silentlyToAPerson(
                    Effect.TaskKind.CALL_DEBTOR,
                    s.state().unanswered() + " messages by " + s.channel().code()
                            + " unanswered: the agent calls (consent to AI-voice calls on record)");
        }
        boolean textable = s.channel() == Channel.EMAIL
                && s.customer().contacts().stream().anyMatch(c -> c.phone().isPresent() && !c.smsOptOut());
        if (textable) {
            return turn(
                    Stage.CLOSED, Optional.empty(), Optional.empty(), status(Disposition.PaymentStatus.NO_COMMITMENT));
        }
        return silentlyToAPerson(
                Effect.TaskKind.CHANGE_CHANNEL,
                s.state().unanswered() + " messages by " + s.channel().code()
                        + " unanswered: try another channel, then a person");
    }

    /**
     * The debtor said it had paid and nothing has arrived by the day the agent said it would check again (the bank
     * files and the ledger are what it checks): the claim is not taken on trust — the agent asks again for payment (its
     * follow-up, with the ways to pay) and the cadence goes on; a person is told, to look when they have time.
     */
    Turn claimUnverified() {
        effects.add(new Effect.Task(
                Effect.TaskKind.VERIFY_PAYMENT,
                "the debtor said it had paid; nothing has arrived by " + s.today()
                        + " (bank files and ledger checked): the agent asked again for payment",
                Optional.of(s.today())));
        return turn(
                s.state().stage(),
                Optional.empty(),
                reply(Strategy.FOLLOW_UP, Optional.empty(), offers()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(2)));
    }

    /** Nothing goes back to the debtor; a person gets the task of {@code kind} with {@code detail}, today. */
    private Turn silentlyToAPerson(Effect.TaskKind kind, String detail) {
        effects.add(new Effect.Task(kind, detail, Optional.of(s.today())));
        return turn(
                Stage.ESCALATED,
                Optional.empty(),
                Optional.empty(),
                status(Disposition.PaymentStatus.NO_COMMITMENT).escalate());
    }

    Turn proposal() {
        List<Invoice> named = s.invoices().stream()
                .filter(i -> s.reading().invoiceNumbers().contains(i.number()))
                .toList();
        Money scope = named.isEmpty() ? balance : balance(named, List.of());
        Optional<Terms> proposal = Proposals.read(s.reading(), s.text(), scope, s.today(), policy);
        if (proposal.isEmpty()) {
            return s.reading().intent() == Intent.PROMISE_TO_PAY
                    ? turn(
                            Stage.ENGAGED,
                            Optional.empty(),
                            reply(Strategy.ASK_DATE, Optional.empty(), offers()),
                            status(Disposition.PaymentStatus.NEGOTIATING)
                                    .retry(s.today().plusDays(2)))
                    : options(Strategy.OFFER_OPTIONS);
        }
        return decide(proposal.get());
    }

    Turn options(Strategy strategy) {
        Disposition.PaymentStatus st = s.reading().intent() == Intent.HARDSHIP
                ? Disposition.PaymentStatus.UNABLE_TO_PAY
                : Disposition.PaymentStatus.NO_COMMITMENT;
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(strategy, Optional.empty(), offers()),
                status(st).retry(s.today().plusDays(2)));
    }

    /** Offered a plan and still cannot: the longest plan a person may approve goes to the AR manager. */
    Turn askManager() {
        Terms longest = PolicyEngine.longestPlan(policy, policy.approvable(), balance, s.today());
        return decide(longest, false);
    }

    Turn paidAlready(int businessDays) {
        LocalDate since = s.today().minusDays(90);
        Optional<Payment> found = s.payments().stream()
                .filter(p -> !p.receivedOn().isBefore(since))
                // a payment for these open invoices, or unapplied cash of a matching amount; one applied to other
                // (settled) invoices explains nothing ("we found your payment of November 9" about an old one)
                .filter(p -> p.allocations().stream()
                                .anyMatch(a -> s.invoices().stream()
                                        .anyMatch(i -> i.number().equals(a.invoiceNumber())))
                        || p.allocations().isEmpty() && matchesAnAmount(p))
                .reduce((a, b) -> b);
        if (found.isPresent()) {
            Payment p = found.get();
            effects.add(new Effect.Task(
                    Effect.TaskKind.VERIFY_PAYMENT,
                    "debtor says paid; payment " + p.reference() + " of "
                            + p.amount().format() + " received " + p.receivedOn()
                            + " — apply it to the open invoices if it is not yet",
                    Optional.of(s.today())));
            return turn(
                    Stage.ENGAGED, Optional.empty(), paymentFound(p), status(Disposition.PaymentStatus.PAID_VERIFIED));
        }
        // nothing matches yet: the agent checks again itself on that day (the conversation's retry), and only then,
        // if the money still has not come, asks again for it (claimUnverified)
        LocalDate check = businessDaysAfter(s.today(), businessDays);
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(
                        Strategy.ASK_REMITTANCE,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(check)),
                status(Disposition.PaymentStatus.CLAIMED_PAID).retry(check));
    }

    private boolean matchesAnAmount(Payment p) {
        return p.amount().equals(balance)
                || s.invoices().stream().anyMatch(i -> i.openBalance().equals(p.amount()))
                || s.reading().amounts().stream()
                        .anyMatch(a -> a.kind() == dev.aragent.agent.intent.Amount.Kind.EXACT
                                && a.value().compareTo(p.amount().toMajor()) == 0);
    }

    Turn dispute() {
        List<Invoice> named = s.invoices().stream()
                .filter(i -> s.reading().invoiceNumbers().contains(i.number()))
                .toList();
        boolean one = SINGULAR.matcher(s.text()).find();
        List<Invoice> disputed = !named.isEmpty() ? named : one ? s.invoices().subList(0, 1) : s.invoices();
        String reason = s.reading().disputeReason().orElse("unspecified: " + snippet(s.text()));
        for (Invoice i : disputed) {
            Money amount = s.reading().amounts().stream()
                    .filter(a -> a.kind() == dev.aragent.agent.intent.Amount.Kind.EXACT && disputed.size() == 1)
                    .map(a -> Money.ofMajor(a.value(), i.openBalance().currency()))
                    .filter(m -> m.compareTo(i.openBalance()) <= 0)
                    .findFirst()
                    .orElse(i.openBalance());
            effects.add(new Effect.OpenDispute(i.number(), amount, reason));
            effects.add(new Effect.Task(
                    Effect.TaskKind.BILLING_DISPUTE,
                    "invoice " + i.number() + ", disputed " + amount.format() + ": " + reason,
                    Optional.of(s.today())));
        }
        Invoice first = disputed.getFirst();
        DraftRequest.DisputeNote note = new DraftRequest.DisputeNote(first.number(), first.openBalance(), reason);
        return turn(
                Stage.DISPUTED,
                Optional.empty(),
                reply(
                        Strategy.DISPUTE_LOGGED,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.of(note),
                        Optional.empty()),
                status(Disposition.PaymentStatus.DISPUTED).dispute(reason));
    }

    /**
     * Not the right person: the address is never written to again (the desk suppresses it), the contact they name
     * becomes the account's next recipient, and a person finds one when they name nobody. The only reply says so.
     */
    Turn wrongContact() {
        Disposition.ContactChange change = new Disposition.ContactChange(
                s.reading().newEmail(), s.reading().newPhone(), s.reading().contactName());
        boolean reachable = change.email().isPresent() || change.phone().isPresent();
        effects.add(new Effect.NotResponsible());
        if (!change.isEmpty()) {
            effects.add(new Effect.CaptureContact(change));
        }
        effects.add(new Effect.Task(
                Effect.TaskKind.CRM_CONTACT_UPDATE,
                change.isEmpty()
                        ? "wrong contact; no replacement given: find the right person"
                        : "new contact: " + change.name().orElse("") + " "
                                + change.email().orElse("") + " "
                                + change.phone().orElse(""),
                Optional.of(s.today())));
        // this conversation is over: its follow-ups would go to the wrong person; the next reaches the new contact
        return turn(
                Stage.CLOSED,
                Optional.empty(),
                reply(reachable ? Strategy.CONTACT_UPDATED : Strategy.CONTACT_UNKNOWN, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.WRONG_CONTACT).contact(change));
    }

    /**
     * A legal threat, or an attorney now represents them: the account goes on legal hold for a person (no automated
     * message until they release it) and the debtor is told only that.
     */
    Turn legalHold() {
        effects.add(new Effect.Task(
                Effect.TaskKind.LEGAL_HOLD,
                "legal hold: the debtor wrote \"" + snippet(s.text())
                        + "\" — review the account; no automated message goes out until it is released",
                Optional.of(s.today())));
        return turn(
                Stage.ESCALATED,
                Optional.empty(),
                reply(Strategy.LEGAL_HOLD, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.LEGAL_HOLD).escalate());
    }

    /** {@code by} took the account over: the agent answers nothing; what the debtor wrote is their task. */
    Turn takenOver(String by) {
        return silentlyToAPerson(
                Effect.TaskKind.HUMAN_REVIEW,
                "you took this account over (" + by + "): the debtor wrote \"" + snippet(s.text())
                        + "\" — answer them yourself; the agent writes nothing until the account is handed back");
    }

    Turn optOut() {
        effects.add(new Effect.Task(
                Effect.TaskKind.CHANGE_CHANNEL,
                "the contact opted out of " + s.channel().code() + "; choose another channel or a person",
                Optional.of(s.today())));
        return turn(
                Stage.CLOSED,
                Optional.empty(),
                Optional.empty(),
                status(Disposition.PaymentStatus.OPTED_OUT).escalate());
    }

    Turn away() {
        LocalDate back = s.reading().dates().stream()
                .filter(d -> d.isAfter(s.today()))
                .findFirst()
                .orElse(s.today().plusDays(2));
        return turn(
                s.state().stage(),
                Optional.empty(),
                Optional.empty(),
                status(Disposition.PaymentStatus.AWAY).retry(back.plusDays(1)));
    }

    Turn escalate() {
        effects.add(new Effect.VoiceConsent(s.reading().newPhone())); // "call me": their express consent to a call
        effects.add(new Effect.Task(
                Effect.TaskKind.CALL_DEBTOR,
                "the debtor asked for a call"
                        + s.reading().newPhone().map(p -> " at " + p).orElse(""),
                Optional.of(s.today())));
        return turn(
                Stage.ESCALATED,
                Optional.empty(),
                reply(Strategy.ESCALATE_CALL, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).escalate());
    }

    /**
     * A complaint about us (our reminders, service or tone): an apology, and a person looks at the account and answers
     * it; no consent to a call is read from it, so the agent's voice does not ring someone who just complained.
     */
    Turn complaint() {
        effects.add(new Effect.Task(
                Effect.TaskKind.HUMAN_REVIEW,
                "the debtor complained about our reminders, service or tone: a person answers (no automated call)",
                Optional.of(s.today())));
        return turn(
                Stage.ESCALATED,
                Optional.empty(),
                reply(Strategy.COMPLAINT_HEARD, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).escalate());
    }

    Turn invoiceCopy() {
        List<String> numbers = s.reading().invoiceNumbers().isEmpty()
                ? s.invoices().stream().map(Invoice::number).toList()
                : s.reading().invoiceNumbers();
        effects.add(new Effect.Task(
                Effect.TaskKind.SEND_INVOICE_COPY,
                "send the invoice documents: " + String.join(", ", numbers),
                Optional.of(s.today())));
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(Strategy.INVOICE_COPY, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(3)));
    }

    /**
     * They asked how to pay or for what AP needs first (bank details, a W-9): the reply gives the ways to pay on file
     * and a person sends the rest from a verified address; bank details never come from a drafted message.
     */
    Turn paymentInfo() {
        effects.add(new Effect.Task(
                Effect.TaskKind.SEND_PAYMENT_DETAILS,
                "send payment details or forms as asked: \"" + excerpt(s.text()) + "\"",
                Optional.of(s.today())));
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(Strategy.PAYMENT_INFO, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(3)));
    }

    private static String excerpt(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 157) + "…";
    }

    /**
     * A reply that holds an instruction addressed to the system: nothing in it is acted on or recorded — no promise,
     * no payment claim, no change of contact — and a person reads it.
     */
    Turn review() {
        effects.add(new Effect.Task(
                Effect.TaskKind.HUMAN_REVIEW,
                "the reply holds an instruction addressed to the system; read it before anything is recorded: \""
                        + excerpt(s.text()) + "\"",
                Optional.of(s.today())));
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(Strategy.REVIEW, Optional.empty(), List.of()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(2)));
    }

    Turn answer() {
        return turn(
                Stage.ENGAGED,
                Optional.empty(),
                reply(Strategy.ANSWER, Optional.empty(), offers()),
                status(Disposition.PaymentStatus.NO_COMMITMENT).retry(s.today().plusDays(2)));
    }

    /** Nothing is open any more: thank them, no demand. */
    Turn settled() {
        // nothing is owed any more: each open promise was kept when the payments since it cover it, else it is moot
        // (a credit or a write-off settled the account), never left open to be chased
        for (PromiseRecord p : s.state().openPromises()) {
            effects.add(new Effect.SettlePromise(
                    p.id(), coveredSince(p) ? PromiseRecord.Status.KEPT : PromiseRecord.Status.CANCELLED));
        }
        // the payment that settled it: the latest received, not the last one the book happens to list
        Optional<Payment> last = s.payments().stream().max(java.util.Comparator.comparing(Payment::receivedOn));
        Optional<DraftRequest> reply = last.flatMap(this::paymentFound);
        return turn(Stage.PAID, Optional.empty(), reply, status(Disposition.PaymentStatus.PAID_VERIFIED));
    }

    private List<Terms> offers() {
        return PolicyEngine.offers(policy, balance, s.today());
    }

    private Turn turn(Stage stage, Optional<Decision> d, Optional<DraftRequest> reply, Status status) {
        return new Turn(stage, s.reading(), d, reply, effects, status.build(), policy.version());
    }

    private Status status(Disposition.PaymentStatus st) {
        return new Status(st);
    }

    private Optional<DraftRequest> reply(Strategy strategy, Optional<Terms> terms, List<Terms> options) {
        return reply(strategy, terms, options, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Optional<DraftRequest> reply(
            Strategy strategy,
            Optional<Terms> terms,
            List<Terms> options,
            Optional<DraftRequest.PaymentSeen> payment,
            Optional<DraftRequest.DisputeNote> dispute,
            Optional<LocalDate> followUp) {
        List<DraftRequest.InvoiceLine> lines = s.invoices().stream()
                .map(i -> DraftRequest.InvoiceLine.of(i, s.today()))
                .toList();
        long worst = lines.stream()
                .mapToLong(DraftRequest.InvoiceLine::daysPastDue)
                .max()
                .orElse(0);
        return Optional.of(new DraftRequest(
                strategy,
                s.channel(),
                CadenceStep.at(worst),
                s.greetingName(),
                s.customer().name(),
                settings.company(),
                settings.senderName(),
                balance,
                lines,
                terms,
                options,
                payment,
                dispute,
                followUp,
                Consequences.holding(settings.consequences(), worst),
                // texts: the footer once per conversation (its first text); the AI disclosure on every message
                settings.disclosuresFor(
                        s.channel(),
                        s.channel() == Channel.EMAIL
                                || s.state().lastOutboundAt().isEmpty()),
                settings.paymentInstructions(),
                settings.phone(),
                s.citations(),
                s.text().isBlank() ? Optional.empty() : Optional.of(s.text()), // a scheduled step answers nobody
                s.today(),
                Optional.empty()));
    }

    private Optional<DraftRequest> paymentFound(Payment p) {
        return reply(
                Strategy.PAYMENT_FOUND,
                Optional.empty(),
                List.of(),
                Optional.of(new DraftRequest.PaymentSeen(p.reference(), p.receivedOn(), p.amount())),
                Optional.empty(),
                Optional.empty());
    }

    private static String snippet(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    static LocalDate businessDaysAfter(LocalDate day, int n) {
        return Policy.businessDaysAfter(day, n);
    }
}
