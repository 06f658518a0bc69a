package dev.aragent.channels;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Twilio-Signature} on Twilio's webhooks: HMAC-SHA1 with the auth token over the URL Twilio called
 * (the public URL) and the form parameters sorted by name; JSON bodies are covered by the URL's {@code bodySHA256}.
 * The SDK's validator does the work; a form that repeats a parameter (which the SDK's map cannot hold) is checked by
 * the same documented rule with each name's distinct values sorted. Like the SDK, the URL is also tried with its port
 * removed or the default port added.
 */
public final class TwilioWebhooks {
    private final String authToken;
    private final RequestValidator validator;

    private TwilioWebhooks(String authToken) {
        this.authToken = authToken;
        this.validator = new RequestValidator(authToken);
    }

    public static TwilioWebhooks create(String authToken) {
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("the Twilio auth token is empty");
        }
        return new TwilioWebhooks(authToken);
    }

    /** A form-encoded webhook: its parameters in order (a name may repeat; a missing value is empty). */
    public boolean valid(String publicUrl, List<Map.Entry<String, String>> form, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        Map<String, String> single = new HashMap<>();
        boolean repeated = false;
        for (Map.Entry<String, String> e : form) {
            repeated |= single.containsKey(e.getKey());
            single.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        if (!repeated) {
            return validator.validate(publicUrl, single, signature);
        }
        Map<String, TreeSet<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : form) {
            sorted.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue() == null ? "" : e.getValue());
        }
        for (String url : variants(publicUrl)) {
            StringBuilder data = new StringBuilder(url);
            sorted.forEach((k, vs) -> vs.forEach(v -> data.append(k).append(v)));
            if (MessageDigest.isEqual(
                    hmac(data.toString()).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** A webhook with a JSON body: the URL carries {@code bodySHA256}, the signature covers the URL alone. */
    public boolean validJson(String publicUrl, String body, String signature) {
        if (signature == null || signature.isBlank() || body == null) {
            return false;
        }
        try {
            return validator.validate(publicUrl, body, signature);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }

    /** The URL as given, without its port, and with the scheme's default port. */
    private static List<String> variants(String url) {
        List<String> out = new ArrayList<>(List.of(url));
        try {
            URI u = new URI(url);
            int port = "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            Optional.ofNullable(u.getRawAuthority()).ifPresent(authority -> {
                String host = u.getHost();
                String rest = url.substring(url.indexOf(authority) + authority.length());
                String prefix = u.getScheme() + "://"
                        + Optional.ofNullable(u.getRawUserInfo())
                                .map(i -> i + "@")
                                .orElse("");
                out.add(prefix + host + rest);
                out.add(prefix + host + ":" + port + rest);
            });
        } catch (URISyntaxException e) {
            // the URL as given is all there is to try
        }
        return out;
    }

    @Override
    public String toString() {
        return "TwilioWebhooks[authToken=****]";
    }
}
