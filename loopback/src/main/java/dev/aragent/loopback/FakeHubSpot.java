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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback fake of HubSpot's CRM v3 objects API, enough of it for the CRM write-back: create, update and search
 * (EQ, CONTAINS_TOKEN) companies, contacts, notes and tasks, with associations, behind a bearer token. It can be told to
 * fail the next requests with 503 (HubSpot under load) to exercise the retries.
 */
public final class FakeHubSpot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT = Pattern.compile("/crm/v3/objects/(\\w+)(?:/(search|\\d+))?");

    /** One stored object: its type, id, properties and the ids it is associated with. */
    public record Item(String type, String id, Map<String, String> properties, List<String> associations) {}

    private final String token;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final LoopbackHttp http;

    private FakeHubSpot(String token) {
        this.token = token;
        this.http = LoopbackHttp.start(this::handle);
    }

    public static FakeHubSpot start(String token) {
        return new FakeHubSpot(token);
    }

    public URI base() {
        return http.base();
    }

    /** The next {@code n} requests answer 503. */
    public void failNext(int n) {
        failNext.set(n);
    }

    public int requests() {
        return requests.get();
    }

    public synchronized List<Item> all(String type) {
        return items.values().stream().filter(i -> i.type().equals(type)).toList();
    }

    private synchronized LoopbackHttp.Reply handle(HttpExchange ex, String body) throws IOException {
        requests.incrementAndGet();
        if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return LoopbackHttp.Reply.json(401, "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\"}");
        }
        if (failNext.get() > 0) {
            failNext.decrementAndGet();
            return LoopbackHttp.Reply.json(503, "{\"status\":\"error\",\"message\":\"Service unavailable\"}");
        }
        Matcher m = OBJECT.matcher(ex.getRequestURI().getPath());
        if (!m.matches()) {
            return LoopbackHttp.Reply.json(404, "{\"status\":\"error\",\"message\":\"unknown path\"}");
        }
        String type = m.group(1);
        String tail = m.group(2);
        JsonNode in = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        String method = ex.getRequestMethod();
        if ("search".equals(tail) && method.equals("POST")) {
            return LoopbackHttp.Reply.json(200, search(type, in));
        }
        if (tail == null && method.equals("POST")) {
            Item item = new Item(type, Integer.toString(ids.incrementAndGet()), props(in), new ArrayList<>());
            for (JsonNode a : in.path("associations")) {
                item.associations().add(a.path("to").path("id").asText());
            }
            items.put(item.id(), item);
            return LoopbackHttp.Reply.json(201, render(item));
        }
        if (tail != null && method.equals("PATCH")) {
            Item item = items.get(tail);
            if (item == null || !item.type().equals(type)) {
                return LoopbackHttp.Reply.json(404, "{\"status\":\"error\",\"message\":\"not found\"}");
            }
            item.properties().putAll(props(in));
            return LoopbackHttp.Reply.json(200, render(item));
        }
        return LoopbackHttp.Reply.json(405, "{\"status\":\"error\"}");
    }

    private static Map<String, String> props(JsonNode in) {
        Map<String, String> p = new LinkedHashMap<>();
        in.path("properties")
                .properties()
                .forEach(e -> p.put(e.getKey(), e.getValue().asText()));
        return p;
    }

    private String search(String type, JsonNode in) {
        JsonNode f = in.path("filterGroups").path(0).path("filters").path(0);
        String prop = f.path("propertyName").asText();
        String op = f.path("operator").asText();
        String value = f.path("value").asText();
        List<Item> hits = items.values().stream()
                .filter(i -> i.type().equals(type))
                .filter(i -> {
                    String v = i.properties().getOrDefault(prop, "");
                    return op.equals("EQ")
                            ? v.equalsIgnoreCase(value)
                            : List.of(v.split("[^A-Za-z0-9]+")).contains(value);
                })
                .toList();
        ObjectNode out = JSON.createObjectNode();
        out.put("total", hits.size());
        var results = out.putArray("results");
        for (Item i : hits) {
            try {
                results.add(JSON.readTree(render(i)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static String render(Item i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", i.id());
        ObjectNode p = o.putObject("properties");
        i.properties().forEach(p::put);
        o.put("createdAt", "2026-01-01T00:00:00Z");
        o.put("archived", false);
        return o.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
