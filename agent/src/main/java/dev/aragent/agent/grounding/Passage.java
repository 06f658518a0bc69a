package dev.aragent.agent.grounding;

import java.time.LocalDate;

/** A retrieved piece of an account, with what a citation shows: type, source id, date and a snippet. */
public record Passage(DocType type, String sourceId, String account, LocalDate date, String snippet, double score) {
    /** "[invoice INV-4471, 2026-01-05]" */
    public String citation() {
        return "[" + type.code().replace('_', ' ') + " " + sourceId + ", " + date + "]";
    }
}
