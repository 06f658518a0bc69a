package dev.aragent.agent.risk;

import java.util.List;
import java.util.Locale;

/**
 * The model's view of one invoice: the probability it is paid within the horizon without escalation, its complement
 * (risk), and the top factors. A probability indicator, not a verdict.
 */
public record Assessment(double paidProbability, List<Factor> factors, String model) {
    /** Shown wherever a score is. */
    public static final String FRAMING = "probability indicator, not a verdict";

    public Assessment {
        factors = List.copyOf(factors);
    }

    public double risk() {
        return 1 - paidProbability;
    }

    /** "risk 0.62 (probability indicator, not a verdict)". */
    public String display() {
        return String.format(Locale.ROOT, "risk %.2f (%s)", risk(), FRAMING);
    }
}
