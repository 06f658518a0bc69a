package dev.aragent.agent.intent;

import java.util.Locale;

/** What a debtor's message is about, as the playbook acts on it. */
public enum Intent {
    PAID_ALREADY,
    PROMISE_TO_PAY,
    PAYMENT_PLAN_REQUEST,
    HARDSHIP,
    DISPUTE,
    WRONG_CONTACT,
    INVOICE_COPY_REQUEST,
    /** How or where to pay, or what AP needs first: bank or remit-to details, a pay link that failed, a W-9. */
    PAYMENT_INFO_REQUEST,
    QUESTION,
    OPT_OUT,
    AUTO_REPLY,
    ESCALATION_REQUEST,
    OTHER;

    /** The wire name: {@code paid_already}, {@code promise_to_pay}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromCode(String code) {
        for (Intent i : values()) {
            if (i.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown intent '" + code + "'; known: "
                + java.util.Arrays.stream(values()).map(Intent::code).toList());
    }
}
