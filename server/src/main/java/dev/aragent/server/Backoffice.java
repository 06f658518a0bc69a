package dev.aragent.server;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.ApprovalDesk;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.StaffRelay;
import dev.aragent.agent.approval.Verdict;
import dev.aragent.agent.conversation.Collector;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.Outgoing;
import dev.aragent.agent.conversation.SmsDesk;
import dev.aragent.agent.conversation.SmsSettings;
import dev.aragent.agent.crm.CrmDispatcher;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.channels.SlackApprovalGateway;
import dev.aragent.channels.TwilioWebhooks;
import dev.aragent.store.PostgresApprovalBook;
import dev.aragent.store.PostgresCrmOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The people-facing side wired together: approvals (desk, Slack cards, notices), SMS (desk, Twilio sender, webhook
 * signatures) and CRM write-back (outbox dispatcher, HubSpot or webhook sink), each present when configured. {@link
 * #pump} does one round of the background work: lapse old approvals, show staff what is new, send texts, deliver CRM
 * events.
 */
public final class Backoffice {

    private final App app;
    private final MailDesk mailDesk;
    private final Collector collector;
    private final ApprovalDesk approvals;
    private final PostgresApprovalBook book;
    private final Optional<SmsDesk> sms;
    private final Optional<TwilioWebhooks> twilio;
    private final Optional<SlackApprovalGateway> slack;
    private final Optional<StaffRelay> relay;
    private final Optional<CrmDispatcher> crm;
    private final PostgresCrmOutbox crmOutbox;
    private final ChannelsConfig channels;
    private final dev.aragent.agent.spi.VoiceJournal voiceJournal;
    private final Optional<dev.aragent.agent.spi.VoiceCaller> caller;

    private final java.time.Clock clock;
    private final TenantId tenant;
    private final Optional<Speech> speech;
    private final dev.aragent.agent.spi.CallTasks callTasks;
    private final dev.aragent.agent.voice.CallDesk calls;
    private final dev.aragent.agent.approval.ApprovalCards cards;
    private final dev.aragent.agent.app.BackgroundWork work;

    /** Our own speech services, for calls over Media Streams. */
    public record Speech(dev.aragent.agent.spi.SpeechToText stt, dev.aragent.agent.spi.TextToSpeech tts) {}

    private Backoffice(App app, TenantConfig site, MailDesk mail, Collector collector, java.time.Clock clock) {
        ChannelsConfig c = site.channels();
        this.clock = clock;
        this.tenant = site.tenant();
        this.app = app;
        this.mailDesk = mail;
        this.collector = collector;
        this.book = app.approvalBook();
        this.crmOutbox = app.crmOutbox();
        this.channels = c;
        this.voiceJournal = app.voiceJournal();
        this.caller = c.twilio().map(App::voiceCaller);
        this.sms = c.twilio()
                .map(t -> SmsDesk.create(
                        app.smsJournal(clock),
                        App.smsSender(t),
                        collector,
                        clock,
                        new SmsSettings(
                                mail.settings().company(),
                                t.number(),
                                site.agent().defaultZone())));
        this.twilio = c.twilio().map(App::twilioWebhooks);
        this.approvals =
                ApprovalDesk.create(book, app.mailJournal(), collector, this::replies, clock, c.approvalsExpireAfter());
        this.slack = c.slack()
                .map(s -> App.slack(s, new SlackApprovalGateway.Decisions() {
                    @Override
                    public Outcome decide(UUID approval, String slackUser, Verdict verdict) {
                        return app.access()
                                .slack(tenant(), slackUser)
                                .map(who -> Backoffice.this.decide(who, approval, verdict))
                                .orElseGet(() -> new Outcome.Refused(
                                        Outcome.Kind.NOT_ALLOWED,
                                        "Your Slack user (" + slackUser + ") is not anyone in ar-agent. An admin adds"
                                                + " you with: ar-agent users add EMAIL --role ar_manager --slack "
                                                + slackUser));
                    }

                    @Override
                    public Optional<Approval> find(UUID approval) {
                        return approvals.find(tenant(), approval);
                    }
                }));
        this.cards = dev.aragent.agent.approval.ApprovalCards.create(
                app.ledger(),
                app.contactLog(),
                app.mailJournal(),
                site.agent().policies(),
                app::riskModel,
                collector,
                c.approvalsExpireAfter(),
                clock);
        this.relay = slack.map(g -> StaffRelay.create(book, g, this::card, clock));
        this.crm = c.crm().map(x -> CrmDispatcher.create(crmOutbox, App.crmSink(x, clock), clock));
        this.callTasks = app.callTasks();
        this.calls = dev.aragent.agent.voice.CallDesk.create(
                app.ledger(),
                voiceJournal,
                callTasks,
                book,
                caller,
                c.twilio().map(ChannelsConfig.Twilio::number),
                c.publicUrl(),
                app::queueRules,
                mail.settings().company(),
                c.transferNumber(),
                clock);
        this.speech = App.offlineSpeech(c.voicePath() == ChannelsConfig.VoicePath.MEDIA);
        this.work = dev.aragent.agent.app.BackgroundWork.create(approvals, relay, mail, sms, crm, calls);
    }

    /** The speech services for Media Streams calls, when installed. */
    public Optional<Speech> speech() {
        return speech;
    }

    /** Whether calls connect over Media Streams (our speech) rather than ConversationRelay (Twilio's). */
    public boolean mediaStreams() {
        return channels.voicePath() == ChannelsConfig.VoicePath.MEDIA;
    }

    /** Where a transferred call goes: the AR manager's number. */
    public Optional<String> transferNumber() {
        return channels.transferNumber();
    }

    /**
     * The service's own tenant's back office: {@code mail} words and threads email replies; {@code collector} is the
     * brain every channel shares.
     */
    public static Backoffice create(App app, MailDesk mail, Collector collector) {
        return create(app, app.settings().served().getFirst(), mail, collector);
    }

    /** The back office of one tenant the service hosts, on its own channels. */
    public static Backoffice create(App app, TenantConfig tenant, MailDesk mail, Collector collector) {
        return new Backoffice(app, tenant, mail, collector, app.clock());
    }

    /** A back office on other channels and clock than the app's settings (the demo's loopback world, virtual time). */
    public static Backoffice create(
            App app, MailDesk mail, Collector collector, ChannelsConfig channels, java.time.Clock clock) {
        Settings s = app.settings();
        return new Backoffice(app, new TenantConfig(s.tenant(), s.mail(), s.agent(), channels), mail, collector, clock);
    }

    public java.time.Clock clock() {
        return clock;
    }

    /** The tenant this back office serves. */
    public TenantId tenant() {
        return tenant;
    }

    /** The brain its channels share. */
    public Collector collector() {
        return collector;
    }

    public App app() {
        return app;
    }

    private List<Outgoing> replies(
            TenantId tenant,
            dev.aragent.agent.conversation.ConversationId c,
            Channel channel,
            dev.aragent.agent.conversation.TurnRecord turn) {
        if (channel == Channel.SMS) {
            return sms.orElseThrow(() -> new IllegalStateException("an SMS conversation, but Twilio is not configured"))
                    .replies(tenant, c, turn);
        }
        return new ArrayList<>(mailDesk.inThread(tenant, c, turn));
    }

    /** Decides an approval and shows the result in Slack at once (when Slack is configured). */
    public Outcome decide(dev.aragent.agent.access.Principal who, UUID approval, Verdict verdict) {
        Outcome o = approvals.decide(who, approval, verdict);
        relay.ifPresent(r -> r.relay(who.tenant()));
        return o;
    }

    public ApprovalDesk approvals() {
        return approvals;
    }

    public PostgresApprovalBook book() {
        return book;
    }

    public Optional<SmsDesk> sms() {
        return sms;
    }

    public Optional<TwilioWebhooks> twilio() {
        return twilio;
    }

    /** The Twilio account its texts and calls go through, when configured. */
    public Optional<String> twilioAccount() {
        return channels.twilio().map(ChannelsConfig.Twilio::accountSid);
    }

    public Optional<SlackApprovalGateway> slack() {
        return slack;
    }

    public PostgresCrmOutbox crmOutbox() {
        return crmOutbox;
    }

    /** The scheduled step of every conversation ({@link dev.aragent.agent.app.BackgroundWork#followUps}). */
    public int followUps(TenantId tenant) {
        return work.followUps(tenant);
    }

    /**
     * Where ConversationRelay calls get their sessions: the call's custom parameter {@code conversation} names the
     * conversation it continues; the brief says whom to ask for and what is open. A transfer is told to staff.
     */
    public dev.aragent.voicebridge.VoiceCalls voiceCalls() {
        return new dev.aragent.voicebridge.VoiceCalls() {
            @Override
            public Optional<dev.aragent.agent.voice.VoiceSession> open(
                    String callSid, java.util.Map<String, String> p) {
                // only a call we placed, and only its first stream: a replayed upgrade gets no session
                return brief(p.getOrDefault("conversation", ""))
                        .filter(b -> voiceJournal.openStream(tenant(), callSid, b.conversation(), clock.instant()))
                        .map(b -> dev.aragent.agent.voice.VoiceSession.start(
                                tenant(), callSid, b, collector, voiceJournal, clock));
            }

            @Override
            public void transferred(String callSid, String to, String summary) {
                book.notice(
                        tenant(),
                        "call_transfer",
                        callSid,
                        "Call " + callSid + " is being transferred to " + to + ": " + summary,
                        clock.instant());
                relay.ifPresent(r -> r.relay(tenant()));
            }
        };
    }

    /** Calls the customer of a conversation ({@link dev.aragent.agent.voice.CallDesk#call}). */
    public dev.aragent.agent.spi.VoiceCaller.Result call(
            dev.aragent.agent.conversation.ConversationId conversation, java.net.URI base) {
        return calls.call(tenant, conversation, base);
    }

    /** The queue decided to call an account ({@link dev.aragent.agent.voice.CallDesk#callAbout}). */
    public dev.aragent.agent.spi.VoiceCaller.Result callAbout(
            dev.aragent.agent.ledger.CustomerKey customer, List<String> invoices) {
        return calls.callAbout(tenant, customer, invoices);
    }

    /** Whether this installation can place calls (Twilio and a public URL configured). */
    public boolean places() {
        return calls.places();
    }

    public dev.aragent.agent.spi.VoiceJournal voiceJournal() {
        return voiceJournal;
    }

    /** Whether {@code conversation} names a conversation of this tenant. */
    public boolean knownConversation(String conversation) {
        return calls.known(tenant, conversation);
    }

    /** What a call about {@code conversation} must know ({@link dev.aragent.agent.voice.CallDesk#brief}). */
    public Optional<dev.aragent.agent.voice.CallBrief> brief(String conversation) {
        return calls.brief(tenant, conversation);
    }

    /** Only Twilio opens the voice WebSocket: its signature over the URL it called (ws/wss), as for webhooks. */
    public dev.aragent.voicebridge.UpgradeGate voiceGate() {
        return (pathAndQuery, headers) -> twilio.isPresent()
                && dev.aragent.voicebridge.UpgradeGate.signature(headers)
                        .map(sig -> twilio.get()
                                .valid(
                                        channels.publicUrl()
                                                .map(u -> u.toString()
                                                                .replaceFirst("^http", "ws")
                                                                .replaceFirst("/$", "")
                                                        + pathAndQuery)
                                                .orElseGet(() -> "ws://"
                                                        + headers.first(io.helidon.http.HeaderNames.HOST)
                                                                .orElse("localhost")
                                                        + pathAndQuery),
                                        List.of(),
                                        sig))
                        .orElse(false);
    }

    /** One round of the background work ({@link dev.aragent.agent.app.BackgroundWork#round}). */
    public dev.aragent.agent.app.BackgroundWork.Round pump(TenantId tenant) {
        return work.round(tenant);
    }

    /** Places the calls conversations asked for ({@link dev.aragent.agent.voice.CallDesk#callsDue}). */
    public int callsDue(TenantId tenant) {
        return calls.callsDue(tenant);
    }

    /** What a person sees to decide {@code a} ({@link dev.aragent.agent.approval.ApprovalCards}). */
    public ApprovalCard card(TenantId tenant, Approval a) {
        return cards.card(tenant, a);
    }
}
