package dev.aragent.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CRM's end of the signed webhook, as a customer would build it: verifies the signature and the timestamp (401
 * otherwise), keeps one event per idempotency key, and can be told to fail the next requests with 503.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final Clock clock;
    private final Map<String, JsonNode> events = new LinkedHashMap<>();
    private final List<Integer> answers = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final LoopbackHttp http;

    private WebhookReceiver(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        this.http = LoopbackHttp.start(this::handle);
    }

    public static WebhookReceiver start(String secret, Clock clock) {
        return new WebhookReceiver(secret, clock);
    }

    public URI url() {
        return http.base().resolve("/ar-events");
    }

    public void failNext(int n) {
        failNext.set(n);
    }

    /** The events received, one per idempotency key, in order of first arrival. */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events.values());
    }

    /** Every status answered, in order. */
    public synchronized List<Integer> answers() {
        return List.copyOf(answers);
    }

    private synchronized LoopbackHttp.Reply handle(HttpExchange ex, String body) throws IOException {
        LoopbackHttp.Reply r = answer(ex, body);
        answers.add(r.status());
        return r;
    }

    private LoopbackHttp.Reply answer(HttpExchange ex, String body) throws IOException {
        var h = ex.getRequestHeaders();
        if (!signed(h.getFirst("X-AR-Timestamp"), body, h.getFirst("X-AR-Signature"))) {
            return LoopbackHttp.Reply.text(401, "bad signature");
        }
        if (failNext.get() > 0) {
            failNext.decrementAndGet();
            return LoopbackHttp.Reply.text(503, "try later");
        }
        String key = h.getFirst("Idempotency-Key");
        if (key == null) {
            return LoopbackHttp.Reply.text(400, "Idempotency-Key missing");
        }
        events.putIfAbsent(key, JSON.readTree(body));
        return LoopbackHttp.Reply.text(200, "ok");
    }

    /**
     * The check the README tells a receiver to make: {@code X-AR-Signature} is {@code v1=} + hex(HMAC-SHA256(secret,
     * "v1:" + X-AR-Timestamp + ":" + body)), the timestamp within five minutes of now, compared in constant time.
     */
    private boolean signed(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null || !timestamp.strip().matches("\\d{1,12}")) {
            return false;
        }
        long ts = Long.parseLong(timestamp.strip());
        if (Math.abs(clock.instant().getEpochSecond() - ts) > 300) {
            return false;
        }
        String expected = "v1=" + HexFormat.of().formatHex(Wire.hmac("HmacSHA256", secret, "v1:" + ts + ":" + body));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        http.close();
    }
}
