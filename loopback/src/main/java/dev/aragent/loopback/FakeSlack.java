package dev.aragent.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback fake of Slack's Web API, enough for approvals: {@code auth.test}, {@code chat.postMessage},
 * {@code chat.update}, {@code chat.postEphemeral} and {@code views.open}, behind a bot token, with Slack's
 * {@code {"ok": false, "error": ...}} answers. It keeps the channel as a person would see it: messages (with their
 * latest blocks), ephemeral notes and opened modals.
 */
public final class FakeSlack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CHANNEL_ID = "C0ARAPPROVE";

    /** A message in the channel, as last updated. */
    public record Posted(String ts, String text, JsonNode blocks, int updates) {}

    /** A modal opened for a person. */
    public record Modal(String triggerId, JsonNode view) {}

    private final String token;
    private final Map<String, Posted> messages = new LinkedHashMap<>();
    private final List<String> ephemeral = new ArrayList<>();
    private final List<Modal> modals = new ArrayList<>();
    private final AtomicLong ts = new AtomicLong(1_790_000_000_000_100L);
    private final LoopbackHttp http;

    private FakeSlack(String token) {
        this.token = token;
        this.http = LoopbackHttp.start(this::handle);
    }

    public static FakeSlack start(String botToken) {
        return new FakeSlack(botToken);
    }

    /** The prefix the SDK's {@code SlackConfig.setMethodsEndpointUrlPrefix} takes. */
    public String apiUrlPrefix() {
        return http.base().resolve("/api/").toString();
    }

    public URI base() {
        return http.base();
    }

    public synchronized List<Posted> messages() {
        return List.copyOf(messages.values());
    }

    public synchronized List<String> ephemeral() {
        return List.copyOf(ephemeral);
    }

    public synchronized List<Modal> modals() {
        return List.copyOf(modals);
    }

    /** The newest modal opened for an approval (its private metadata). */
    public synchronized Optional<Modal> modalFor(String approvalId) {
        for (int i = modals.size() - 1; i >= 0; i--) {
            if (modals.get(i).view().path("private_metadata").asText().equals(approvalId)) {
                return Optional.of(modals.get(i));
            }
        }
        return Optional.empty();
    }

    private synchronized LoopbackHttp.Reply handle(HttpExchange ex, String body) throws IOException {
        String method = ex.getRequestURI().getPath().replaceFirst("^/api/", "");
        String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                .orElse("");
        Map<String, String> p = params(ex, body);
        if (!auth.equals("Bearer " + token) && !token.equals(p.get("token"))) {
            return ok(false, Map.of("error", "invalid_auth"));
        }
        return switch (method) {
            case "auth.test" ->
                ok(
                        true,
                        Map.of(
                                "url",
                                "https://northwind.slack.com/",
                                "team",
                                "Northwind",
                                "user",
                                "ar-agent",
                                "team_id",
                                "T0AR",
                                "user_id",
                                "U0BOT",
                                "bot_id",
                                "B0BOT"));
            case "chat.postMessage" -> {
                String stamp = String.format("%d.%06d", ts.get() / 1_000_000, ts.getAndIncrement() % 1_000_000);
                messages.put(stamp, new Posted(stamp, p.getOrDefault("text", ""), blocks(p), 0));
                yield ok(true, Map.of("channel", CHANNEL_ID, "ts", stamp));
            }
            case "chat.update" -> {
                Posted old = messages.get(p.get("ts"));
                if (old == null || !CHANNEL_ID.equals(p.get("channel"))) {
                    yield ok(false, Map.of("error", "message_not_found"));
                }
                messages.put(old.ts(), new Posted(old.ts(), p.getOrDefault("text", ""), blocks(p), old.updates() + 1));
                yield ok(true, Map.of("channel", CHANNEL_ID, "ts", old.ts()));
            }
            case "chat.postEphemeral" -> {
                ephemeral.add(p.getOrDefault("text", ""));
                yield ok(true, Map.of("message_ts", String.format("%d.000000", ts.incrementAndGet() / 1_000_000)));
            }
            case "views.open" -> {
                JsonNode view = JSON.readTree(p.getOrDefault("view", "{}"));
                modals.add(new Modal(p.getOrDefault("trigger_id", ""), view));
                ObjectNode v = view.deepCopy();
                v.put("id", "V" + modals.size());
                yield LoopbackHttp.Reply.json(
                        200,
                        JSON.createObjectNode().put("ok", true).set("view", v).toString());
            }
            default -> ok(false, Map.of("error", "unknown_method"));
        };
    }

    private static Map<String, String> params(HttpExchange ex, String body) throws IOException {
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        if (type.startsWith("application/json")) {
            Map<String, String> out = new LinkedHashMap<>();
            JSON.readTree(body)
                    .properties()
                    .forEach(e -> out.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
            return out;
        }
        return Wire.form(body);
    }

    private static JsonNode blocks(Map<String, String> p) throws IOException {
        return JSON.readTree(p.getOrDefault("blocks", "[]"));
    }

    private static LoopbackHttp.Reply ok(boolean ok, Map<String, String> fields) {
        ObjectNode o = JSON.createObjectNode().put("ok", ok);
        fields.forEach(o::put);
        return LoopbackHttp.Reply.json(200, o.toString());
    }

    @Override
    public void close() {
        http.close();
    }
}
