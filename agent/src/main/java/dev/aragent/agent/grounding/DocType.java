package dev.aragent.agent.grounding;

import java.util.Locale;

/** What a document is about. */
public enum DocType {
    INVOICE,
    PAYMENT,
    CREDIT_MEMO,
    NOTE,
    TICKET,
    CONTRACT_TERM,
    MESSAGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
