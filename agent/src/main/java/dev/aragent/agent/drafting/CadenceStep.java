package dev.aragent.agent.drafting;

import java.util.Locale;

/** Where an invoice is in the reminder cadence, and so how firm a message sounds. */
public enum CadenceStep {
    BEFORE_DUE(-7, "friendly"),
    DUE(0, "due"),
    PLUS_7(7, "firm"),
    PLUS_14(14, "firm"),
    PLUS_30(30, "firmer");

    private final int day;
    private final String tone;

    CadenceStep(int day, String tone) {
        this.day = day;
        this.tone = tone;
    }

    /** Days from the due date this step is sent on. */
    public int day() {
        return day;
    }

    /** friendly, due, firm or firmer: the templates' register. */
    public String tone() {
        return tone;
    }

    /** The step an invoice this many days past due is at (before −7 still counts as the first). */
    public static CadenceStep at(long daysPastDue) {
        CadenceStep step = BEFORE_DUE;
        for (CadenceStep s : values()) {
            if (daysPastDue >= s.day) {
                step = s;
            }
        }
        return step;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
