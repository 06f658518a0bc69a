package dev.aragent.store;

import java.util.Map;
import java.util.StringJoiner;

/** The little JSON the store writes itself (audit details, offers): objects, lists, strings, numbers, booleans, null. */
final class Json {
    private Json() {}

    static String object(Map<String, Object> fields) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        fields.forEach((k, v) -> out.add(string(k) + ":" + value(v)));
        return out.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner out = new StringJoiner(",", "{", "}");
            m.forEach((k, x) -> out.add(string(String.valueOf(k)) + ":" + value(x)));
            return out.toString();
        }
        if (v instanceof java.util.Collection<?> c) {
            StringJoiner out = new StringJoiner(",", "[", "]");
            c.forEach(x -> out.add(value(x)));
            return out.toString();
        }
        if (v instanceof java.util.Optional<?> o) {
            return o.map(Json::value).orElse("null");
        }
        return string(String.valueOf(v));
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
