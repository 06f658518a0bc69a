package dev.aragent.agent.conversation;

import java.util.List;
import java.util.Locale;

/** What became of a person's decision on an approval: a turn to write, or why it cannot be carried out. */
public sealed interface Ruling {

    /** The decision holds: write this turn (its reply goes to the debtor). */
    record Carried(TurnRecord record) implements Ruling {}

    /** The decision cannot be carried out as it stands; nothing is written. */
    record Refused(Reason reason, List<String> details) implements Ruling {
        public Refused {
            details = List.copyOf(details);
        }

        /** One sentence for the person who decided. */
        public String message() {
            String head =
                    switch (reason) {
                        case STALE -> "The account changed since this approval was requested";
                        case OUT_OF_POLICY -> "These terms are outside what policy lets anyone approve";
                        case WORDING -> "The message text failed the checks every reply must pass";
                    };
            return head + (details.isEmpty() ? "." : ": " + String.join("; ", details) + ".");
        }
    }

    enum Reason {
        STALE,
        OUT_OF_POLICY,
        WORDING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
