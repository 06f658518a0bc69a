package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every {@link PasswordHasher} must do: a fresh salt per hash, a self-describing string that holds no trace of the
 * password, a match for the password alone, and {@code false} — never an exception — for a hash it cannot read.
 */
public interface PasswordHasherContract {
    PasswordHasher hasher();

    String PASSWORD = "correct horse battery";

    @Test
    default void aHashMatchesItsPasswordAndNoOther() {
        String h = hasher().hash(PASSWORD.toCharArray());

        assertThat(hasher().matches(PASSWORD.toCharArray(), h)).isTrue();
        assertThat(hasher().matches("correct horse batterY".toCharArray(), h)).isFalse();
        assertThat(hasher().matches((PASSWORD + " ").toCharArray(), h)).isFalse();
        assertThat(hasher().matches("".toCharArray(), h)).isFalse();
    }

    @Test
    default void theSamePasswordHashesDifferentlyEachTimeAndEachHashMatches() {
        String a = hasher().hash(PASSWORD.toCharArray());
        String b = hasher().hash(PASSWORD.toCharArray());

        assertThat(a).isNotEqualTo(b).startsWith("$");
        assertThat(hasher().matches(PASSWORD.toCharArray(), a)).isTrue();
        assertThat(hasher().matches(PASSWORD.toCharArray(), b)).isTrue();
    }

    @Test
    default void aHashHoldsNoTraceOfThePassword() {
        assertThat(hasher().hash(PASSWORD.toCharArray()))
                .doesNotContain("correct")
                .doesNotContain("horse");
    }

    @Test
    default void aHashItCannotReadIsNoMatchRatherThanAnError() {
        for (String garbage :
                new String[] {"", "$", "plain text", "$argon2id$", "$test$$", "$2a$10$abcdefghijklmnopqrstuv"}) {
            assertThat(hasher().matches(PASSWORD.toCharArray(), garbage))
                    .as(garbage)
                    .isFalse();
        }
    }

    @Test
    default void passwordsBeyondAsciiMatchExactly() {
        String h = hasher().hash("pässwörd ✓ 密码".toCharArray());

        assertThat(hasher().matches("pässwörd ✓ 密码".toCharArray(), h)).isTrue();
        assertThat(hasher().matches("passwort ✓ 密码".toCharArray(), h)).isFalse();
    }
}
