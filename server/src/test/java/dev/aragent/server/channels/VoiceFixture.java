package dev.aragent.server.channels;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.loopback.DemoClock;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.Settings;
import dev.aragent.server.Tenancy;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service with Twilio and Stripe (loopback fakes of their REST APIs) and a sample book, serving the voice WebSockets; a
 * conversation about two of Blue Fern Bistro's invoices is open, by text, for a call to continue.
 */
abstract class VoiceFixture {
    static final String TRANSFER_TO = "+15005550199";

    @TempDir
    Path dir;

    DemoClock clock;
    FakeTwilio twilio;
    dev.aragent.loopback.FakeStripe stripe;
    App app;
    Tenancy office;
    WebServer server;
    TenantId tenant;
    ConversationId conversation;

    @BeforeEach
    void start() {
        clock = new DemoClock(Clock.fixed(ChannelsIT.START, ZoneOffset.UTC));
        twilio = FakeTwilio.start(ChannelsIT.ACCOUNT, ChannelsIT.AUTH_TOKEN, clock);
        stripe = dev.aragent.loopback.FakeStripe.start("sk_test_voice", "whsec_voice", clock);
        tenant = TenantId.of("v-" + UUID.randomUUID().toString().substring(0, 8));
        ChannelsConfig channels = ChannelsConfig.none()
                .withTwilio(new ChannelsConfig.Twilio(
                        ChannelsIT.ACCOUNT, ChannelsIT.AUTH_TOKEN, ChannelsIT.OURS, Optional.of(twilio.apiBase())))
                .withStripe(new ChannelsConfig.Stripe("sk_test_voice", "whsec_voice", Optional.of(stripe.base())))
                .withTransferNumber(TRANSFER_TO)
                .withVoicePath(path());
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", tenant.value()))
                .withDataDir(dir)
                .withChannels(channels);
        app = App.with(settings, clock, TestDatabase.fresh());
        Book.seed(app, tenant);
        office = app.tenancy(app.replyDesk(), app.turnTaker(app.identity()));
        server = ServeCommand.start(app, Optional.of(office), "127.0.0.1", 0, Duration.ofMillis(25));
        conversation = office.office()
                .sms()
                .orElseThrow()
                .remind(
                        tenant,
                        CustomerKey.of("C-1"),
                        ChannelsIT.PHONE,
                        List.of("INV-1041", "INV-1042"),
                        "Blue Fern Bistro: two invoices are past due.");
    }

    @AfterEach
    void stop() {
        server.stop();
        twilio.close();
        stripe.close();
        app.close();
    }

    /** A back office that can place calls: Twilio reaches the service at {@code base}. */
    Tenancy reachable(java.net.URI base) {
        return app.tenancy(
                app.replyDesk(),
                app.turnTaker(app.identity()),
                app.settings().channels().withPublicUrl(base),
                clock);
    }

    /** Which audio path calls take. */
    ChannelsConfig.VoicePath path() {
        return ChannelsConfig.VoicePath.RELAY;
    }

    int rows(String sql) {
        return Book.one(app, tenant, sql, Integer.class);
    }

    String value(String sql) {
        return Book.one(app, tenant, sql, String.class);
    }
}
