package dev.aragent.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.channels.SlackApprovalGateway;
import dev.aragent.loopback.DemoClock;
import dev.aragent.loopback.FakeSlack;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.HttpAnswer;
import dev.aragent.loopback.RelayCaller;
import dev.aragent.loopback.SlackUser;
import dev.aragent.mailbox.ImapInbox;
import dev.aragent.mailbox.SmtpSender;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.MailConfig;
import dev.aragent.server.Offices;
import dev.aragent.server.Settings;
import dev.aragent.server.Tenancy;
import dev.aragent.server.TenantConfig;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.server.http.WebService;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One service, two tenants, each with its own Twilio account and number and its own Slack app: every text, click and
 * call stream reaches the tenant whose channel it arrived on, and never the other, whatever the request says. The
 * back offices are started as {@code serve} starts them ({@link ServeCommand#openOffices}).
 */
class TenantChannelsIT {
    static final String ACCOUNT_B = "AC00000000000000000000000000000002";
    static final String TOKEN_B = "twilio-test-auth-token-of-b";
    static final String OURS_B = "+15005550007";
    static final String SECRET_B = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    static final String BOT_B = "xoxb-2-test";

    @TempDir
    Path dir;

    DemoClock clock;
    FakeTwilio twilioA;
    FakeTwilio twilioB;
    FakeSlack slackA;
    FakeSlack slackB;
    App app;
    Offices offices;
    WebServer server;
    TenantId a;
    TenantId b;
    AtomicBoolean stopping = new AtomicBoolean();
    String said;
    GreenMail mail;

    static final String AR_A = "ar@northwind.example";
    static final String AR_B = "ar@contoso.example";

    /** A tenant's mailbox on the loopback mail server. */
    MailConfig mailbox(String address, String name, String company) {
        return new MailConfig(
                new MailSettings(address, name, company),
                new ImapInbox.Config("127.0.0.1", mail.getImap().getPort(), address, "secret", "INBOX", false, true),
                new SmtpSender.Config("127.0.0.1", mail.getSmtp().getPort(), "", "", false));
    }

    @BeforeEach
    void start() {
        clock = new DemoClock(Clock.fixed(ChannelsIT.START, ZoneOffset.UTC));
        mail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        mail.setUser(AR_A, AR_A, "secret");
        mail.setUser(AR_B, AR_B, "secret");
        twilioA = FakeTwilio.start(ChannelsIT.ACCOUNT, ChannelsIT.AUTH_TOKEN, clock);
        twilioB = FakeTwilio.start(ACCOUNT_B, TOKEN_B, clock);
        slackA = FakeSlack.start(ChannelsIT.BOT);
        slackB = FakeSlack.start(BOT_B);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        a = TenantId.of("ta-" + suffix);
        b = TenantId.of("tb-" + suffix);
        Settings base = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", a.value()))
                .withDataDir(dir);
        Settings settings = base.withMail(mailbox(AR_A, "Dana at Northwind AR", "Northwind Wholesale"))
                .withChannels(ChannelsConfig.none()
                        .withSlack(new SlackApprovalGateway.Settings(
                                ChannelsIT.BOT, ChannelsIT.SIGNING_SECRET, "#ar-approvals", slackA.apiUrlPrefix()))
                        .withTwilio(new ChannelsConfig.Twilio(
                                ChannelsIT.ACCOUNT,
                                ChannelsIT.AUTH_TOKEN,
                                ChannelsIT.OURS,
                                Optional.of(twilioA.apiBase()))))
                .withTenant(new TenantConfig(
                        b,
                        Optional.of(mailbox(AR_B, "Bea at Contoso AR", "Contoso Supply")),
                        base.agent(),
                        ChannelsConfig.none()
                                .withSlack(new SlackApprovalGateway.Settings(
                                        BOT_B, SECRET_B, "#ar-approvals", slackB.apiUrlPrefix()))
                                .withTwilio(new ChannelsConfig.Twilio(
                                        ACCOUNT_B, TOKEN_B, OURS_B, Optional.of(twilioB.apiBase())))));
        app = App.with(settings, clock, TestDatabase.fresh());
        Book.seed(app, a);
        Book.seed(app, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        offices = ServeCommand.openOffices(app, false, stopping, new PrintStream(out, true, StandardCharsets.UTF_8));
        said = out.toString(StandardCharsets.UTF_8);
        server = WebService.start(
                app, offices, "127.0.0.1", 0, Duration.ZERO, dev.aragent.voicebridge.MediaStreams.Options.defaults());
        twilioA.webhook(url("/webhooks/twilio/conversations"));
        twilioB.webhook(url("/webhooks/twilio/conversations"));
        app.access()
                .enroll(
                        "dana@northwind.example",
                        "Dana Reyes",
                        Role.AR_MANAGER,
                        a,
                        Optional.of("U0DANA"),
                        Optional.empty(),
                        "test");
        app.access()
                .enroll(
                        "bea@contoso.example",
                        "Bea Lindqvist",
                        Role.AR_MANAGER,
                        b,
                        Optional.of("U0BEA"),
                        Optional.empty(),
                        "test");
    }

    @AfterEach
    void stop() {
        stopping.set(true);
        server.stop();
        twilioA.close();
        twilioB.close();
        slackA.close();
        slackB.close();
        app.close();
        mail.stop();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    Tenancy office(TenantId t) {
        return offices.of(t).orElseThrow();
    }

    int rows(TenantId t, String sql) {
        return Book.one(app, t, sql, Integer.class);
    }

    /** B's first text to the debtor about C-1's two invoices, from B's number. */
    ConversationId remindInB(String text) {
        return office(b)
                .office()
                .sms()
                .orElseThrow()
                .remind(b, CustomerKey.of("C-1"), ChannelsIT.PHONE, List.of("INV-1041", "INV-1042"), text);
    }

    /** B's first text, the debtor's low offer and refusal: an approval for B's AR manager. */
    void negotiateInB() {
        remindInB("Blue Fern Bistro: invoices INV-1041 and INV-1042 ($4,250.00) are past due.");
        office(b).office().pump(b);
        clock.advance(Duration.ofMinutes(7));
        assertThat(twilioB.debtorTexts(ChannelsIT.PHONE, OURS_B, "We can only do $100 a month for the next year."))
                .isEqualTo(200);
        office(b).office().pump(b);
        clock.advance(Duration.ofMinutes(4));
        assertThat(twilioB.debtorTexts(ChannelsIT.PHONE, OURS_B, "No, that is too much for us right now, we can't."))
                .isEqualTo(200);
        office(b).office().pump(b);
    }

    @Test
    void everyTenantGetsItsOwnBackOfficeOnItsOwnChannels() {
        assertThat(offices.all()).extracting(Tenancy::tenant).containsExactly(a, b);
        assertThat(said)
                .contains("tenant '" + a + "': approvals in Slack #ar-approvals; SMS from " + ChannelsIT.OURS)
                .contains("tenant '" + b + "': approvals in Slack #ar-approvals; SMS from " + OURS_B);
    }

    @Test
    void anEmailIsReadByTheTenantWhoseMailboxItWasSentTo() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom("maria@bluefern.example");
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, AR_B);
        m.setSubject("Our invoices");
        m.setText("Hello, we will pay INV-1041 next Friday.");
        Transport.send(m);
        String inbound = "select count(*) from messages where tenant_id = :t and channel = 'email'"
                + " and direction = 'inbound'";
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rows(b, inbound) == 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(rows(b, inbound)).isEqualTo(1);
        assertThat(rows(a, inbound)).isZero();
        assertThat(said)
                .contains("tenant '" + a + "': watching mailbox")
                .contains("tenant '" + b + "': watching mailbox")
                .contains("sending from " + AR_B);
    }

    @Test
    void aTextReachesTheTenantWhoseTwilioAccountSignedIt() {
        negotiateInB();
        // the debtor's texts were B's, answered from B's number; A heard nothing and sent nothing
        assertThat(
                        rows(
                                b,
                                "select count(*) from messages where tenant_id = :t and channel = 'sms' and direction = 'inbound'"))
                .isEqualTo(2);
        assertThat(rows(a, "select count(*) from messages where tenant_id = :t and channel = 'sms'"))
                .isZero();
        assertThat(twilioB.textsTo(ChannelsIT.PHONE)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(twilioA.texts()).isEmpty();
    }

    @Test
    void aTwilioEventSignedByOneTenantButNamingAnothersAccountOrByNobodyIsRefused() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("EventType", "onMessageAdded");
        f.put("AccountSid", ACCOUNT_B);
        f.put("ConversationSid", "CH00000000000000000000000000000009");
        f.put("MessageSid", "IM00000000000000000000000000000009");
        f.put("Author", ChannelsIT.PHONE);
        f.put("Body", "We paid everything, stop writing.");
        f.put("DateCreated", clock.instant().toString());
        URI hook = url("/webhooks/twilio/conversations");
        // signed with A's token while claiming B's account: neither A's (wrong account) nor B's (wrong signature)
        HttpAnswer crossed =
                twilioA.post(hook, f, Optional.of(FakeTwilio.sign(ChannelsIT.AUTH_TOKEN, hook.toString(), f)));
        assertThat(crossed.status()).isEqualTo(401);
        HttpAnswer nobody =
                twilioA.post(hook, f, Optional.of(FakeTwilio.sign("a-token-of-nobody", hook.toString(), f)));
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(rows(a, "select count(*) from messages where tenant_id = :t and channel = 'sms'"))
                .isZero();
        assertThat(rows(b, "select count(*) from messages where tenant_id = :t and channel = 'sms'"))
                .isZero();
    }

    @Test
    void anApprovalIsShownInItsTenantsSlackAndDecidedOnlyThroughIt() {
        negotiateInB();
        clock.advance(Duration.ofMinutes(30));
        SlackUser bea = new SlackUser(slackB, url("/webhooks/slack/interactions"), SECRET_B, "U0BEA", "bea");
        SlackUser dana =
                new SlackUser(slackA, url("/webhooks/slack/interactions"), ChannelsIT.SIGNING_SECRET, "U0DANA", "dana");
        List<String> pending = bea.pendingApprovals();
        assertThat(pending).hasSize(1);
        assertThat(slackA.messages()).isEmpty();

        // Dana (A's AR manager, in A's Slack app) clicks B's approval: A's back office has no such approval
        HttpAnswer foreign = dana.click("ar_approve", pending.getFirst());
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(Book.one(app, b, "select status from approvals where tenant_id = :t", String.class))
                .isEqualTo("pending");

        // Bea's click, through B's app, decides it as Bea
        assertThat(bea.click("ar_approve", pending.getFirst()).status()).isEqualTo(200);
        assertThat(Book.one(
                        app, b, "select status || ' ' || decided_by from approvals where tenant_id = :t", String.class))
                .isEqualTo("approved bea@contoso.example (Bea Lindqvist, AR manager) via Slack U0BEA");
        assertThat(rows(a, "select count(*) from approvals where tenant_id = :t"))
                .isZero();
    }

    @Test
    void aVoiceStreamOpensOnlyForTheTenantWhoseAccountSignedItsUpgrade() throws Exception {
        ConversationId conversation = remindInB("Blue Fern Bistro: two invoices are past due.");
        office(b).office().voiceJournal().started(b, "CA_OF_B", conversation, ChannelsIT.PHONE, clock.instant());
        URI relay = URI.create("ws://127.0.0.1:" + server.port() + "/voice/relay");
        // signed by A's account: A placed no such call, so the stream ends without a session
        try (RelayCaller wrong = RelayCaller.connect(relay, ChannelsIT.AUTH_TOKEN)) {
            wrong.setup(
                    "CA_OF_B",
                    OURS_B,
                    ChannelsIT.PHONE,
                    Map.of("conversation", conversation.value().toString()));
            assertThat(wrong.next().path("type").asText()).isEqualTo("end");
        }
        assertThat(rows(b, "select count(*) from calls where tenant_id = :t and stream_opened_at is not null"))
                .isZero();
        try (RelayCaller right = RelayCaller.connect(relay, TOKEN_B)) {
            right.setup(
                    "CA_OF_B",
                    OURS_B,
                    ChannelsIT.PHONE,
                    Map.of("conversation", conversation.value().toString()));
            right.next();
            assertThat(right.reply()).isNotBlank();
        }
        assertThat(rows(b, "select count(*) from calls where tenant_id = :t and stream_opened_at is not null"))
                .isEqualTo(1);
    }
}
