package dev.aragent.loopback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback fake of Stripe, enough of it for pay-now links: {@code POST /v1/payment_links} (form-encoded with nested
 * keys, as stripe-java sends them: one line with inline {@code price_data}, metadata, a completed-sessions limit),
 * {@code GET} and {@code POST /v1/payment_links/{id}} (deactivate), idempotency keys honoured, a secret key required
 * (401 otherwise), and a hosted page per link. A customer paying a link ({@link #pay}) completes a checkout session and
 * delivers {@code checkout.session.completed} to the endpoint, signed as Stripe signs ({@code Stripe-Signature:
 * t=…,v1=HMAC-SHA256(secret, t.payload)}) at the fake's clock; the link, paid up to its limit, goes inactive.
 */
public final class FakeStripe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("/v1/payment_links(?:/(plink_\\w+))?");
    /** The API version the events say they were written in: the one stripe-java 31 pins. */
    public static final String API_VERSION = "2025-11-17.clover";

    /** One payment link as Stripe keeps it. */
    public record Link(
            String id,
            String url,
            long amount,
            String currency,
            String product,
            Map<String, String> metadata,
            long limit,
            int completed,
            boolean active) {
        Link with(int completed, boolean active) {
            return new Link(id, url, amount, currency, product, metadata, limit, completed, active);
        }
    }

    private final String secretKey;
    private final String signingSecret;
    private final Clock clock;
    private final LoopbackHttp http;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, String> idempotent = new HashMap<>();
    private final Map<String, String> events = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private volatile URI endpoint;

    private FakeStripe(String secretKey, String signingSecret, Clock clock) {
        this.secretKey = secretKey;
        this.signingSecret = signingSecret;
        this.clock = clock;
        this.http = LoopbackHttp.start(this::handle);
    }

    /** A Stripe account with this secret key, signing its webhook with {@code signingSecret}, at {@code clock}. */
    public static FakeStripe start(String secretKey, String signingSecret, Clock clock) {
        return new FakeStripe(secretKey, signingSecret, clock);
    }

    /** The API base stripe-java is pointed at. */
    public URI base() {
        return http.base();
    }

    /** Where the account's webhook endpoint is (our {@code /webhooks/stripe}). */
    public void deliverTo(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The next {@code n} API requests answer 503. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** How many links were made (an idempotent retry makes none). */
    public int linksCreated() {
        return created.get();
    }

    public synchronized List<Link> links() {
        return List.copyOf(links.values());
    }

    public synchronized Optional<Link> link(String id) {
        return Optional.ofNullable(links.get(id));
    }

    /** The link whose hosted page is at {@code url}. */
    public synchronized Optional<Link> byUrl(String url) {
        return links.values().stream().filter(l -> l.url().equals(url)).findFirst();
    }

    /**
     * The customer opens the link and pays what it asks: a checkout session completes and its event goes to the
     * endpoint. Empty, paying nothing, when the link is inactive (paid, or deactivated by its owner).
     */
    public Optional<Delivery> pay(String linkId) {
        String id;
        String body;
        synchronized (this) {
            Link l = links.get(linkId);
            if (l == null || !l.active()) {
                return Optional.empty();
            }
            int done = l.completed() + 1;
            links.put(linkId, l.with(done, l.limit() == 0 || done < l.limit()));
            int n = ids.incrementAndGet();
            id = "evt_" + n;
            ObjectNode session = JSON.createObjectNode()
                    .put("id", "cs_test_" + n)
                    .put("object", "checkout.session")
                    .put("amount_subtotal", l.amount())
                    .put("amount_total", l.amount())
                    .put("currency", l.currency())
                    .put("livemode", false)
                    .put("mode", "payment")
                    .put("payment_intent", "pi_" + n)
                    .put("payment_link", l.id())
                    .put("payment_status", "paid")
                    .put("status", "complete");
            session.set("metadata", JSON.valueToTree(l.metadata()));
            ObjectNode event = JSON.createObjectNode()
                    .put("id", id)
                    .put("object", "event")
                    .put("api_version", API_VERSION)
                    .put("created", clock.instant().getEpochSecond())
                    .put("livemode", false)
                    .put("pending_webhooks", 1)
                    .put("type", "checkout.session.completed");
            event.putObject("data").set("object", session);
            event.putObject("request").putNull("id").putNull("idempotency_key");
            body = event.toString();
            events.put(id, body);
        }
        return Optional.of(deliver(id, body, clock.instant().getEpochSecond(), signingSecret));
    }

    /** What the endpoint answered one delivery of an event. */
    public record Delivery(String eventId, int status, String body) {}

    /** Delivers an event again, as Stripe retries one it thinks was not received. */
    public Delivery redeliver(String eventId) {
        String body;
        synchronized (this) {
            body = events.get(eventId);
        }
        if (body == null) {
            throw new IllegalArgumentException("no event " + eventId);
        }
        return deliver(eventId, body, clock.instant().getEpochSecond(), signingSecret);
    }

    /** Delivers an event signed at {@code epochSeconds} with {@code secret}: a replay or a forgery, for tests. */
    public Delivery deliver(String eventId, String body, long epochSeconds, String secret) {
        return deliver(eventId, body, body, epochSeconds, secret);
    }

    /** Sends {@code sent} under the signature of {@code signed}: a body altered on the way, for tests. */
    public Delivery deliver(String eventId, String sent, String signed, long epochSeconds, String secret) {
        String body = sent;
        if (endpoint == null) {
            throw new IllegalStateException("no webhook endpoint: call deliverTo first");
        }
        String t = Long.toString(epochSeconds);
        String v1 = HexFormat.of().formatHex(Wire.hmac("HmacSHA256", secret, t + "." + signed));
        HttpAnswer a = HttpAnswer.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        return new Delivery(eventId, a.status(), a.body());
    }

    /** The last event delivered, as sent. */
    public synchronized Optional<String> event(String eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    private synchronized LoopbackHttp.Reply handle(HttpExchange ex, String body) throws java.io.IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/pay/") && ex.getRequestMethod().equals("GET")) {
            return page(path.substring("/pay/".length()));
        }
        if (!("Bearer " + secretKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, "invalid_request_error", "Invalid API Key provided");
        }
        if (failNext.get() > 0) {
            failNext.decrementAndGet();
            return error(503, "api_error", "Stripe is temporarily unavailable");
        }
        Matcher m = LINK.matcher(path);
        if (!m.matches()) {
            return error(404, "invalid_request_error", "Unrecognized request URL (" + path + ")");
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && idempotent.containsKey(key)) {
            return LoopbackHttp.Reply.json(200, idempotent.get(key));
        }
        Map<String, String> form = Wire.form(body);
        String id = m.group(1);
        LoopbackHttp.Reply reply;
        if (id == null && ex.getRequestMethod().equals("POST")) {
            reply = create(form);
        } else if (id != null && links.containsKey(id) && ex.getRequestMethod().equals("GET")) {
            reply = LoopbackHttp.Reply.json(200, json(links.get(id)));
        } else if (id != null && links.containsKey(id) && ex.getRequestMethod().equals("POST")) {
            Link l = links.get(id);
            boolean active = Boolean.parseBoolean(form.getOrDefault("active", Boolean.toString(l.active())));
            Link changed = l.with(l.completed(), active);
            links.put(id, changed);
            reply = LoopbackHttp.Reply.json(200, json(changed));
        } else if (id != null) {
            reply = error(404, "invalid_request_error", "No such payment_link: '" + id + "'");
        } else {
            reply = error(405, "invalid_request_error", "Unsupported method");
        }
        if (key != null && reply.status() == 200) {
            idempotent.put(key, reply.body());
        }
        return reply;
    }

    private LoopbackHttp.Reply create(Map<String, String> form) {
        String amount = form.get("line_items[0][price_data][unit_amount]");
        String currency = form.get("line_items[0][price_data][currency]");
        String product = form.getOrDefault("line_items[0][price_data][product_data][name]", "");
        long quantity = Long.parseLong(form.getOrDefault("line_items[0][quantity]", "1"));
        if (amount == null || currency == null || !amount.matches("\\d+") || product.isBlank()) {
            return error(
                    400,
                    "invalid_request_error",
                    "line_items[0][price_data] needs currency, unit_amount and product_data[name]");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) {
                metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
            }
        });
        String id = "plink_" + ids.incrementAndGet();
        Link l = new Link(
                id,
                base() + "/pay/" + id,
                Long.parseLong(amount) * quantity,
                currency,
                product,
                metadata,
                Long.parseLong(form.getOrDefault("restrictions[completed_sessions][limit]", "0")),
                0,
                true);
        links.put(id, l);
        created.incrementAndGet();
        return LoopbackHttp.Reply.json(200, json(l));
    }

    private LoopbackHttp.Reply page(String id) {
        Link l = links.get(id);
        if (l == null) {
            return new LoopbackHttp.Reply(404, "text/html", "<p>This link does not exist.</p>");
        }
        String html = l.active()
                ? "<h1>Pay " + l.currency().toUpperCase(java.util.Locale.ROOT) + " "
                        + java.math.BigDecimal.valueOf(l.amount(), 2).toPlainString() + "</h1><p>" + escape(l.product())
                        + "</p><form><input name=card placeholder='Card number'><button>Pay</button></form>"
                : "<p>This payment link is no longer active.</p>";
        return new LoopbackHttp.Reply(200, "text/html", html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String json(Link l) {
        ObjectNode n = JSON.createObjectNode()
                .put("id", l.id())
                .put("object", "payment_link")
                .put("active", l.active())
                .put("currency", l.currency())
                .put("livemode", false)
                .put("url", l.url());
        n.set("metadata", JSON.valueToTree(l.metadata()));
        n.putObject("restrictions")
                .putObject("completed_sessions")
                .put("count", l.completed())
                .put("limit", l.limit());
        return n.toString();
    }

    private static LoopbackHttp.Reply error(int status, String type, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("type", type).put("message", message);
        return LoopbackHttp.Reply.json(status, n.toString());
    }

    @Override
    public void close() {
        http.close();
    }
}
