package dev.aragent.agent.queue;

import java.util.Locale;

/** How an account is reached: by the agent (email, SMS, an automated call) or by a person on the AR team. */
public enum Reach {
    EMAIL,
    SMS,
    CALL,
    /** A person on the AR team (a VIP, no reachable contact, a case the rules keep for people). */
    HUMAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
