package dev.aragent.agent.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final SignInThrottle throttle = SignInThrottle.create(
            3, Duration.ofMinutes(15), InstantSource.fixed(Instant.parse("2026-03-02T09:00:00Z")));

    @Test
    void anAddressIsBlockedAfterTheLimitUntilItsFailuresAge() {
        AtomicReference<Instant> t = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
        SignInThrottle moving = SignInThrottle.create(3, Duration.ofMinutes(15), new InstantSource() {
            @Override
            public Instant instant() {
                return t.get();
            }
        });
        for (int i = 0; i < 3; i++) {
            assertThat(moving.blocked("10.0.0.1")).isFalse();
            moving.failed("10.0.0.1");
        }
        assertThat(moving.blocked("10.0.0.1")).isTrue();
        assertThat(moving.blocked("10.0.0.2")).isFalse();
        t.set(t.get().plus(Duration.ofMinutes(16)));
        assertThat(moving.blocked("10.0.0.1")).isFalse();
    }

    @Test
    void aGoodSignInClearsTheAddress() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.blocked("10.0.0.1")).isFalse();
    }
}
