package dev.aragent.agent.queue;

import java.util.Locale;

/** What the next message does, from the lightest touch to the last before collections. */
public enum Outreach {
    GENTLE_REMINDER,
    VALUE_ADDED_FOLLOW_UP,
    PAYMENT_PLAN_OFFER,
    ESCALATION_NOTICE,
    FINAL_NOTICE,
    HUMAN_CALL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String words() {
        return code().replace('_', ' ');
    }

    public static Outreach fromCode(String code) {
        for (Outreach o : values()) {
            if (o.code().equals(code)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + code + "'; one of gentle_reminder,"
                + " value_added_follow_up, payment_plan_offer, escalation_notice, final_notice, human_call");
    }
}
