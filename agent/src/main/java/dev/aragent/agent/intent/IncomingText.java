package dev.aragent.agent.intent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** What a debtor wrote (only the new text), when, and in which time zone they live: dates resolve against it. */
public record IncomingText(String text, Instant at, ZoneId zone) {
    public IncomingText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** The debtor's calendar day when they wrote. */
    public LocalDate today() {
        return at.atZone(zone).toLocalDate();
    }
}
