package dev.aragent.agent.drafting;

import java.util.Objects;

/** A worded reply: its text, and which drafter wrote it (for the audit). */
public record Draft(String text, String drafter) {
    public Draft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(drafter, "drafter");
    }
}
