package dev.aragent.mailbox;

import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.Reading;
import dev.aragent.agent.spi.MailReader;

/** The {@link MailReader} on mime4j: parse, classify (person, auto-reply, bounce), extract the new text. */
public final class MimeMailReader implements MailReader {
    private MimeMailReader() {}

    public static MimeMailReader create() {
        return new MimeMailReader();
    }

    @Override
    public Reading read(byte[] raw) {
        return switch (MailParser.parse(raw)) {
            case ParseResult.Quarantined q -> new Reading.Unreadable(q.reason());
            case ParseResult.Parsed p -> facts(p.mail());
        };
    }

    private static Reading facts(Mail mail) {
        if (mail.from().isEmpty()) {
            return new Reading.Unreadable("no sender (From) address");
        }
        Mail.Sender from = mail.from().get();
        EmailFacts.Kind kind =
                switch (MailKind.of(mail)) {
                    case PERSONAL -> EmailFacts.Kind.PERSONAL;
                    case AUTO_REPLY -> EmailFacts.Kind.AUTO_REPLY;
                    case BOUNCE -> EmailFacts.Kind.BOUNCE;
                };
        String text = kind == EmailFacts.Kind.PERSONAL
                ? ReplyExtractor.newText(mail.body(), java.util.Optional.of(from.display()))
                : mail.body().strip();
        return new Reading.Read(new EmailFacts(
                mail.messageId(),
                from.address(),
                from.name(),
                mail.to(),
                mail.subject(),
                mail.references(),
                text,
                kind,
                mail.deliveryReport().map(Mail.DeliveryReport::failedRecipients).orElse(java.util.List.of()),
                mail.attachments().stream().flatMap(a -> a.text().stream()).toList()));
    }

    @Override
    public String toString() {
        return "MimeMailReader";
    }
}
