package dev.aragent.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.spi.PayLinksContract;
import dev.aragent.loopback.FakeStripe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stripe's signed webhook as the loopback Stripe delivers it, read with stripe-java's {@code Webhook.constructEvent}
 * on our clock: a paid link is a payment; a forged signature, another endpoint's secret or an event signed outside the
 * replay window is refused; an event of another kind is ignored.
 */
class StripeWebhooksTest {
    private static final String KEY = "sk_test_hooks";
    private static final String SECRET = "whsec_hooks";
    private static final Instant NOW = Instant.parse("2026-10-05T09:00:00Z");

    private FakeStripe stripe;
    private HttpServer endpoint;
    private final List<StripeWebhooks.Read> reads = new ArrayList<>();
    private final StripeWebhooks webhooks = StripeWebhooks.create(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() throws IOException {
        stripe = FakeStripe.start(KEY, SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/webhooks/stripe", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                StripeWebhooks.Read read = webhooks.read(
                        body,
                        Optional.ofNullable(ex.getRequestHeaders().getFirst("Stripe-Signature"))
                                .orElse(""));
                synchronized (reads) {
                    reads.add(read);
                }
                ex.sendResponseHeaders(read instanceof StripeWebhooks.Read.Refused ? 400 : 200, -1);
            }
        });
        endpoint.start();
        stripe.deliverTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe"));
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
        stripe.close();
    }

    private PayLink link() {
        return StripePayLinks.create(KEY, Optional.of(stripe.base()))
                .create(PayLinksContract.TENANT, PayLinksContract.order(44000, "INV-2001"), NOW);
    }

    @Test
    void aPaidLinkShouldReadAsItsPaymentAndTheLinkTakeNoSecond() {
        PayLink link = link();

        FakeStripe.Delivery d = stripe.pay(link.id()).orElseThrow();

        assertThat(d.status()).isEqualTo(200);
        assertThat(reads).singleElement().isInstanceOfSatisfying(StripeWebhooks.Read.Payment.class, p -> {
            assertThat(p.paid().eventId()).isEqualTo(d.eventId());
            assertThat(p.paid().linkId()).isEqualTo(link.id());
            assertThat(p.paid().paymentReference()).startsWith("pi_");
            assertThat(p.paid().amount()).isEqualTo(Money.of(44000, "USD"));
            assertThat(p.paid().paidAt()).isEqualTo(NOW);
        });
        assertThat(stripe.pay(link.id())).isEmpty();
    }

    @Test
    void aForgedOrReplayedEventShouldBeRefused() {
        PayLink link = link();
        String id = stripe.pay(link.id()).orElseThrow().eventId();
        String body = stripe.event(id).orElseThrow();

        assertThat(stripe.deliver(id, body, NOW.getEpochSecond(), "whsec_someone_else")
                        .status())
                .isEqualTo(400);
        assertThat(stripe.deliver(id, body.replace("44000", "4400000"), body, NOW.getEpochSecond(), SECRET)
                        .status())
                .isEqualTo(400);
        assertThat(stripe.deliver(id, body, NOW.minusSeconds(301).getEpochSecond(), SECRET)
                        .status())
                .isEqualTo(400);
        assertThat(stripe.deliver(id, body, NOW.minusSeconds(60).getEpochSecond(), SECRET)
                        .status())
                .isEqualTo(200);
        assertThat(reads.subList(1, 4)).allMatch(r -> r instanceof StripeWebhooks.Read.Refused);
        assertThat(webhooks.read("not json", "t=1,v1=00")).isInstanceOf(StripeWebhooks.Read.Refused.class);
    }

    @Test
    void anotherKindOfEventShouldBeIgnored() {
        String body = "{\"id\":\"evt_9\",\"object\":\"event\",\"api_version\":\"" + FakeStripe.API_VERSION
                + "\",\"created\":" + NOW.getEpochSecond()
                + ",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";

        assertThat(stripe.deliver("evt_9", body, NOW.getEpochSecond(), SECRET).status())
                .isEqualTo(200);
        assertThat(reads)
                .singleElement()
                .isInstanceOfSatisfying(
                        StripeWebhooks.Read.Ignored.class,
                        i -> assertThat(i.why()).isEqualTo("customer.created"));
    }
}
