package dev.aragent.agent.voice;

import java.util.Optional;

/** What the agent says next, and what the call does after it: go on, end, or transfer to a person. */
public record Say(String text, Next next, Optional<String> transferTo, Optional<String> summary) {

    public enum Next {
        LISTEN,
        END,
        TRANSFER
    }

    static Say listen(String text) {
        return new Say(text, Next.LISTEN, Optional.empty(), Optional.empty());
    }

    static Say end(String text) {
        return new Say(text, Next.END, Optional.empty(), Optional.empty());
    }
}
