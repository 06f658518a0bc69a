package dev.aragent.agent.hold;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A person's hold on an account: paused or taken over, by whom, why, since when. */
public record Hold(CustomerKey customer, Kind kind, String by, String reason, Instant since) {
    /** The longest reason a person may give. */
    public static final int MAX_REASON = 500;

    public enum Kind {
        /** The queue leaves the account out; replies are still answered. */
        PAUSED,
        /** A person has the account: the agent sends nothing on it, and a reply becomes their task. */
        TAKEN_OVER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public Hold {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason.strip();
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("a hold's reason is at most " + MAX_REASON + " characters");
        }
    }

    /** Why the queue leaves the account out, in words. */
    public String why() {
        return switch (kind) {
            case PAUSED -> "paused by " + by + (reason.isEmpty() ? "" : ": " + reason);
            case TAKEN_OVER -> "taken over by " + by + ": the agent writes nothing until it is handed back";
        };
    }
}
