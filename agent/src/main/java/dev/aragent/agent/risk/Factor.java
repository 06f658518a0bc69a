package dev.aragent.agent.risk;

import java.util.Locale;

/**
 * One reason behind a risk figure: the input, its value, its signed contribution to risk in log-odds (positive raises
 * risk) and the same in words an AR manager reads: "2 broken promises in the last 60 days (+0.18)".
 */
public record Factor(String column, double value, double contribution, String words) {

    /** The words with the signed contribution, as shown in the queue and approvals. */
    public String display() {
        return words + " (" + String.format(Locale.ROOT, "%+.2f", contribution) + ")";
    }
}
