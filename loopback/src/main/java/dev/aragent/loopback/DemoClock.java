package dev.aragent.loopback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The demo's virtual time: the app's clock plus the days skipped, so a week of collections passes in a second. */
public final class DemoClock extends Clock {
    private final Clock base;
    private volatile Duration skipped = Duration.ZERO;

    public DemoClock(Clock base) {
        this.base = base;
    }

    /**
     * Virtual time from {@code start} that moves a microsecond each time it is read, as real time moves between two
     * writes: no two events share an instant, so what is ordered by time keeps the order it happened in (a frozen
     * clock gave ties the database broke differently from run to run).
     */
    public static DemoClock ticking(Instant start, ZoneId zone) {
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        return new DemoClock(new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusNanos(1_000 * reads.getAndIncrement());
            }
        });
    }

    public void advance(Duration d) {
        skipped = skipped.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skipped);
    }
}
