package dev.aragent.mailbox;

import java.util.Optional;

/**
 * The sender's new text in a reply: without quoted history, signature or disclaimer. Works on plain text, or on HTML
 * when a message has no text part. Measured on mailgun/talon's cases by {@code ./ar-agent bench mail}.
 */
public final class ReplyExtractor {
    private ReplyExtractor() {}

    /**
     * New text of a plain-text body, as the sender wrote it: a closing phrase and the name under it stay, the signature
     * block below them goes. {@code sender} (display name and/or address) helps find a signature naming them.
     */
    public static String newText(String body, Optional<String> sender) {
        return Signatures.removeKeepingSignOff(Quotations.remove(body), sender);
    }

    /** New text of an HTML body. */
    public static String newTextOfHtml(String html, Optional<String> sender) {
        return newText(HtmlText.of(html), sender);
    }

    /** The body without quoted history only (signatures kept). */
    public static String withoutQuotation(String body) {
        return Quotations.remove(body);
    }

    /** The body without its signature only. */
    public static String withoutSignature(String body, Optional<String> sender) {
        return Signatures.remove(body, sender);
    }

    /** HTML rendered as readable text, quoted parts marked with {@code >}. */
    public static String htmlToText(String html) {
        return HtmlText.of(html);
    }
}
