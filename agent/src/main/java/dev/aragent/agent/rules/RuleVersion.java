package dev.aragent.agent.rules;

import java.time.Instant;

/**
 * One saved version of a tenant's rules: its number (1, 2, …; 0 is the rules before any was saved here — the file or
 * the defaults), the whole sheet, who saved it, when, and why in their words.
 */
public record RuleVersion(int number, RuleSheet sheet, String by, Instant at, String comment) {
    public RuleVersion {
        if (number < 0) {
            throw new IllegalArgumentException("a version number is 0 or more: " + number);
        }
    }
}
