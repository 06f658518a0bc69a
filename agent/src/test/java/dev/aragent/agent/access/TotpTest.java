package dev.aragent.agent.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238 Appendix B, SHA-1, eight digits. */
    @Test
    void theRfcTestVectorsHold() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 8))
                .isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)), 8))
                .isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8))
                .isEqualTo("65353130");
    }

    /** RFC 4648 §10's base32 vectors, and RFC 4226's key in base32 as authenticator apps show it. */
    @Test
    void base32RoundTrips() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.unbase32("MZXW6YTBOI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.base32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String s = Totp.newSecret();
        assertThat(Totp.unbase32(s)).hasSize(20);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyOnce() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String current = Totp.code(RFC_KEY, step, 6);
        String previous = Totp.code(RFC_KEY, step - 1, 6);
        String old = Totp.code(RFC_KEY, step - 3, 6);

        assertThat(Totp.verify(secret, current, now, OptionalLong.empty())).hasValue(step);
        assertThat(Totp.verify(secret, previous, now, OptionalLong.empty())).hasValue(step - 1);
        assertThat(Totp.verify(secret, current, now, OptionalLong.of(step))).isEmpty();
        assertThat(Totp.verify(secret, old, now, OptionalLong.empty())).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, OptionalLong.empty())).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, OptionalLong.empty())).isEmpty();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("ar-agent", "dana@north.example", "ABC"))
                .isEqualTo("otpauth://totp/ar-agent%3Adana%40north.example?secret=ABC&issuer=ar-agent"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
