package dev.aragent.simulator;

import java.util.List;
import java.util.Locale;

/**
 * Every behavioural parameter of the simulated debtors, in one place, each with where it comes from: a figure from the
 * project's brief (README, "Why"; the issue that asked for this simulation), the sample book's own history, or our
 * assumption. {@link #base()} is what the demo runs; {@link #pessimistic()} and {@link #optimistic()} move the ones
 * that favour the agent against it and for it, for the sensitivity table.
 *
 * @param name the setting's name
 * @param genericPast45 what a generic reminder (plain dunning's) moves, relative to a personal one (the agent's: the
 *     account's own invoices, thread and answers), on debt more than 45 days past due
 * @param recovery the share recovered when first reached at 0, 10, 30, 60, 90 and 180 days past due; a debtor's
 *     chance of being moved by a message falls with it, relative to the 10-day figure
 * @param keepsReliable how often debtors who mean to pay keep a promise or installment
 * @param keepsDoubtful how often those who claimed falsely to have paid, or were hostile, keep one
 * @param keepsOther how often the rest keep one
 * @param picksUp how often a debtor picks up a call (those who ignore mail: a quarter as often as this; hostile and
 *     opted-out: about half as often)
 * @param callPays how often a person's (or the agent's voice) call that reached them moves them to pay what is due
 * @param ghostPaysOnMessage how often a debtor who never answers email pays because a message arrived
 * @param ghostAnswersText how often one of them answers a first text
 * @param paysByLink the share of debtors who pay through a pay-now link when one asks exactly what they pay
 * @param counterTaken how often a debtor who asked for a year-long plan takes our shorter counter-offer
 * @param reviewedPlanTaken how often one who refused it takes the longer plan the AR manager approved
 */
public record Assumptions(
        String name,
        double genericPast45,
        double[] recovery,
        double keepsReliable,
        double keepsDoubtful,
        double keepsOther,
        double picksUp,
        double callPays,
        double ghostPaysOnMessage,
        double ghostAnswersText,
        double paysByLink,
        double counterTaken,
        double reviewedPlanTaken) {

    /** The days past due {@link #recovery()} is given at. */
    static final int[] RECOVERY_DAYS = {0, 10, 30, 60, 90, 180};

    public Assumptions {
        recovery = recovery.clone();
    }

    /** What the demo runs. */
    public static Assumptions base() {
        return new Assumptions(
                "base",
                0.32,
                new double[] {0.80, 0.74, 0.60, 0.40, 0.18, 0.08},
                0.92,
                0.5,
                0.8,
                0.7,
                0.5,
                0.06,
                0.3,
                0.4,
                0.5,
                0.75);
    }

    /** Against the agent: generic reminders nearly as good as personal ones, fewer promises kept, calls answered. */
    public static Assumptions pessimistic() {
        return new Assumptions(
                "pessimistic",
                0.6,
                new double[] {0.80, 0.74, 0.60, 0.40, 0.18, 0.08},
                0.8,
                0.35,
                0.65,
                0.5,
                0.35,
                0.08,
                0.15,
                0.2,
                0.35,
                0.6);
    }

    /** For the agent: generic reminders move old debt less, more promises kept and calls answered. */
    public static Assumptions optimistic() {
        return new Assumptions(
                "optimistic",
                0.25,
                new double[] {0.80, 0.74, 0.60, 0.40, 0.18, 0.08},
                0.95,
                0.6,
                0.85,
                0.8,
                0.6,
                0.05,
                0.4,
                0.5,
                0.6,
                0.85);
    }

    /** The settings by name: base, pessimistic or optimistic. */
    public static Assumptions named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "base" -> base();
            case "pessimistic" -> pessimistic();
            case "optimistic" -> optimistic();
            default ->
                throw new IllegalArgumentException(
                        "unknown assumptions '" + name + "': use base, pessimistic or optimistic");
        };
    }

    /** The share recovered when first reached at {@code daysPastDue}, interpolated. */
    double recovered(long daysPastDue) {
        if (daysPastDue <= RECOVERY_DAYS[0]) {
            return recovery[0];
        }
        for (int i = 1; i < RECOVERY_DAYS.length; i++) {
            if (daysPastDue <= RECOVERY_DAYS[i]) {
                double t = (double) (daysPastDue - RECOVERY_DAYS[i - 1]) / (RECOVERY_DAYS[i] - RECOVERY_DAYS[i - 1]);
                return recovery[i - 1] + t * (recovery[i] - recovery[i - 1]);
            }
        }
        return recovery[RECOVERY_DAYS.length - 1];
    }

    /**
     * How much a message moves a debtor whose oldest overdue invoice is {@code daysPastDue} days late, relative to one
     * reached within 10 days: the recovery curve, and for a generic message on debt past 45 days, less again.
     */
    double moved(long daysPastDue, boolean personal) {
        double byAge = Math.min(1, recovered(Math.max(0, daysPastDue)) / recovery[1]);
        return byAge * (personal || daysPastDue <= 45 ? 1 : genericPast45);
    }

    /** One parameter as the report lists it: its name, value and source. */
    public record Line(String parameter, String value, String source) {}

    private static final String BRIEF = "project brief (README, Why; issue 26)";
    private static final String BOOK = "the sample book's history (per segment)";
    private static final String OURS = "our assumption";

    /** Every parameter with its value and source, the fixed ones too. */
    public List<Line> lines() {
        return List.of(
                new Line(
                        "share recovered by when first reached (0/10/30/60/90/180 days past due)",
                        String.format(
                                Locale.ROOT,
                                "%.0f/%.0f/%.0f/%.0f/%.0f/%.0f %%",
                                recovery[0] * 100,
                                recovery[1] * 100,
                                recovery[2] * 100,
                                recovery[3] * 100,
                                recovery[4] * 100,
                                recovery[5] * 100),
                        BRIEF + " for 10 days (74 %) and 90 days (18 %); the rest " + OURS),
                new Line(
                        "a generic reminder's pull on debt past 45 days, relative to a personal one",
                        pct(genericPast45),
                        BRIEF + ": personalized contact converts 34-41 %, generic under 12 % past 45 days"),
                new Line(
                        "invoices paid late when left alone; how late",
                        "20-60 % by segment; 7-28 days on average",
                        BOOK),
                new Line("accounts in distress (stop paying)", "0.5-6 % × 5.4 by segment", BOOK),
                new Line(
                        "the mix of debtors (pays on a reminder 24, plan 14, ignores email 18, disputes 8, …)",
                        "weights of Persona",
                        OURS),
                new Line("pays within 1-5 days of a reminder (who pays on reminders)", "100 %", OURS),
                new Line("who ignores email pays because a message arrived", pct(ghostPaysOnMessage), OURS),
                new Line("who ignores email answers a first text", pct(ghostAnswersText), OURS),
                new Line("picks up a call", pct(picksUp), OURS),
                new Line("a call that reached them brings payment", pct(callPays), OURS),
                new Line(
                        "promises kept: who means to pay / who claimed falsely or is hostile / the rest",
                        pct(keepsReliable) + " / " + pct(keepsDoubtful) + " / " + pct(keepsOther),
                        OURS),
                new Line("asked for a year, takes our shorter counter-offer", pct(counterTaken), OURS),
                new Line("refused it, takes the plan the AR manager approved", pct(reviewedPlanTaken), OURS),
                new Line("pays through a pay-now link when one asks what they pay", pct(paysByLink), OURS),
                new Line("keeps back a small deduction once (a damaged case)", "10 % of accounts", OURS),
                new Line(
                        "remittance names nothing / slips a digit / names another invoice",
                        "10 % / 10 % (1 in 3 payments) / 10 % (1 in 4)",
                        OURS));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f %%", v * 100);
    }
}
