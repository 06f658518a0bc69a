package dev.aragent.agent.conversation;

import java.time.Duration;

/** How a send attempt ended. */
public sealed interface SendResult {
    record Sent() implements SendResult {}

    /** Refused for good (bad address, policy): not retried. */
    record Rejected(String reason) implements SendResult {}

    /** A passing failure (server down, throttled): retried after the delay with the same Message-ID. */
    record RetryLater(java.time.Duration after, String reason) implements SendResult {
        public RetryLater {
            if (after.isNegative()) {
                throw new IllegalArgumentException("negative delay");
            }
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, (long) Math.pow(2, Math.min(attempts, 12)) * 15));
    }
}
