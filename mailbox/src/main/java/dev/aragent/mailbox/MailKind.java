package dev.aragent.mailbox;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of mail arrived, before anyone reads it: a person's message, an automatic reply (RFC 3834, vacation and
 * out-of-office notices, auto-acknowledgements), or a bounce (delivery status notification). Only a person's message
 * is ever answered, so two robots cannot loop.
 */
public enum MailKind {
    PERSONAL,
    AUTO_REPLY,
    BOUNCE;

    private static final Pattern OOO_SUBJECT = Pattern.compile(
            "^\\s*(auto(matic)?[ -]?(reply|response|antwort|réponse|respuesta)|out of (the )?office|abwesenheitsnotiz|"
                    + "absence|away from (the )?office|on vacation|vacation reply|autosvar|automatisch antwoord|"
                    + "réponse automatique|fuera de la oficina|ferienabwesenheit)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OOO_BODY = Pattern.compile(
            "\\b(i am|i'm|i will be) (currently )?(out of (the )?office|away|on (annual )?leave|on vacation|travell?ing)"
                    + "|\\bwith limited access to (e-?mail|my email)|\\bwill (respond|reply|get back to you) (to your (e-?mail|message) )?(up)?on my return"
                    + "|\\bthis is an automated (reply|response|message)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^\\s*(undeliver(able|ed)|delivery (status notification|has failed|failure)|mail delivery (failed|subsystem)|"
                    + "returned mail|failure notice|message not delivered|nondeliverable)",
            Pattern.CASE_INSENSITIVE);

    /** Classifies a parsed message from its headers first, then its subject and opening lines. */
    public static MailKind of(Mail mail) {
        String contentType = mail.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String from = mail.from().map(Mail.Sender::address).orElse("");
        if (mail.deliveryReport().isPresent() && contentType.contains("report")
                || contentType.contains("report-type=delivery-status")
                || BOUNCE_SUBJECT.matcher(mail.subject()).find()
                        && (from.startsWith("mailer-daemon@") || from.startsWith("postmaster@"))) {
            return BOUNCE;
        }
        String autoSubmitted = mail.header("auto-submitted").orElse("no").toLowerCase(Locale.ROOT);
        String precedence = mail.header("precedence").orElse("").toLowerCase(Locale.ROOT);
        if (!autoSubmitted.startsWith("no")
                || mail.header("x-autoreply").isPresent()
                || mail.header("x-autorespond").isPresent()
                || mail.header("x-auto-response-suppress")
                                .map(v -> v.toLowerCase(Locale.ROOT).contains("all"))
                                .orElse(false)
                        && OOO_SUBJECT.matcher(mail.subject()).find()
                || List.of("auto_reply", "bulk", "junk", "list").contains(precedence)
                || mail.header("list-id").isPresent()
                        && mail.header("list-unsubscribe").isPresent()
                || OOO_SUBJECT.matcher(mail.subject()).find()
                || from.startsWith("mailer-daemon@")
                || from.startsWith("noreply@")
                || from.startsWith("no-reply@")
                || from.startsWith("donotreply@")) {
            return AUTO_REPLY;
        }
        String opening = mail.body().length() > 600 ? mail.body().substring(0, 600) : mail.body();
        return OOO_BODY.matcher(opening).find() ? AUTO_REPLY : PERSONAL;
    }
}
