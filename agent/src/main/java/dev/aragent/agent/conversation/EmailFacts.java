package dev.aragent.agent.conversation;

import java.util.List;
import java.util.Optional;

/**
 * What the core needs to know of a read email: who, to whom, what it replies to, what kind it is, and the sender's new
 * text (quoted history and signature removed), and the text of the attachments we read (a remittance advice's PDF,
 * spreadsheet or CSV).
 */
public record EmailFacts(
        Optional<String> messageId,
        String fromAddress,
        Optional<String> fromName,
        List<String> to,
        String subject,
        List<String> references,
        String newText,
        Kind kind,
        List<String> undeliverable,
        List<String> attachmentTexts) {

    /** An email without attachments we read. */
    public EmailFacts(
            Optional<String> messageId,
            String fromAddress,
            Optional<String> fromName,
            List<String> to,
            String subject,
            List<String> references,
            String newText,
            Kind kind,
            List<String> undeliverable) {
        this(messageId, fromAddress, fromName, to, subject, references, newText, kind, undeliverable, List.of());
    }

    /** Who wrote it: a person, a robot answering for one, or the mail system returning a message. */
    public enum Kind {
        PERSONAL,
        AUTO_REPLY,
        BOUNCE
    }

    public EmailFacts {
        to = List.copyOf(to);
        references = List.copyOf(references);
        undeliverable = List.copyOf(undeliverable);
        attachmentTexts = List.copyOf(attachmentTexts);
    }
}
