package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.ContactWindow;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.Recorded;
import dev.aragent.agent.spi.SmsJournal;
import dev.aragent.agent.spi.SmsSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS desk: the same brain as email over text messages. An inbound text is stored once before it is processed;
 * STOP, UNSUBSCRIBE, CANCEL, END, QUIT (and STOPALL) opt the phone out and START opts it back in, both recorded; HELP
 * gets who we are and how to stop; anything else goes through the collector and its reply is queued. Texts leave only
 * inside the debtor's local hours ({@value #FROM}–{@value #TO}), never to an opted-out phone, at most once.
 */
public final class SmsDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SmsDesk.class);
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP");
    private static final Set<String> HELP = Set.of("HELP", "INFO");
    static final String FROM = "08:00";
    static final String TO = "21:00";
    private static final QueueRules.Window QUIET_OUTSIDE =
            new QueueRules.Window(LocalTime.parse(FROM), LocalTime.parse(TO), false);
    private static final Duration LEASE = Duration.ofMinutes(2);

    /** What became of one inbound text. */
    public sealed interface Intake {
        record Duplicate() implements Intake {}

        /** A keyword (STOP, START, HELP) handled; {@code reply} is what we answer, if anything. */
        record Keyword(String keyword, Optional<String> reply) implements Intake {}

        /** Handled by the collector in its conversation. */
        record Processed(ConversationId conversation, Optional<TurnRecord> turn) implements Intake {}

        /** Stored in triage: the phone belongs to no customer. */
        record Unmatched(String phone) implements Intake {}
    }

    private final SmsJournal journal;
    private final SmsSender sender;
    private final TurnTaker turnTaker;
    private final Clock clock;
    private final SmsSettings settings;
    private Remitted remitted = Remitted.NOBODY;

    private SmsDesk(SmsJournal journal, SmsSender sender, TurnTaker turnTaker, Clock clock, SmsSettings settings) {
        this.journal = journal;
        this.sender = sender;
        this.turnTaker = turnTaker;
        this.clock = clock;
        this.settings = settings;
    }

    public static SmsDesk create(
            SmsJournal journal, SmsSender sender, TurnTaker turnTaker, Clock clock, SmsSettings settings) {
        return new SmsDesk(journal, sender, turnTaker, clock, settings);
    }

    public String ourNumber() {
        return settings.ourNumber();
    }

    /**
     * Opens an SMS conversation with a customer's phone about past-due invoices and queues the first text in the same
     * transaction; it leaves inside the debtor's hours.
     */
    public ConversationId remind(
            TenantId tenant, CustomerKey customer, String phone, List<String> invoices, String body) {
        return journal.open(tenant, customer, phone, settings.ourNumber(), invoices, Optional.of(body));
    }

    /** This desk telling {@code remitted} what customers text about their payments ("I paid 1041 and 1043"). */
    public SmsDesk hearing(Remitted remitted) {
        this.remitted = remitted;
        return this;
    }

    /** Stores, reads and answers one inbound text. Safe to call again with the same text (a redelivered webhook). */
    public Intake receive(TenantId tenant, InboundSms sms) {
        Recorded recorded = journal.recordInbound(tenant, sms);
        if (recorded.processed()) {
            return new Intake.Duplicate();
        }
        String keyword = sms.body().strip().replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        Optional<SmsThread> thread = journal.threadFor(tenant, sms.conversationSid(), sms.from());
        if (STOP.contains(keyword) || START.contains(keyword)) {
            if (STOP.contains(keyword)) {
                journal.optOut(tenant, sms.from(), keyword, sms.at());
            } else {
                journal.optIn(tenant, sms.from(), keyword, sms.at());
            }
            journal.complete(tenant, recorded.id(), thread.map(SmsThread::conversation), Optional.empty(), List.of());
            LOG.atInfo()
                    .addKeyValue("tenant", tenant)
                    .addKeyValue("keyword", keyword)
                    .log("SMS consent recorded");
            return new Intake.Keyword(keyword, Optional.empty());
        }
        if (HELP.contains(keyword)) {
            String help = settings.company()
                    + " accounts receivable: we text about your open invoices. Reply STOP to opt out."
                    + " Msg & data rates may apply.";
            List<OutboundSms> reply = thread.map(t -> List.of(text(t, help))).orElse(List.of());
            journal.complete(tenant, recorded.id(), thread.map(SmsThread::conversation), Optional.empty(), reply);
            return new Intake.Keyword(keyword, Optional.of(help));
        }
        if (thread.isEmpty()) {
            Optional<CustomerKey> customer = journal.customerByPhone(tenant, sms.from());
            if (customer.isEmpty()) {
                journal.complete(tenant, recorded.id(), Optional.empty(), Optional.empty(), List.of());
                return new Intake.Unmatched(sms.from());
            }
            ConversationId opened =
                    journal.open(tenant, customer.get(), sms.from(), sms.to(), List.of(), Optional.empty());
            thread = Optional.of(journal.thread(tenant, opened));
        }
        SmsThread t = thread.get();
        ConversationState state = journal.state(tenant, t.conversation());
        remitted.told(tenant, state.customer(), "sms from " + sms.from(), sms.body());
        TurnRecord record = turnTaker.handle(tenant, state, sms.body(), Channel.SMS, Optional.empty(), sms.at());
        if (record.turn().reading().intent() == Intent.OPT_OUT) {
            journal.optOut(tenant, sms.from(), "opt-out in words", sms.at());
        } else if (record.turn().disposition().paymentStatus() == Disposition.PaymentStatus.WRONG_CONTACT) {
            journal.optOut(tenant, sms.from(), "wrong contact", sms.at()); // not theirs: never texted again
        }
        List<OutboundSms> replies =
                record.replyText().map(r -> List.of(text(t, r))).orElse(List.of());
        journal.complete(tenant, recorded.id(), Optional.of(t.conversation()), Optional.of(record), replies);
        return new Intake.Processed(t.conversation(), Optional.of(record));
    }

    /**
     * The scheduled step for every SMS conversation with something due (promise dates passed, texts unanswered for 48
     * hours), as for email; each turn and its text commit together. Returns the turns taken.
     */
    public List<TurnRecord> followUps(TenantId tenant) {
        Instant now = clock.instant();
        List<TurnRecord> out = new java.util.ArrayList<>();
        for (ConversationId id : journal.dueForFollowUp(tenant, now, Negotiator.RETRY_AFTER)) {
            try {
                ConversationState state = journal.state(tenant, id);
                SmsThread t = journal.thread(tenant, id);
                Optional<TurnRecord> turn = turnTaker.followUp(
                        tenant,
                        state,
                        Channel.SMS,
                        turnTaker.contactName(tenant, state.customer(), Optional.of(t.phone())),
                        now,
                        () -> journal.answered(tenant, id)); // paid without a word: off the follow-ups for now
                if (turn.isPresent()) {
                    journal.followUp(
                            tenant,
                            id,
                            turn.get(),
                            turn.get().replyText().map(r -> List.of(text(t, r))).orElse(List.of()));
                    out.add(turn.get());
                }
            } catch (RuntimeException e) {
                // one conversation that cannot be followed up must not hold up the others; the next round retries it
                LOG.atWarn()
                        .addKeyValue("tenant", tenant)
                        .addKeyValue("conversation", id)
                        .setCause(e)
                        .log("SMS follow-up failed");
            }
        }
        return out;
    }

    /** A text in a thread, from our number to the debtor. */
    public OutboundSms text(SmsThread t, String body) {
        return new OutboundSms(UUID.randomUUID(), t.conversation(), t.phone(), t.ourNumber(), body);
    }

    /** The replies of a turn decided elsewhere (an approval), as texts in the conversation's thread. */
    public List<Outgoing> replies(TenantId tenant, ConversationId conversation, TurnRecord turn) {
        SmsThread t = journal.thread(tenant, conversation);
        return turn.replyText().map(r -> List.<Outgoing>of(text(t, r))).orElse(List.of());
    }

    /**
     * Sends what the SMS outbox holds and is due: inside the debtor's hours, never to an opted-out phone; a passing
     * failure is retried. Returns how many were sent.
     */
    public int dispatch(TenantId tenant, int max) {
        Instant now = clock.instant();
        int sent = 0;
        for (OutboundSms sms : journal.claim(tenant, max, now, LEASE)) {
            SmsThread t = journal.thread(tenant, sms.conversation());
            if (journal.optedOut(tenant, sms.to())) {
                journal.failed(tenant, sms.id(), "the phone opted out of texts", now);
                continue;
            }
            Instant open = ContactWindow.next(now, t.zone().orElse(settings.defaultZone()), QUIET_OUTSIDE)
                    .toInstant();
            if (open.isAfter(now)) {
                journal.retry(tenant, sms.id(), open, "quiet hours in the debtor's time zone");
                continue;
            }
            switch (sender.send(sms, t)) {
                case SmsSender.Sent s -> {
                    journal.sent(tenant, sms.id(), s.messageSid(), s.conversationSid(), clock.instant());
                    sent++;
                }
                case SmsSender.Rejected r -> journal.failed(tenant, sms.id(), r.reason(), clock.instant());
                case SmsSender.RetryLater l ->
                    journal.retry(tenant, sms.id(), clock.instant().plus(l.after()), l.reason());
            }
        }
        return sent;
    }

    /** A delivery receipt for one of our texts. */
    public boolean delivery(TenantId tenant, String messageSid, String status, Optional<String> error) {
        return journal.delivery(tenant, messageSid, status, error, clock.instant());
    }
}
