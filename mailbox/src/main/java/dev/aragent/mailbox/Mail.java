package dev.aragent.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed email: the headers threading and loop detection need, the readable text (text/plain preferred, else HTML
 * rendered), the HTML when there is one, and the attachments kept with type, name, size and hash.
 *
 * @param messageId without angle brackets; empty when the message has none
 * @param references oldest first, In-Reply-To merged at the end when absent from References
 * @param headers every header field by lower-case name, values decoded (RFC 2047), in order
 */
public record Mail(
        Optional<String> messageId,
        Optional<String> inReplyTo,
        List<String> references,
        Optional<Sender> from,
        List<String> to,
        Optional<String> replyTo,
        String subject,
        Optional<Instant> date,
        Map<String, List<String>> headers,
        Optional<String> text,
        Optional<String> html,
        List<Attachment> attachments,
        Optional<DeliveryReport> deliveryReport) {

    /** Who sent it: an address and, when given, a display name. */
    public record Sender(String address, Optional<String> name) {
        /** "Name <address>" or the address alone, for signature detection and display. */
        public String display() {
            return name.map(n -> n + " <" + address + ">").orElse(address);
        }
    }

    /**
     * A part kept as a file: remittance advice PDFs, spreadsheets, images; with its text when it is a document we read
     * ({@link AttachmentText}: PDF, CSV or plain text, XLSX).
     */
    public record Attachment(
            String contentType, Optional<String> filename, long size, String sha256, Optional<String> text) {
        public Attachment(String contentType, Optional<String> filename, long size, String sha256) {
            this(contentType, filename, size, sha256, Optional.empty());
        }
    }

    /** What a delivery status notification (RFC 3464) says failed. */
    public record DeliveryReport(List<String> failedRecipients, String action, Optional<String> diagnostic) {}

    public Mail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The readable text, or empty string. */
    public String body() {
        return text.orElse("");
    }
}
