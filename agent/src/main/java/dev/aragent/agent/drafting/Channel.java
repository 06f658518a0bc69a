package dev.aragent.agent.drafting;

import java.util.Locale;

/** Where a message goes; each has its own length limit and register. */
public enum Channel {
    EMAIL(6000),
    SMS(480),
    VOICE(600);

    private final int maxChars;

    Channel(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The longest text this channel takes: SMS three segments, a spoken turn about forty seconds. */
    public int maxChars() {
        return maxChars;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
