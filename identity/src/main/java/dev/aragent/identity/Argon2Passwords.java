package dev.aragent.identity;

import dev.aragent.agent.spi.PasswordHasher;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle, stored in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so the cost can be raised later and old hashes still checked.
 * The default cost is OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
 */
public final class Argon2Passwords implements PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{32,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * At most this many hashes at once: each takes {@code memoryKib} of memory, and a burst of sign-ins must queue, not
     * exhaust the heap.
     */
    private static final java.util.concurrent.Semaphore AT_ONCE =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), true);

    private final int memoryKib;
    private final int passes;
    private final int lanes;

    private Argon2Passwords(int memoryKib, int passes, int lanes) {
        if (memoryKib < 8 * lanes || passes < 1 || lanes < 1) {
            throw new IllegalArgumentException("Argon2 needs at least 1 pass, 1 lane and 8 KiB per lane");
        }
        this.memoryKib = memoryKib;
        this.passes = passes;
        this.lanes = lanes;
    }

    /** OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1 (about 30-60 ms here). */
    public static Argon2Passwords create() {
        return new Argon2Passwords(19_456, 2, 1);
    }

    /** Another cost, e.g. a cheaper one for a benchmark's many sign-ins; hashes record their own cost. */
    public static Argon2Passwords create(int memoryKib, int passes, int lanes) {
        return new Argon2Passwords(memoryKib, passes, lanes);
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, passes, lanes);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(out);
    }

    @Override
    public boolean matches(char[] password, String hash) {
        Matcher m = PHC.matcher(hash);
        if (!m.matches()) {
            return false;
        }
        int mem = Integer.parseInt(m.group(1));
        int t = Integer.parseInt(m.group(2));
        int p = Integer.parseInt(m.group(3));
        if (p < 1 || t < 1 || mem < 8 * p || mem > 1_048_576) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), mem, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int mem, int t, int p) {
        return derive(password, salt, mem, t, p, 32);
    }

    private static byte[] derive(char[] password, byte[] salt, int mem, int t, int p, int length) {
        AT_ONCE.acquireUninterruptibly();
        try {
            return generate(password, salt, mem, t, p, length);
        } finally {
            AT_ONCE.release();
        }
    }

    private static byte[] generate(char[] password, byte[] salt, int mem, int t, int p, int length) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(mem)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        gen.generateBytes(password, out);
        return out;
    }
}
