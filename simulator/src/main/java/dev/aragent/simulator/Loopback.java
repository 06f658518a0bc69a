package dev.aragent.simulator;

import dev.aragent.agent.app.PayNow;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.channels.SlackApprovalGateway;
import dev.aragent.loopback.FakeSlack;
import dev.aragent.loopback.FakeStripe;
import dev.aragent.loopback.FakeTwilio;
import dev.aragent.loopback.HttpAnswer;
import dev.aragent.loopback.RelayCaller;
import dev.aragent.loopback.SlackUser;
import dev.aragent.server.App;
import dev.aragent.server.ChannelsConfig;
import dev.aragent.server.Tenancy;
import dev.aragent.server.http.WebService;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent arm's world beyond email: a loopback Twilio (texts over the Conversations API, calls over the Calls API
 * and ConversationRelay) and a loopback Slack workspace (the AR manager's approvals), both driven through the
 * service's real endpoints — signed webhooks, the voice WebSocket, Slack interactions — as {@code serve} runs them;
 * and a loopback Stripe, whose pay-now links the messages carry and whose signed events report what debtors pay.
 */
final class Loopback implements AutoCloseable {
    static final String OUR_NUMBER = "+15005550006";
    private static final Pattern CONVERSATION = Pattern.compile("name=\"conversation\" value=\"([0-9a-f-]{36})\"");

    /** How a call the agent placed went for the debtor. */
    enum Call {
        NOT_ANSWERED,
        /** Answered, and the service hung up: the account was paid since the call was placed. */
        NOTHING_OWED,
        TALKED,
        PROMISED
    }

    private final FakeTwilio twilio;
    private final FakeSlack slack;
    private final PayDesk pay;
    private final WebServer server;
    private final SlackUser manager;
    private final Tenancy office;
    private final URI base;
    private final String authToken;
    private int textsSeen;
    private int callsSeen;

    private Loopback(
            FakeTwilio twilio,
            FakeSlack slack,
            PayDesk pay,
            WebServer server,
            SlackUser manager,
            Tenancy office,
            URI base,
            String authToken) {
        this.twilio = twilio;
        this.slack = slack;
        this.pay = pay;
        this.server = server;
        this.manager = manager;
        this.office = office;
        this.base = base;
        this.authToken = authToken;
    }

    /**
     * The agent arm's Stripe account on loopback, made before its brain so that every message can carry a pay-now
     * link: the fake's API, the account's keys, and the links put on what messages ask.
     */
    record PayDesk(FakeStripe stripe, ChannelsConfig.Stripe config, PayNow payNow) implements AutoCloseable {
        static PayDesk start(App app, TenantId tenant, Clock clock) {
            String key = "sk_test_" + secret();
            String signing = "whsec_" + secret();
            FakeStripe stripe = FakeStripe.start(key, signing, clock);
            ChannelsConfig.Stripe config = new ChannelsConfig.Stripe(key, signing, Optional.of(stripe.base()));
            return new PayDesk(stripe, config, app.payNow(tenant, config, clock));
        }

        /** The brain that words {@code identity}'s messages, each asking for money carrying its link. */
        TurnTaker brain(App app, MailSettings identity) {
            return app.turnTaker(identity).withPayLinks(payNow);
        }

        @Override
        public void close() {
            stripe.close();
        }
    }

    /**
     * Starts Twilio, Slack and the service on loopback, with {@code pay}'s Stripe; the back office texts, calls, asks
     * for approvals and hears of payments through links.
     */
    static Loopback start(App app, MailDesk mail, TurnTaker turnTaker, Clock clock, PayDesk pay) {
        String secret = secret();
        String bot = "xoxb-sim-" + secret();
        String account = "AC" + secret();
        String token = secret();
        FakeSlack slack = FakeSlack.start(bot);
        FakeTwilio twilio = FakeTwilio.start(account, token, clock);
        try {
            int port = freePort();
            URI base = URI.create("http://127.0.0.1:" + port);
            ChannelsConfig channels = ChannelsConfig.none()
                    .withSlack(new SlackApprovalGateway.Settings(bot, secret, "#ar-approvals", slack.apiUrlPrefix()))
                    .withTwilio(new ChannelsConfig.Twilio(account, token, OUR_NUMBER, Optional.of(twilio.apiBase())))
                    .withStripe(pay.config())
                    .withPublicUrl(base);
            Tenancy office = app.tenancy(mail, turnTaker, channels, clock);
            WebServer server = WebService.start(app, Optional.of(office), "127.0.0.1", port);
            twilio.webhook(base.resolve("/webhooks/twilio/conversations"));
            pay.stripe().deliverTo(base.resolve("/webhooks/stripe"));
            // the simulated AR manager decides in Slack as a person of the tenant, with the controller's limits
            app.access()
                    .enroll(
                            "sim-manager@ar-agent.invalid",
                            "Simulated AR manager",
                            dev.aragent.agent.access.Role.CONTROLLER,
                            office.tenant(),
                            Optional.of("U0SIM"),
                            Optional.empty(),
                            "simulation");
            SlackUser manager =
                    new SlackUser(slack, base.resolve("/webhooks/slack/interactions"), secret, "U0SIM", "sim-manager");
            return new Loopback(twilio, slack, pay, server, manager, office, base, token);
        } catch (RuntimeException e) {
            twilio.close();
            slack.close();
            throw e;
        }
    }

    Tenancy office() {
        return office;
    }

    /** Pay now on the arm's Stripe account: its links retired when a bank file paid what they ask. */
    PayNow payNow() {
        return pay.payNow();
    }

    /** Texts our number sent since the last look, each with the phone it went to. */
    List<Map.Entry<String, String>> newTexts() {
        List<FakeTwilio.Text> all = twilio.texts();
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (FakeTwilio.Text t : all.subList(textsSeen, all.size())) {
            Optional<String> to = twilio.phoneOf(t.conversationSid());
            if (to.isPresent() && !t.author().equals(to.get())) {
                out.add(Map.entry(to.get(), t.body()));
            }
        }
        textsSeen = all.size();
        return out;
    }

    /**
     * A debtor pays through the link a message gave them, when one asks exactly {@code minor} of its account: Stripe's
     * page takes the card and its signed event reaches the service. False when no such link is live.
     */
    boolean payByLink(CustomerKey customer, long minor) {
        Optional<FakeStripe.Link> link = pay.stripe().links().stream()
                .filter(l -> l.active()
                        && l.amount() == minor
                        && customer.value().equals(l.metadata().get("ar_customer")))
                .reduce((first, later) -> later);
        if (link.isEmpty()) {
            return false;
        }
        FakeStripe.Delivery d = pay.stripe().pay(link.get().id()).orElseThrow();
        if (d.status() / 100 != 2) {
            throw new IllegalStateException(
                    "the service answered Stripe's event with HTTP " + d.status() + ": " + d.body());
        }
        return true;
    }

    /** A debtor texts our number (a signed webhook to the service). */
    void text(String phone, String body) {
        int status = twilio.debtorTexts(phone, OUR_NUMBER, body);
        if (status / 100 != 2) {
            throw new IllegalStateException("the service answered a debtor's text with HTTP " + status);
        }
    }

    /** Calls the agent placed since the last look. */
    List<FakeTwilio.PlacedCall> newCalls() {
        List<FakeTwilio.PlacedCall> all = twilio.calls();
        List<FakeTwilio.PlacedCall> out = List.copyOf(all.subList(callsSeen, all.size()));
        callsSeen = all.size();
        return out;
    }

    /**
     * The debtor's side of a placed call: nobody picks up, or a person answers and says {@code lines} over
     * ConversationRelay, confirming a promise the agent reads back; the call then completes as Twilio reports it.
     */
    Call answer(FakeTwilio.PlacedCall call, boolean picksUp, List<String> lines) throws InterruptedException {
        if (!picksUp) {
            twilio.status(call, "no-answer");
            return Call.NOT_ANSWERED;
        }
        HttpAnswer twiml = twilio.answer(call, "human");
        Matcher m = CONVERSATION.matcher(twiml.body());
        if (!m.find() && twiml.body().contains("<Hangup/>")) {
            twilio.status(call, "completed"); // paid since the call was placed: the service hung up
            return Call.NOTHING_OWED;
        }
        if (!m.find(0)) {
            throw new IllegalStateException("the call's TwiML did not connect ConversationRelay: " + twiml.body());
        }
        Call outcome = Call.TALKED;
        URI relay = URI.create(base.toString().replaceFirst("^http", "ws") + "/voice/relay");
        try (RelayCaller voice = RelayCaller.connect(relay, authToken)) {
            voice.setup(call.sid(), call.from(), call.to(), Map.of("conversation", m.group(1)));
            voice.next(); // the language
            Optional<String> said = voice.replyOrEnd();
            List<String> words = new ArrayList<>(lines);
            while (said.isPresent() && !words.isEmpty()) {
                said = voice.sayOrEnd(words.removeFirst());
                if (said.isPresent() && said.get().endsWith("is that right?")) {
                    said = voice.sayOrEnd("Yes, that's right.");
                    outcome = Call.PROMISED;
                }
            }
        }
        twilio.status(call, "completed");
        return outcome;
    }

    /** The AR manager decides an approval in Slack: approve, or reject with a reason in the modal. */
    void decide(UUID approval, boolean approve) {
        String id = approval.toString();
        if (approve) {
            answered(manager.click("ar_approve", id));
        } else {
            answered(manager.click("ar_reject", id));
            answered(manager.submit(id, Map.of("reason", "we need a larger first payment")));
        }
    }

    private static void answered(HttpAnswer a) {
        if (a.status() != 200) {
            throw new IllegalStateException("Slack's interaction endpoint answered " + a.status() + ": " + a.body());
        }
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        twilio.close();
        slack.close();
    }
}
