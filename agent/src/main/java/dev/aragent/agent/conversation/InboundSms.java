package dev.aragent.agent.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A text message a debtor sent, as the SMS provider reported it: its id there ({@code messageSid}, the key that makes
 * a redelivered webhook a duplicate), the provider's conversation, the sender's phone and our number.
 */
public record InboundSms(String messageSid, String conversationSid, String from, String to, String body, Instant at) {
    public InboundSms {
        Objects.requireNonNull(messageSid, "messageSid");
        if (messageSid.isBlank()) {
            throw new IllegalArgumentException("an inbound SMS needs its message id");
        }
        body = printable(body == null ? "" : body);
    }

    /**
     * The text with NUL and other control characters (but tabs and line breaks) replaced by U+FFFD: a text that
     * carries them is still the debtor's message, kept and answered, never a storage error that loses it.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append('\ufffd');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
