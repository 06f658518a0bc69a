package dev.aragent.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2PasswordsTest implements dev.aragent.agent.spi.PasswordHasherContract {
    private final Argon2Passwords hasher = Argon2Passwords.create();

    @Override
    public dev.aragent.agent.spi.PasswordHasher hasher() {
        return hasher;
    }

    @Test
    void aHashIsSaltedSelfDescribingAndMatchesOnlyItsPassword() {
        String a = hasher.hash("correct horse battery".toCharArray());
        String b = hasher.hash("correct horse battery".toCharArray());

        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("correct horse battery".toCharArray(), a)).isTrue();
        assertThat(hasher.matches("correct horse batterY".toCharArray(), a)).isFalse();
        assertThat(hasher.matches("".toCharArray(), a)).isFalse();
    }

    @Test
    void aHashOfAnotherCostIsStillChecked() {
        String cheap = Argon2Passwords.create(1024, 1, 1).hash("pässwörd with umlauts".toCharArray());

        assertThat(hasher.matches("pässwörd with umlauts".toCharArray(), cheap)).isTrue();
    }

    @Test
    void garbageAndHostileCostsAreRefusedWithoutWork() {
        assertThat(hasher.matches("x".toCharArray(), "")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv"))
                .isFalse();
        assertThat(hasher.matches(
                        "x".toCharArray(),
                        "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))
                .isFalse();
    }

    /** RFC 9106 §5.3's Argon2id test vector, through the same generator settings, proves the library computes Argon2id. */
    @Test
    void theLibraryMatchesRfc9106sTestVector() {
        byte[] password = new byte[32];
        java.util.Arrays.fill(password, (byte) 1);
        byte[] salt = new byte[16];
        java.util.Arrays.fill(salt, (byte) 2);
        byte[] secret = new byte[8];
        java.util.Arrays.fill(secret, (byte) 3);
        byte[] ad = new byte[12];
        java.util.Arrays.fill(ad, (byte) 4);
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(ad)
                .build());
        byte[] tag = new byte[32];
        gen.generateBytes(password, tag);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }
}
