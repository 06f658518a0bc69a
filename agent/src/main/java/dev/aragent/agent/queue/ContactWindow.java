package dev.aragent.agent.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The first moment at or after a given instant that falls inside a debtor's local contact window. */
public final class ContactWindow {
    private ContactWindow() {}

    public static ZonedDateTime next(Instant from, ZoneId zone, QueueRules.Window window) {
        ZonedDateTime t = from.atZone(zone);
        for (int i = 0; i < 14; i++) {
            boolean workday = !window.businessDaysOnly()
                    || (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY);
            if (workday) {
                ZonedDateTime open = t.toLocalDate().atTime(window.from()).atZone(zone);
                ZonedDateTime close = t.toLocalDate().atTime(window.to()).atZone(zone);
                if (t.isBefore(open)) {
                    return open;
                }
                if (t.isBefore(close)) {
                    return t;
                }
            }
            t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no contact window in two weeks: " + window);
    }
}
