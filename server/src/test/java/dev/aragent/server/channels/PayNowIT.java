package dev.aragent.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.loopback.DemoClock;
import dev.aragent.loopback.FakeStripe;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.Settings;
import dev.aragent.server.Tenancy;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pay now, end to end over real sockets: the service on an embedded PostgreSQL with Stripe's API and Twilio's as
 * loopback fakes driven by stripe-java and the Twilio SDK. A reminder and a confirmed promise carry a payment link for
 * exactly what they ask; the debtor pays on Stripe's page; Stripe's signed event applies the payment once however often
 * it is delivered, the link goes inactive, and a forged or replayed event changes nothing.
 */
class PayNowIT {
    static final String PHONE = "+15555550100";
    static final String OURS = "+15005550006";
    static final String ACCOUNT = "AC00000000000000000000000000000002";
    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String STRIPE_KEY = "sk_test_paynow";
    static final String STRIPE_SECRET = "whsec_paynow";
    /** Monday 2 November 2026, 09:00 in Chicago (the debtor's zone). */
    static final Instant START = Instant.parse("2026-11-02T15:00:00Z");

    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/pay/plink_\\w+");

    @TempDir
    Path dir;

    DemoClock clock;
    FakeTwilio twilio;
    FakeStripe stripe;
    App app;
    Tenancy office;
    WebServer server;
    TenantId tenant;

    @BeforeEach
    void start() {
        clock = new DemoClock(Clock.fixed(START, ZoneOffset.UTC));
        twilio = FakeTwilio.start(ACCOUNT, AUTH_TOKEN, clock);
        stripe = FakeStripe.start(STRIPE_KEY, STRIPE_SECRET, clock);
        tenant = TenantId.of("pn-" + UUID.randomUUID().toString().substring(0, 8));
        ChannelsConfig channels = ChannelsConfig.none()
                .withTwilio(new ChannelsConfig.Twilio(ACCOUNT, AUTH_TOKEN, OURS, Optional.of(twilio.apiBase())))
                .withStripe(new ChannelsConfig.Stripe(STRIPE_KEY, STRIPE_SECRET, Optional.of(stripe.base())));
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", tenant.value()))
                .withDataDir(dir)
                .withChannels(channels);
        app = App.with(settings, clock, TestDatabase.fresh());
        Book.seed(app, tenant);
        office = app.tenancy(app.replyDesk(), app.turnTaker(app.identity()));
        server = ServeCommand.start(app, Optional.of(office), "127.0.0.1", 0);
        twilio.webhook(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/twilio/conversations"));
        stripe.deliverTo(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/stripe"));
    }

    @AfterEach
    void stop() {
        server.stop();
        twilio.close();
        stripe.close();
        app.close();
    }

    /** Our first text about both invoices, sent, and five minutes for the debtor to read it. */
    private void remindedByText() {
        office.office()
                .sms()
                .orElseThrow()
                .remind(
                        tenant,
                        CustomerKey.of("C-1"),
                        PHONE,
                        List.of("INV-1041", "INV-1042"),
                        "Blue Fern Bistro: invoices INV-1041 and INV-1042 are past due.");
        office.office().pump(tenant);
        clock.advance(Duration.ofMinutes(5));
    }

    /** The queue's reminder email about every open invoice, as the agent words it. */
    private String reminderEmail() {
        Customer customer = app.ledger().customer(tenant, CustomerKey.of("C-1")).orElseThrow();
        return office.office()
                .turnTaker()
                .opening(
                        tenant,
                        customer,
                        "Jo",
                        app.ledger().invoices(tenant, InvoiceStatus.OPEN),
                        false,
                        CadenceStep.PLUS_7,
                        Channel.EMAIL,
                        LocalDate.of(2026, 11, 2))
                .orElseThrow();
    }

    /** The day's bank file: Blue Fern's transfer of INV-1041 in full. */
    private dev.aragent.agent.app.CashDesk.Taken paidByBank(String day, String reference) {
        return app.takeBankFile(
                tenant,
                "bank-" + day + ".csv",
                ("date,amount,currency,name,account,text,reference\n" + day
                                + ",1250.00,USD,BLUE FERN BISTRO,US0099,Payment INV-1041," + reference + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "test");
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a payment link in: " + text).isTrue();
        return m.group();
    }

    private long one(String sql) {
        return Book.one(app, tenant, sql, Long.class);
    }

    @Test
    void aReminderCarriesALinkForWhatItAsksAndAPaymentThroughItIsAppliedOnce() {
        String reminder = reminderEmail();
        String url = link(reminder);
        assertThat(reminder).contains("Pay $4,250.00 online now by card or bank transfer: " + url);
        FakeStripe.Link atStripe = stripe.byUrl(url).orElseThrow();
        assertThat(atStripe.amount()).isEqualTo(425_000);
        assertThat(atStripe.product()).isEqualTo("Invoices INV-1041, INV-1042 — Blue Fern Bistro");
        assertThat(atStripe.metadata()).containsEntry("ar_tenant", tenant.value());

        // the same reminder again, a retry: the same link
        String again = reminderEmail();
        assertThat(link(again)).isEqualTo(url);
        assertThat(stripe.linksCreated()).isEqualTo(1);

        clock.advance(Duration.ofHours(3));
        FakeStripe.Delivery paid = stripe.pay(atStripe.id()).orElseThrow();

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body()).contains("paid INV-1041 (1250.00), INV-1042 (3000.00)");
        assertThat(app.ledger().invoices(tenant, InvoiceStatus.OPEN)).isEmpty();
        assertThat(one("select count(*) from payments where tenant_id = :t and method = 'pay-now link'"))
                .isEqualTo(1);
        assertThat(one("select count(*) from bank_lines where tenant_id = :t and state = 'applied'"
                        + " and closed_by = 'agent:cash'"))
                .isEqualTo(1);
        assertThat(one("select count(*) from pay_links where tenant_id = :t and active"))
                .isZero();
        assertThat(stripe.link(atStripe.id()).orElseThrow().active()).isFalse();
        assertThat(app.cashDesk(tenant).tally(tenant).count("link"))
                .as("the Cash page's pay-now figure")
                .isEqualTo(1);

        // Stripe delivers the event again: applied before, nothing twice
        FakeStripe.Delivery redelivered = stripe.redeliver(paid.eventId());
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.body()).contains("applied before");
        assertThat(one("select count(*) from payments where tenant_id = :t")).isEqualTo(1);

        // forged (another secret), replayed (signed ten minutes ago): refused, nothing changes
        String body = stripe.event(paid.eventId()).orElseThrow();
        assertThat(stripe.deliver("evt_forged", body, clock.instant().getEpochSecond(), "whsec_attacker")
                        .status())
                .isEqualTo(400);
        assertThat(stripe.deliver(
                                paid.eventId(),
                                body,
                                clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond(),
                                STRIPE_SECRET)
                        .status())
                .isEqualTo(400);
        assertThat(one("select count(*) from payments where tenant_id = :t")).isEqualTo(1);
        assertThat(one("select count(*) from bank_lines where tenant_id = :t")).isEqualTo(1);
    }

    @Test
    void aPromiseConfirmedByTextCarriesALinkForThePromisedAmountAndPayingItKeepsThePromise() {
        remindedByText();
        assertThat(twilio.debtorTexts(PHONE, OURS, "Thanks, we'll pay the full balance on Friday."))
                .isEqualTo(200);
        office.office().pump(tenant);
        String confirmation = twilio.textsTo(PHONE).getLast().body();
        assertThat(confirmation).contains("Noted").contains("Pay the $4,250.00 online: ");
        String url = link(confirmation);

        clock.advance(Duration.ofDays(2));
        assertThat(stripe.pay(stripe.byUrl(url).orElseThrow().id())
                        .orElseThrow()
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(5)); // the Monday after Friday: the promise is looked at
        office.office().followUps(tenant);
        office.office().pump(tenant);

        assertThat(Book.one(app, tenant, "select status from promises where tenant_id = :t", String.class))
                .isEqualTo("kept");
        assertThat(app.ledger().invoices(tenant, InvoiceStatus.OPEN)).isEmpty();
        assertThat(twilio.textsTo(PHONE).stream().map(FakeTwilio.Text::body))
                .noneMatch(t -> t.contains("have not received"));
    }

    @Test
    void askingForOurBankDetailsBecomesATaskToSendThemAndTheAnswerCarriesTheLink() {
        remindedByText();
        assertThat(twilio.debtorTexts(PHONE, OURS, "Can you send us your bank details so we can wire it?"))
                .isEqualTo(200);
        office.office().pump(tenant);

        assertThat(one("select count(*) from tasks where tenant_id = :t and kind = 'send_payment_details'"))
                .isEqualTo(1);
        assertThat(link(twilio.textsTo(PHONE).getLast().body())).contains("/pay/plink_");
    }

    @Test
    void aBankPaymentOfADisputedInvoiceInFullResolvesItsDispute() {
        remindedByText();
        assertThat(twilio.debtorTexts(PHONE, OURS, "We dispute INV-1041: half the cases arrived damaged."))
                .isEqualTo(200);
        office.office().pump(tenant);
        assertThat(one("select count(*) from disputes where tenant_id = :t and status = 'open'"))
                .isEqualTo(1);
        assertThat(app.ledger().pausedInvoices(tenant)).containsExactly("INV-1041");

        clock.advance(Duration.ofDays(3)); // billing credited nothing; the customer paid the invoice after all
        var taken = paidByBank("2026-11-05", "TRX-77");

        assertThat(taken.applied()).isEqualTo(1);
        assertThat(one("select count(*) from disputes where tenant_id = :t and status = 'resolved'"
                        + " and resolved_at is not null"))
                .isEqualTo(1);
        assertThat(app.ledger().pausedInvoices(tenant)).isEmpty();
        assertThat(one("select count(*) from audit_log where tenant_id = :t and action = 'dispute.resolved'"))
                .isEqualTo(1);
    }

    @Test
    void aLinkThatAsksMoreThanIsOwedAfterABankPaymentIsRetiredBeforeItCanBePaid() {
        String url = link(reminderEmail());
        String id = stripe.byUrl(url).orElseThrow().id();

        var taken = paidByBank("2026-11-03", "TRX-78");

        assertThat(taken.applied()).isEqualTo(1);
        assertThat(stripe.link(id).orElseThrow().active())
                .as("the $4,250.00 link at Stripe")
                .isFalse();
        assertThat(one("select count(*) from pay_links where tenant_id = :t and active"))
                .isZero();
        assertThat(stripe.pay(id))
                .as("the debtor opens the old link: it takes nothing")
                .isEmpty();
    }
}
