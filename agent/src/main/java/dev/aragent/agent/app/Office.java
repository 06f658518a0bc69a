package dev.aragent.agent.app;

import dev.aragent.agent.access.Access;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.ApprovalCards;
import dev.aragent.agent.approval.ApprovalDesk;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.StaffRelay;
import dev.aragent.agent.approval.Verdict;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.SmsDesk;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.crm.CrmDispatcher;
import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.spi.ApprovalBook;
import dev.aragent.agent.spi.ApprovalGateway;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.agent.spi.VoiceJournal;
import dev.aragent.agent.voice.CallBrief;
import dev.aragent.agent.voice.CallDesk;
import dev.aragent.agent.voice.VoiceSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tenant's AR office, as the outside world reaches it (the application layer's entry for a tenant): an approval
 * decided by a person (from the console, the CLI or a chat), a call's session opened or handed to a person, the calls
 * placed, and the background round. It holds the desks of each channel, present when the channel is configured, and
 * the ports they write to; the server creates one per tenant it hosts and calls nothing else.
 */
public final class Office {
    private final TenantId tenant;
    private final Clock clock;
    private final MailDesk mail;
    private final Optional<SmsDesk> sms;
    private final TurnTaker turnTaker;
    private final ApprovalDesk approvals;
    private final ApprovalCards cards;
    private final Optional<StaffRelay> relay;
    private final Optional<ApprovalGateway> gateway;
    private final CallDesk calls;
    private final VoiceJournal voiceJournal;
    private final dev.aragent.agent.conversation.Remitted remitted;
    private final StaffFeed staff;
    private final Access access;
    private final BackgroundWork work;

    /** The ports and desks an office is made of; the chat gateway is made with the office's own decisions. */
    public record Parts(
            TenantId tenant,
            Clock clock,
            MailDesk mail,
            Optional<SmsDesk> sms,
            TurnTaker turnTaker,
            ApprovalBook approvalBook,
            StaffFeed staff,
            MailJournal mailJournal,
            ApprovalCards cards,
            Optional<Function<ApprovalDecisions, ? extends ApprovalGateway>> gateway,
            Optional<CrmDispatcher> crm,
            CallDesk calls,
            VoiceJournal voiceJournal,
            Access access,
            Duration approvalsExpireAfter,
            dev.aragent.agent.conversation.Remitted remitted) {}

    private Office(Parts p) {
        this.tenant = p.tenant();
        this.clock = p.clock();
        this.mail = p.mail();
        this.sms = p.sms();
        this.turnTaker = p.turnTaker();
        this.cards = p.cards();
        this.calls = p.calls();
        this.voiceJournal = p.voiceJournal();
        this.remitted = p.remitted();
        this.staff = p.staff();
        this.access = p.access();
        this.approvals = ApprovalDesk.create(
                p.approvalBook(), p.mailJournal(), turnTaker, this::replies, clock, p.approvalsExpireAfter());
        this.gateway = p.gateway().map(g -> g.apply(decisions()));
        this.relay = gateway.map(g -> StaffRelay.create(staff, g, this::card, clock));
        this.work = BackgroundWork.create(approvals, relay, mail, sms, p.crm(), calls);
    }

    public static Office create(Parts parts) {
        return new Office(parts);
    }

    public TenantId tenant() {
        return tenant;
    }

    public Clock clock() {
        return clock;
    }

    /** The brain every channel of the office shares. */
    public TurnTaker turnTaker() {
        return turnTaker;
    }

    public ApprovalDesk approvals() {
        return approvals;
    }

    public Optional<SmsDesk> sms() {
        return sms;
    }

    /** The chat gateway approvals are shown in, when one is configured. */
    public Optional<ApprovalGateway> gateway() {
        return gateway;
    }

    public VoiceJournal voiceJournal() {
        return voiceJournal;
    }

    /** Decides an approval as {@code who} and shows the result in the chat at once (when one is configured). */
    public Outcome decide(Principal who, UUID approval, Verdict verdict) {
        Outcome o = approvals.decide(who, approval, verdict);
        relay.ifPresent(r -> r.relay(who.tenant()));
        return o;
    }

    /**
     * Decides the approval {@code id} from a form's or a request's {@code fields} ({@link Verdict#of}), as {@code who}:
     * refused as not found for an id that names none of the tenant's approvals, as invalid for fields that make no
     * decision.
     */
    public Outcome decide(Principal who, String id, Map<String, String> fields) {
        Optional<Approval> a = find(who.tenant(), id);
        if (a.isEmpty()) {
            return new Outcome.Refused(Outcome.Kind.NOT_FOUND, "There is no approval " + id + ".");
        }
        Verdict verdict;
        try {
            verdict = Verdict.of(a.get(), fields, who.actor());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused(Outcome.Kind.INVALID, e.getMessage());
        }
        return decide(who, a.get().id(), verdict);
    }

    /** The tenant's approval {@code id} names, or empty when it names none (or is no id at all). */
    public Optional<Approval> find(TenantId tenant, String id) {
        try {
            return approvals.find(tenant, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decisions from the chat: taken as the person the chat user is mapped to, refused for anyone else. */
    public ApprovalDecisions decisions() {
        return new ApprovalDecisions() {
            @Override
            public Outcome decide(UUID approval, String slackUser, Verdict verdict) {
                return access.slack(tenant, slackUser)
                        .map(who -> Office.this.decide(who, approval, verdict))
                        .orElseGet(() -> new Outcome.Refused(
                                Outcome.Kind.NOT_ALLOWED,
                                "Your Slack user (" + slackUser + ") is not anyone in ar-agent. An admin adds"
                                        + " you with: ar-agent users add EMAIL --role ar_manager --slack "
                                        + slackUser));
            }

            @Override
            public Optional<Approval> find(UUID approval) {
                return approvals.find(tenant, approval);
            }
        };
    }

    /** What a person sees to decide {@code a} ({@link ApprovalCards}). */
    public ApprovalCard card(TenantId tenant, Approval a) {
        return cards.card(tenant, a);
    }

    /** The messages an approved turn sends, in the channel its conversation is on. */
    private List<Outgoing> replies(TenantId tenant, ConversationId c, Channel channel, TurnRecord turn) {
        if (channel == Channel.SMS) {
            return sms.orElseThrow(() -> new IllegalStateException("an SMS conversation, but Twilio is not configured"))
                    .replies(tenant, c, turn);
        }
        return new ArrayList<>(mail.inThread(tenant, c, turn));
    }

    /**
     * Texts the debtor on a call how to pay now: the reminder's words for the open invoices, with the pay-now link when
     * the tenant takes payments online, to the number we called. True when a text with a link was queued.
     */
    private boolean textHowToPay(dev.aragent.agent.voice.CallBrief brief) {
        if (sms.isEmpty()) {
            return false;
        }
        var state = voiceJournal.state(tenant, brief.conversation());
        var on = calls.textOnCall(tenant, state.customer());
        if (on.isEmpty()) {
            return false;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        long late = on.get().open().stream()
                .mapToLong(i -> i.daysPastDue(today))
                .max()
                .orElse(0);
        Optional<String> body = turnTaker.opening(
                tenant,
                on.get().customer(),
                brief.contactName().strip().split("\\s+")[0],
                on.get().open(),
                false,
                dev.aragent.agent.drafting.CadenceStep.at(late),
                Channel.SMS,
                today);
        if (body.isEmpty() || !body.get().contains("://")) {
            return false;
        }
        sms.get()
                .remind(
                        tenant,
                        on.get().customer().key(),
                        on.get().phone(),
                        on.get().open().stream()
                                .map(dev.aragent.agent.ledger.Invoice::number)
                                .toList(),
                        body.get());
        return true;
    }

    /**
     * Where calls get their sessions: the call's custom parameter {@code conversation} names the conversation it
     * continues, and only a call we placed opens, once (a replayed upgrade gets no session); a transfer is told to
     * staff.
     */
    public VoiceCalls voiceCalls() {
        return new VoiceCalls() {
            @Override
            public Optional<VoiceSession> open(String callSid, Map<String, String> p) {
                return brief(p.getOrDefault("conversation", ""))
                        .filter(b -> voiceJournal.openStream(tenant, callSid, b.conversation(), clock.instant()))
                        .map(b -> VoiceSession.start(tenant, callSid, b, turnTaker, voiceJournal, clock)
                                .withPayByText((t, brief) -> textHowToPay(brief))
                                .hearing(remitted));
            }

            @Override
            public void transferred(String callSid, String to, String summary) {
                staff.notice(
                        tenant,
                        "call_transfer",
                        callSid,
                        "Call " + callSid + " is being transferred to " + to + ": " + summary,
                        clock.instant());
                relay.ifPresent(r -> r.relay(tenant));
            }
        };
    }

    /** Calls the customer of a conversation ({@link CallDesk#call}). */
    public VoiceCaller.Result call(ConversationId conversation, URI base) {
        return calls.call(tenant, conversation, base);
    }

    /** The queue decided to call an account ({@link CallDesk#callAbout}). */
    public VoiceCaller.Result callAbout(CustomerKey customer, List<String> invoices) {
        return calls.callAbout(tenant, customer, invoices);
    }

    /** Whether this office can place calls (a voice provider and a public URL configured). */
    public boolean places() {
        return calls.places();
    }

    /** Whether {@code conversation} names a conversation of this tenant. */
    public boolean knownConversation(String conversation) {
        return calls.known(tenant, conversation);
    }

    /** What a call about {@code conversation} must know ({@link CallDesk#brief}). */
    public Optional<CallBrief> brief(String conversation) {
        return calls.brief(tenant, conversation);
    }

    /** Places the calls conversations asked for ({@link CallDesk#callsDue}). */
    public int callsDue(TenantId tenant) {
        return calls.callsDue(tenant);
    }

    /** One round of the background work ({@link BackgroundWork#round}). */
    public BackgroundWork.Round pump(TenantId tenant) {
        return work.round(tenant);
    }

    /** The scheduled step of every conversation ({@link BackgroundWork#followUps}). */
    public int followUps(TenantId tenant) {
        return work.followUps(tenant);
    }

    /** What sending a statement came to. */
    public sealed interface Statement {
        /** Queued to {@code to}, about {@code invoices} open invoices, in a new conversation. */
        record Sent(String to, int invoices, ConversationId conversation) implements Statement {}

        record Refused(String reason) implements Statement {}
    }

    /** The most invoices one statement lists (the rest are summed in its total). */
    static final int STATEMENT_INVOICES = 25;

    /**
     * A person sends the account a statement now: the agent's email about every open invoice (checked by the same
     * guardrails as every message), to the first contact whose email accepts mail, queued in the outbox and sent like
     * every email — an opt-out is honoured, a settled account gets nothing.
     */
    public Statement statement(Principal who, AccountRecord account, LocalDate today) {
        var contact = account.customer().contacts().stream()
                .filter(c -> c.email().isPresent() && !c.emailOptOut())
                .findFirst();
        if (contact.isEmpty()) {
            return new Statement.Refused("no contact on this account has an email that accepts mail");
        }
        List<Invoice> open = account.invoices().stream()
                .filter(Invoice::owing)
                .sorted(Comparator.comparing(Invoice::dueDate))
                .limit(STATEMENT_INVOICES)
                .toList();
        if (open.isEmpty()) {
            return new Statement.Refused("nothing is open on this account: there is no statement to send");
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(open.getFirst().dueDate(), today));
        String name = contact.get().name().isBlank() ? "" : contact.get().name().split("\\s+")[0];
        Optional<String> text = turnTaker.opening(
                who.tenant(), account.customer(), name, open, false, CadenceStep.at(days), Channel.EMAIL, today);
        if (text.isEmpty()) {
            return new Statement.Refused("no wording passed the checks every message must pass: send it by hand");
        }
        ConversationId id = mail.remind(who.tenant(), account.customer(), contact.get(), open, text.get());
        return new Statement.Sent(contact.get().email().orElseThrow(), open.size(), id);
    }
}
