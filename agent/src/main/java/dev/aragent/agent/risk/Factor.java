package dev.aragent.agent.risk;

import java.util.Locale;

/**
 * One reason behind a risk figure: the input, its value, its signed contribution to risk in log-odds (positive raises
 * risk) and the same in words an AR manager reads: "2 broken promises in the last 60 days (+0.18)".
 */
public record Factor(String column, double value, double contribution, String words) {

    /**
     * The words, which way they push and the signed contribution, as shown in the queue, approvals and reports: "15 open
     * invoices: raises risk (+2.66)", "106 days past due: lowers risk (−1.09)" — so a figure is never read the wrong way.
     */
    public String display() {
        return words + ": " + (contribution >= 0 ? "raises" : "lowers") + " risk ("
                + String.format(Locale.ROOT, "%+.2f", contribution) + ")";
    }
}
