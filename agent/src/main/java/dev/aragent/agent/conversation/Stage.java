package dev.aragent.agent.conversation;

import java.util.Locale;

/** Where a conversation stands: open → engaged → promised / plan agreed / disputed / escalated / paid / closed. */
public enum Stage {
    OPEN,
    ENGAGED,
    PROMISED,
    PLAN_AGREED,
    DISPUTED,
    ESCALATED,
    PAID,
    CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
