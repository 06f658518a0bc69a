package dev.aragent.agent.access;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address in a sliding window: past the limit, that address is refused until its oldest
 * failure leaves the window. Guessing across many logins from one place is slowed even when no single person is
 * locked. Kept in memory (a restart forgets it; the per-person lockout is stored).
 */
public final class SignInThrottle {
    private static final int MAX_CLIENTS = 10_000;

    private final int limit;
    private final Duration window;
    private final InstantSource clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true);

    private SignInThrottle(int limit, Duration window, InstantSource clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Twenty failures in fifteen minutes from one address. */
    public static SignInThrottle create(InstantSource clock) {
        return new SignInThrottle(20, Duration.ofMinutes(15), clock);
    }

    public static SignInThrottle create(int limit, Duration window, InstantSource clock) {
        return new SignInThrottle(limit, window, clock);
    }

    public synchronized boolean blocked(String client) {
        Deque<Long> f = failures.get(client);
        if (f == null) {
            return false;
        }
        long since = clock.millis() - window.toMillis();
        while (!f.isEmpty() && f.peekFirst() < since) {
            f.removeFirst();
        }
        return f.size() >= limit;
    }

    public synchronized void failed(String client) {
        failures.computeIfAbsent(client, k -> new ArrayDeque<>()).addLast(clock.millis());
        if (failures.size() > MAX_CLIENTS) {
            failures.remove(failures.keySet().iterator().next());
        }
    }

    public synchronized void succeeded(String client) {
        failures.remove(client);
    }
}
