package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailSender} adapter must do, seen from the mail server: the messages it took, whose mailbox they
 * went to and what a mail client shows of them. Each test starts with a server that has taken no message and is up.
 */
public interface MailSenderContract extends Outages {
    MailSender sender();

    /**
     * A message as the server took it. {@code mailbox} is the address it was delivered to; Message-IDs are without
     * angle brackets and addresses as the headers name them ({@code Name <address>} or the address alone); the text
     * and HTML parts are decoded, with line ends as LF.
     */
    record Received(
            String mailbox,
            String messageId,
            String from,
            String to,
            String replyTo,
            String subject,
            Optional<String> inReplyTo,
            List<String> references,
            String listUnsubscribe,
            String text,
            String html) {}

    /** Every message the server took; those for one mailbox in the order they came. */
    List<Received> received();

    String FROM = "Dana at Northwind AR <ar@northwind.example>";
    String DEBTOR = "maria@bluefern.example";
    String OTHER_DEBTOR = "ap@harbor.example";
    String REPLY_TO = "ar+7f3a9c2b1d@northwind.example";
    String UNSUBSCRIBE = "<mailto:ar+unsub-7f3a9c2b1d@northwind.example?subject=unsubscribe>";

    /** An email from the AR mailbox as the mail desk queues it, its HTML made from the text. */
    static OutboundEmail email(
            String messageId,
            String to,
            String subject,
            String text,
            Optional<String> inReplyTo,
            List<String> references) {
        String html = "<div style=\"font-family:sans-serif\"><p>"
                + text.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></div>";
        return new OutboundEmail(
                UUID.randomUUID(),
                ConversationId.random(),
                messageId,
                FROM,
                to,
                REPLY_TO,
                subject,
                text,
                html,
                inReplyTo,
                references,
                UNSUBSCRIBE);
    }

    /** The email as the server should have taken it: delivered to its recipient with every header and part intact. */
    static Received intact(OutboundEmail email) {
        return new Received(
                email.to(),
                email.messageId(),
                email.from(),
                email.to(),
                email.replyTo(),
                email.subject(),
                email.inReplyTo(),
                email.references(),
                email.listUnsubscribe(),
                email.text(),
                email.html());
    }

    /** {@code email} is sent, and the server took it with every header and part intact, and nothing else. */
    default void sentIntact(OutboundEmail email) {
        assertThat(sender().send(email)).isInstanceOf(SendResult.Sent.class);
        assertThat(received()).containsExactly(intact(email));
    }

    @Test
    default void aFirstEmailShouldReachTheDebtorFromUsUnderOurMessageIdWithBothPartsAndNoThreadingHeaders() {
        OutboundEmail email = email(
                "4f1c2a9e-0b7d-4c1e-9a3f-2d8b6e5c7a10@northwind.example",
                DEBTOR,
                "Invoice INV-1041 from Northwind Wholesale",
                "Hello Maria,\n\nInvoice INV-1041 for $1,250.00 was due on 2026-10-01.\n\nDana",
                Optional.empty(),
                List.of());

        sentIntact(email);
    }

    @Test
    default void aReplyShouldCarryInReplyToAndTheWholeThreadInReferencesInOrder() {
        OutboundEmail reply = email(
                "9b2d4e6f-1a3c-4e5b-8d7f-0c2e4a6b8d90@northwind.example",
                DEBTOR,
                "Re: Invoice INV-1041 from Northwind Wholesale",
                "Thank you, Maria. Friday works for us.",
                Optional.of("CAK7f3a9-reply-1@mail.bluefern.example"),
                List.of(
                        "4f1c2a9e-0b7d-4c1e-9a3f-2d8b6e5c7a10@northwind.example",
                        "6e8a0c2e-4b6d-4f8a-9c1e-3b5d7f9a1c23@northwind.example",
                        "CAK7f3a9-reply-1@mail.bluefern.example"));

        sentIntact(reply);
    }

    @Test
    default void aSubjectAndPartsBeyondAsciiShouldArriveExactlyAsWritten() {
        OutboundEmail email = email(
                "c3e5a7b9-2d4f-4a6c-8e0b-1f3a5c7e9b2d@northwind.example",
                DEBTOR,
                "Facture INV-1041 – Café Renée : 1 250,00 €",
                "Bonjour Renée,\n\nLa facture INV-1041 (1 250,00 €) était due le 1er octobre.\n"
                        + "Merci d’avance — Dana\n\nPS: 50% = 625,00 € & le reste vendredi?",
                Optional.empty(),
                List.of());

        sentIntact(email);
    }

    @Test
    default void eachEmailShouldReachItsOwnRecipientOnly() {
        OutboundEmail toMaria = email(
                "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a5b@northwind.example",
                DEBTOR,
                "Invoice INV-1041 from Northwind Wholesale",
                "For Maria.",
                Optional.empty(),
                List.of());
        OutboundEmail toHarbor = email(
                "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a5b@northwind.example",
                OTHER_DEBTOR,
                "Invoice INV-2210 from Northwind Wholesale",
                "For Harbor Foods.",
                Optional.empty(),
                List.of());

        assertThat(sender().send(toMaria)).isInstanceOf(SendResult.Sent.class);
        assertThat(sender().send(toHarbor)).isInstanceOf(SendResult.Sent.class);

        assertThat(received()).containsExactlyInAnyOrder(intact(toMaria), intact(toHarbor));
    }

    @Test
    default void anAddressNoServerWouldTakeShouldBeRejectedForGoodAndNothingSent() {
        for (String to : List.of("not an address", "maria@@bluefern.example")) {
            SendResult r = sender().send(email(
                    "<bad-" + to.length() + "@ar.northwind.example>",
                    to,
                    "Invoice INV-1041",
                    "Hello.",
                    Optional.empty(),
                    List.of()));
            assertThat(r).as(to).isInstanceOf(SendResult.Rejected.class);
        }
        assertThat(received()).isEmpty();
    }

    @Test
    default void aSendWhileTheServerFailsForAWhileShouldBeRetryLaterAndTheRetryShouldArriveOnceUnderTheSameId() {
        OutboundEmail email = email(
                "d4f6b8a0-3e5a-4b7c-9d1f-2a4c6e8b0d3f@northwind.example",
                DEBTOR,
                "Invoice INV-1041 from Northwind Wholesale",
                "Invoice INV-1041 is past due.",
                Optional.empty(),
                List.of());
        providerGoesDown();

        SendResult result = sender().send(email);

        assertThat(result).isInstanceOfSatisfying(SendResult.RetryLater.class, r -> {
            assertThat(r.after()).isGreaterThan(Duration.ZERO);
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(received()).isEmpty();

        providerComesBack();
        assertThat(sender().send(email)).isInstanceOf(SendResult.Sent.class); // the same email, retried

        assertThat(received()).containsExactly(intact(email));
    }
}
