package dev.aragent.console;

import dev.aragent.agent.hold.Hold;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the agent collects on an account, as its page shows it: collecting, paused (by whom, why, since when) or
 * taken over by a person; the forms that change it; and why the last change was refused, if it was.
 *
 * @param state {@code collecting}, {@code paused} or {@code taken_over}
 */
public record HoldView(String account, String state, String said, String error, String csrf) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    public static HoldView of(String account, Optional<Hold> hold, Optional<String> error, ZoneId zone, String csrf) {
        String said = hold.map(h -> switch (h.kind()) {
                    case PAUSED ->
                        "Collection paused by " + h.by() + " since "
                                + h.since().atZone(zone).format(WHEN) + ": " + h.reason();
                    case TAKEN_OVER ->
                        "Taken over by " + h.by() + " since "
                                + h.since().atZone(zone).format(WHEN)
                                + ": the agent sends nothing on this account — no reminder, no reply, no follow-up —"
                                + " until it is handed back; a reply becomes a task for a person.";
                })
                .orElse("The agent collects on this account.");
        return new HoldView(account, hold.map(h -> h.kind().code()).orElse("collecting"), said, error.orElse(""), csrf);
    }
}
