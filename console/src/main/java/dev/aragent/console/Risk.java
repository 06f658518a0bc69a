package dev.aragent.console;

import java.util.Locale;

/** A payment-risk probability as the pages show it: a whole percentage, never a certainty it is not. */
final class Risk {
    private Risk() {}

    /** {@code 0.62} → "62 %"; above 99.5 % "> 99 %", below 0.5 % "< 1 %" (a probability indicator, not a verdict). */
    static String percent(double probability) {
        if (probability > 0.995) {
            return "> 99 %";
        }
        if (probability < 0.005) {
            return "< 1 %";
        }
        return String.format(Locale.ROOT, "%.0f %%", probability * 100);
    }
}
