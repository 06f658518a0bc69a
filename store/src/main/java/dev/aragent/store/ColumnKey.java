package dev.aragent.store;

import dev.aragent.agent.spi.PermanentFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals secrets the service must read back (authenticator secrets) before they reach the database, so a
 * copy of the database or a backup alone does not give them away. AES-256-GCM with the row's id as associated data (a
 * sealed value moved to another row does not open); the key lives outside the database, in a file readable by the OS
 * user alone or in {@code AR_SECRETS_KEY}. A value stored before sealing existed reads as it was.
 */
public final class ColumnKey {
    private static final String PREFIX = "gcm1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String where;

    private ColumnKey(byte[] key, String where) {
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "a column key is 32 bytes (base64 of 32 random bytes), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.where = where;
    }

    /**
     * The key in {@code file} (mode 600), made with fresh random bytes the first time; or the one {@code fromEnv}
     * gives (base64), when set, for deployments whose data directory does not last.
     */
    public static ColumnKey kept(Path file, Optional<String> fromEnv) {
        if (fromEnv.isPresent()) {
            return new ColumnKey(decode(fromEnv.get(), "AR_SECRETS_KEY"), "AR_SECRETS_KEY");
        }
        Optional<String> stored = OwnerPassword.read(file);
        if (stored.isPresent()) {
            return new ColumnKey(decode(stored.get(), file.toString()), file.toString());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        OwnerPassword.write(file, Base64.getEncoder().encodeToString(fresh));
        return new ColumnKey(fresh, file.toString());
    }

    /** A key of fresh random bytes kept nowhere (a throwaway database). */
    public static ColumnKey random() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return new ColumnKey(fresh, "a throwaway key");
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secrets key in " + where + " is not base64", e);
        }
    }

    /** {@code plain} sealed for the row {@code row}. */
    String seal(String plain, String row) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(row.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** What {@link #seal} sealed for {@code row}; a value stored before sealing is returned as it is. */
    String open(String stored, String row) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            c.updateAAD(row.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new PermanentFailure(
                    "a sealed secret does not open with the key in " + where
                            + " (was the key replaced?): enrol the authenticator again with ar-agent users totp",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }
}
