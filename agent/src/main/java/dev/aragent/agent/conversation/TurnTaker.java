package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.drafting.Guardrails;
import dev.aragent.agent.drafting.PayLinking;
import dev.aragent.agent.grounding.DocType;
import dev.aragent.agent.grounding.Document;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Standing;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.agent.spi.Ledger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's brain for one inbound message on any channel: read it, ground it in the account, let the playbook and
 * the policy engine decide, have the reply worded, and check the wording. An LLM draft that fails the guardrails is
 * replaced by the template's (and the refusal recorded); a template draft that fails is not sent at all: a person
 * reviews the turn.
 */
public final class TurnTaker {
    private static final Logger LOG = LoggerFactory.getLogger(TurnTaker.class);
    private static final int CITATIONS = 3;

    /**
     * Finds an account's passages relevant to a message, and remembers the conversation's messages so later turns can
     * cite them; {@link #none()} when no index is configured.
     */
    @FunctionalInterface
    public interface Retrieval {
        List<Passage> passages(TenantId tenant, CustomerKey customer, String text);

        /** Indexes a message of the conversation (inbound or sent); by default nothing is kept. */
        default void remember(Document message) {}

        static Retrieval none() {
            return (t, c, x) -> List.of();
        }
    }

    private final Ledger ledger;
    private final IntentReader reader;
    private final Negotiator negotiator;
    private final Drafter drafter;
    private final Drafter templates;
    private final Guardrails guardrails;
    private final Retrieval retrieval;
    private final ZoneId defaultZone;
    private final AccountHolds holds;
    private final PayLinking payLinks;

    private TurnTaker(
            Ledger ledger,
            IntentReader reader,
            Negotiator negotiator,
            Drafter drafter,
            Drafter templates,
            Guardrails guardrails,
            Retrieval retrieval,
            ZoneId defaultZone,
            AccountHolds holds,
            PayLinking payLinks) {
        this.holds = holds;
        this.payLinks = payLinks;
        this.ledger = ledger;
        this.reader = reader;
        this.negotiator = negotiator;
        this.drafter = drafter;
        this.templates = templates;
        this.guardrails = guardrails;
        this.retrieval = retrieval;
        this.defaultZone = defaultZone;
    }

    /**
     * {@code drafter} words replies; {@code templates} is the deterministic drafter it falls back to (the same object
     * when no LLM is configured).
     */
    public static TurnTaker create(
            Ledger ledger,
            IntentReader reader,
            Negotiator negotiator,
            Drafter drafter,
            Drafter templates,
            Guardrails guardrails,
            Retrieval retrieval,
            ZoneId defaultZone) {
        return new TurnTaker(
                ledger,
                reader,
                negotiator,
                drafter,
                templates,
                guardrails,
                retrieval,
                defaultZone,
                AccountHolds.none(),
                PayLinking.none());
    }

    /** This brain, answering nothing on an account a person took over ({@code holds}): a reply becomes their task. */
    public TurnTaker withHolds(AccountHolds holds) {
        return new TurnTaker(
                ledger, reader, negotiator, drafter, templates, guardrails, retrieval, defaultZone, holds, payLinks);
    }

    /** This brain, putting a pay-now link on every message that asks for money ({@code payLinks}). */
    public TurnTaker withPayLinks(PayLinking payLinks) {
        return new TurnTaker(
                ledger, reader, negotiator, drafter, templates, guardrails, retrieval, defaultZone, holds, payLinks);
    }

    /** Decides one message of a conversation; writes nothing (the caller commits the record with the message). */
    public TurnRecord handle(
            TenantId tenant,
            ConversationState state,
            String text,
            Channel channel,
            Optional<String> senderName,
            Instant at) {
        Customer customer = customer(tenant, state);
        ZoneId zone = customer.timeZone().orElse(defaultZone);
        Understanding reading = reader.read(new IncomingText(text, at, zone));
        List<Passage> citations = citations(tenant, customer.key(), text);
        Negotiator.Situation situation =
                situation(tenant, customer, state, reading, text, channel, senderName, at, citations);
        Turn turn = holds.hold(tenant, customer.key())
                .filter(h -> h.kind() == Hold.Kind.TAKEN_OVER)
                .map(h -> negotiator.takenOver(situation, h.by()))
                .orElseGet(() -> negotiator.handle(situation));
        TurnRecord record = record(tenant, customer.key(), turn, citations);
        LocalDate day = at.atZone(zone).toLocalDate();
        String who = senderName.orElse("the debtor");
        String key = state.id().toString().substring(0, 8) + "-" + at.getEpochSecond();
        remember(new Document(
                tenant,
                customer.key(),
                DocType.MESSAGE,
                key + "-in",
                day,
                channel.code() + " from " + who + " on " + day + ": "
                        + text.strip().replaceAll("\\s+", " ")));
        record.replyText()
                .ifPresent(reply -> remember(new Document(
                        tenant,
                        customer.key(),
                        DocType.MESSAGE,
                        key + "-out",
                        day,
                        "our " + channel.code() + " reply on " + day + " ("
                                + record.strategy().map(s -> s.code()).orElse("") + "): "
                                + reply.strip().replaceAll("\\s+", " "))));
        return record;
    }

    /**
     * The scheduled step for a conversation with no new message (promise dates, unanswered messages); empty when
     * nothing is due, or while a person holds the account. Writes nothing.
     */
    public Optional<TurnRecord> followUp(
            TenantId tenant, ConversationState state, Channel channel, Optional<String> contactName, Instant at) {
        return followUp(tenant, state, channel, contactName, at, () -> {});
    }

    /**
     * As {@link #followUp(TenantId, ConversationState, Channel, Optional, Instant)}; when nothing is due because the
     * debtor answered the unanswered messages by paying ({@link Negotiator#answeredByPaying}), {@code answered} runs (the
     * desk takes the conversation off the follow-ups). One about invoices not yet due ({@link Negotiator#notYetDue})
     * stays on them, its messages still unanswered: the nudge goes once something it is about is late.
     */
    public Optional<TurnRecord> followUp(
            TenantId tenant,
            ConversationState state,
            Channel channel,
            Optional<String> contactName,
            Instant at,
            Runnable answered) {
        Customer customer = customer(tenant, state);
        if (holds.hold(tenant, customer.key()).isPresent()) {
            return Optional.empty(); // paused or taken over: no scheduled step goes out until the hold ends
        }
        Negotiator.Situation s =
                situation(tenant, customer, state, noMessage("schedule"), "", channel, contactName, at, List.of());
        Optional<TurnRecord> turn = negotiator.followUp(s, at).map(t -> record(tenant, customer.key(), t, List.of()));
        if (turn.isEmpty() && state.unanswered() > 0 && Negotiator.answeredByPaying(s)) {
            answered.run();
        }
        return turn;
    }

    /**
     * Carries out a person's approval of {@code terms} (as requested or edited), worded by the drafter or in the
     * person's own words, which must pass the same guardrails. {@code debtorAsked}: the terms are the debtor's own
     * proposal (then they are agreed; otherwise they are offered). Writes nothing.
     */
    public Ruling approved(
            TenantId tenant,
            ConversationState state,
            Terms terms,
            String by,
            boolean debtorAsked,
            Optional<String> ownWords,
            Instant at) {
        Customer customer = customer(tenant, state);
        Negotiator.Situation s = situation(
                tenant, customer, state, noMessage("approval"), "", state.channel(), Optional.empty(), at, List.of());
        Ruling ruling = negotiator.approved(s, terms, by, debtorAsked);
        if (!(ruling instanceof Ruling.Carried carried)) {
            return ruling;
        }
        Turn turn = carried.record().turn();
        DraftRequest request = turn.reply().orElseThrow();
        if (ownWords.isEmpty() || ownWords.get().isBlank()) {
            return new Ruling.Carried(word(tenant, customer.key(), turn, request, List.of()));
        }
        Guardrails.Result check = guardrails.check(ownWords.get(), request);
        if (!check.passed()) {
            return new Ruling.Refused(Ruling.Reason.WORDING, check.violations());
        }
        return new Ruling.Carried(
                new TurnRecord(turn, Optional.of(ownWords.get().strip()), "person", List.of(), List.of(), List.of()));
    }

    /** A refused or expired approval: the agent's own best offer, or a colleague's call. Writes nothing. */
    public TurnRecord refused(
            TenantId tenant, ConversationState state, Optional<Terms> fallback, String why, Instant at) {
        Customer customer = customer(tenant, state);
        Negotiator.Situation s = situation(
                tenant, customer, state, noMessage("approval"), "", state.channel(), Optional.empty(), at, List.of());
        return record(tenant, customer.key(), negotiator.refused(s, fallback, why), List.of());
    }

    /** The name on file for the contact at {@code address} (an email address or a phone): whom a follow-up greets. */
    public Optional<String> contactName(TenantId tenant, CustomerKey customer, Optional<String> address) {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String a = address.get();
        return ledger.customer(tenant, customer).stream()
                .flatMap(c -> c.contacts().stream())
                .filter(k -> k.email().map(e -> e.equalsIgnoreCase(a)).orElse(false)
                        || k.phone().map(a::equals).orElse(false))
                .map(dev.aragent.agent.ledger.Contact::name)
                .filter(n -> !n.isBlank())
                .findFirst();
    }

    /** The reading of a turn no debtor message started (a schedule, a person's decision). */
    private static Understanding noMessage(String source) {
        return Understanding.only(Intent.OTHER, 0, source);
    }

    private Customer customer(TenantId tenant, ConversationState state) {
        return ledger.customer(tenant, state.customer())
                .orElseThrow(() -> new IllegalStateException("conversation " + state.id() + " names customer "
                        + state.customer() + ", who is not in the book"));
    }

    private Negotiator.Situation situation(
            TenantId tenant,
            Customer customer,
            ConversationState state,
            Understanding reading,
            String text,
            Channel channel,
            Optional<String> name,
            Instant at,
            List<Passage> citations) {
        Ledger.AccountFile file = ledger.accountFile(tenant, customer.key());
        // every turn is about the account as it stands: its open balance, not the invoices the conversation began with
        // (a dispute may also name an invoice already paused)
        List<Invoice> open = reading.intent() == Intent.DISPUTE
                ? Standing.of(file.invoices(), java.util.Set.of(), java.util.Currency.getInstance("USD"))
                        .invoices()
                : ledger.standing(tenant, customer.key()).invoices();
        ZoneId zone = customer.timeZone().orElse(defaultZone);
        return new Negotiator.Situation(
                customer,
                state,
                open,
                file.payments(),
                reading,
                text,
                channel,
                name.map(n -> n.strip().split("\\s+")[0]).orElse(""),
                at.atZone(zone).toLocalDate(),
                citations);
    }

    private TurnRecord record(TenantId tenant, CustomerKey customer, Turn turn, List<Passage> citations) {
        if (turn.reply().isEmpty()) {
            return new TurnRecord(turn, Optional.empty(), "none", List.of(), List.of(), citations);
        }
        return word(tenant, customer, turn, turn.reply().get(), citations);
    }

    /**
     * The words of a queue outreach's first message (see {@link Negotiator#opening}), checked by the guardrails; empty
     * when no draft passes them (the caller leaves the action to a person).
     */
    public Optional<String> opening(
            TenantId tenant,
            Customer customer,
            String greetingName,
            List<Invoice> invoices,
            boolean offerOptions,
            CadenceStep step,
            Channel channel,
            LocalDate today) {
        Standing standing = ledger.standing(tenant, customer.key());
        if (standing.settled()) {
            return Optional.empty();
        }
        java.util.Set<String> open =
                standing.invoices().stream().map(Invoice::number).collect(java.util.stream.Collectors.toSet());
        List<Invoice> about =
                invoices.stream().filter(i -> open.contains(i.number())).toList();
        Checked c = checked(payLinks.carry(
                tenant,
                customer.key(),
                negotiator.opening(
                        customer,
                        greetingName,
                        about.isEmpty() ? standing.invoices() : about,
                        standing.total(),
                        offerOptions,
                        step,
                        channel,
                        today)));
        return c.check().passed() ? Optional.of(c.draft().text()) : Optional.empty();
    }

    /** A draft, the guardrails' verdict on it, and what the guardrails refused from the configured drafter first. */
    private record Checked(Draft draft, Guardrails.Result check, List<String> rejected) {}

    private Checked checked(DraftRequest request) {
        List<String> rejected = List.of();
        Draft draft = attempt(drafter, request);
        Guardrails.Result check = guardrails.check(draft.text(), request);
        if (!check.passed() && drafter != templates) {
            rejected = check.violations();
            LOG.atWarn()
                    .addKeyValue("drafter", draft.drafter())
                    .addKeyValue("violations", rejected)
                    .log("draft refused by the guardrails; using the template");
            draft = templates.draft(request);
            check = guardrails.check(draft.text(), request);
        }
        return new Checked(draft, check, rejected);
    }

    private TurnRecord word(
            TenantId tenant, CustomerKey customer, Turn decided, DraftRequest asked, List<Passage> citations) {
        // the link is part of what the reply may say: the turn keeps the request it was worded from
        DraftRequest request = payLinks.carry(tenant, customer, asked);
        Turn turn = request == asked
                ? decided
                : new Turn(
                        decided.stage(),
                        decided.reading(),
                        decided.decision(),
                        Optional.of(request),
                        decided.effects(),
                        decided.disposition(),
                        decided.policyVersion());
        Checked checked = checked(request);
        Draft draft = checked.draft();
        Guardrails.Result check = checked.check();
        List<String> rejected = checked.rejected();
        if (!check.passed()) {
            List<Effect> effects = new ArrayList<>(turn.effects());
            effects.add(new Effect.Task(
                    Effect.TaskKind.HUMAN_REVIEW,
                    "no reply sent: the draft failed the guardrails: " + String.join("; ", check.violations()),
                    Optional.of(request.today())));
            Turn held = new Turn(
                    turn.stage(),
                    turn.reading(),
                    turn.decision(),
                    turn.reply(),
                    effects,
                    turn.disposition(),
                    turn.policyVersion());
            return new TurnRecord(held, Optional.empty(), draft.drafter(), check.violations(), rejected, citations);
        }
        return new TurnRecord(turn, Optional.of(draft.text()), draft.drafter(), List.of(), rejected, citations);
    }

    /** A drafter that throws (an LLM endpoint down, malformed output) counts as a refused draft. */
    private Draft attempt(Drafter d, DraftRequest request) {
        try {
            return d.draft(request);
        } catch (RuntimeException e) {
            if (d == templates) {
                throw e;
            }
            LOG.atWarn().addKeyValue("error", e.toString()).log("drafter failed; using the template");
            return new Draft("", "failed:" + e.getClass().getSimpleName());
        }
    }

    /** The index is derived data: a message it misses is indexed again when the account is. */
    private void remember(Document d) {
        try {
            retrieval.remember(d);
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("could not index the message");
        }
    }

    private List<Passage> citations(TenantId tenant, CustomerKey customer, String text) {
        try {
            return retrieval.passages(tenant, customer, text).stream()
                    .limit(CITATIONS)
                    .toList();
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("retrieval failed; answering without citations");
            return List.of();
        }
    }
}
