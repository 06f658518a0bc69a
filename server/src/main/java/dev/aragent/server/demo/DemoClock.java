package dev.aragent.server.demo;

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
