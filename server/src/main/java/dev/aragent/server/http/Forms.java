package dev.aragent.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** application/x-www-form-urlencoded bodies (Twilio's webhooks, Slack's interactions), decoded in order. */
public final class Forms {
    private Forms() {}

    /** The fields of a form body; a repeated name keeps its last value. Throws on a malformed escape. */
    public static Map<String, String> parse(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        pairs(body).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The fields in order, repeated names kept. Throws on a malformed escape. */
    public static List<Map.Entry<String, String>> pairs(String body) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return out;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(
                    URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
