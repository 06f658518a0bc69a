package dev.aragent.prompts;

import dev.aragent.agent.drafting.Guardrails;
import java.util.List;
import java.util.Set;

/** The shipped list of prohibited phrases, as guardrail configuration. */
public final class Prohibited {
    private Prohibited() {}

    public static List<String> phrases() {
        return Templates.lines("prohibited-phrases.txt");
    }

    /** Guardrails with the shipped phrases (plus {@code extra}) and our own addresses. */
    public static Guardrails.Config guardrails(List<String> extra, Set<String> ownAddresses) {
        List<String> all = new java.util.ArrayList<>(phrases());
        all.addAll(extra);
        return Guardrails.Config.of(all, ownAddresses);
    }
}
