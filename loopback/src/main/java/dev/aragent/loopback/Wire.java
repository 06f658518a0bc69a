package dev.aragent.loopback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the fakes need of the vendors' wire formats: form bodies and HMAC signatures, written from their docs. */
final class Wire {
    private Wire() {}

    /** An {@code application/x-www-form-urlencoded} body's fields (a repeated name keeps its last value). */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body == null ? new String[0] : body.split("&"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.split("=", 2))
                .forEach(kv -> fields.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : ""));
        return fields;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code HmacSHA256} or {@code HmacSHA1} of {@code data} under {@code key}. */
    static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
