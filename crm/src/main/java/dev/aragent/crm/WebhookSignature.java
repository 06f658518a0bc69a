package dev.aragent.crm;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of ar-agent's CRM webhook, for senders and receivers alike: header {@code X-AR-Signature} is
 * {@code v1=} + hex(HMAC-SHA256(secret, "v1:" + X-AR-Timestamp + ":" + raw body)); a receiver refuses a timestamp
 * more than five minutes from its clock (a replay) and compares in constant time.
 */
public final class WebhookSignature {
    public static final String SIGNATURE = "X-AR-Signature";
    public static final String TIMESTAMP = "X-AR-Timestamp";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, "v1:" + timestamp + ":" + body));
    }

    /** Whether a request is authentic and fresh. */
    public static boolean verify(String secret, String timestamp, String body, String signature, Instant now) {
        if (secret.isBlank() || timestamp == null || signature == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
