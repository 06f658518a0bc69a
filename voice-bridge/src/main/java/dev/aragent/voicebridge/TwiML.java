package dev.aragent.voicebridge;

/**
 * The TwiML documents our webhooks answer Twilio with when a call we placed connects or its stream closes: hang up,
 * leave a voicemail that says no account detail, connect the call to our WebSocket (ConversationRelay, where Twilio
 * recognizes and speaks, or Media Streams, where we do), or dial a person. Every value we did not write — a company's or
 * a contact's name, a URL — is escaped for XML, and characters XML cannot carry are dropped.
 */
public final class TwiML {
    /** The content type of every document. */
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private TwiML() {}

    /** Ends the call. */
    public static String hangup() {
        return response("<Hangup/>");
    }

    /** A short message for an answering machine, naming no account, amount or invoice; then hangs up. */
    public static String voicemail(String company, String contactName) {
        return response("<Say>Hello, this is " + text(company) + " accounts receivable with a message for "
                + text(contactName) + ". Please call us back at your convenience. Thank you.</Say><Hangup/>");
    }

    /**
     * Connects the call to our ConversationRelay WebSocket at {@code ws}, naming the conversation it continues; when
     * the socket closes Twilio asks {@code after} what next.
     */
    public static String relay(String ws, String after, String conversation) {
        return response("<Connect action=\"" + text(after) + "\"><ConversationRelay url=\"" + text(ws)
                + "\" interruptible=\"true\" dtmfDetection=\"true\" welcomeGreeting=\"\">" + parameter(conversation)
                + "</ConversationRelay></Connect>");
    }

    /** Connects the call's audio to our Media Streams WebSocket at {@code ws} (our own speech services). */
    public static String stream(String ws, String after, String conversation) {
        return response("<Connect action=\"" + text(after) + "\"><Stream url=\"" + text(ws) + "\">"
                + parameter(conversation) + "</Stream></Connect>");
    }

    /** Dials {@code number} (a person the call is handed to). */
    public static String dial(String number) {
        return response("<Dial>" + text(number) + "</Dial>");
    }

    private static String parameter(String conversation) {
        return "<Parameter name=\"conversation\" value=\"" + text(conversation) + "\"/>";
    }

    private static String response(String verbs) {
        return PROLOG + "<Response>" + verbs + "</Response>";
    }

    /** {@code s} as XML text or attribute value: markup escaped, characters XML 1.0 does not allow left out. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
