package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailReader} must make of raw RFC 5322 messages: who wrote to whom, what it answers, what kind of
 * mail it is and the sender's new text; and, for bytes it cannot read, a reason instead of an exception. The messages
 * are written here, line by line, as mail clients and servers send them.
 */
public interface MailReaderContract {
    MailReader reader();

    /** The message as it travels: UTF-8, CRLF line ends. */
    static byte[] raw(String message) {
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    default EmailFacts read(String message) {
        Reading reading = reader().read(raw(message));
        assertThat(reading).isInstanceOf(Reading.Read.class);
        return ((Reading.Read) reading).facts();
    }

    default String unreadableBecause(byte[] message) {
        Reading reading = reader().read(message);
        assertThat(reading).isInstanceOf(Reading.Unreadable.class);
        return ((Reading.Unreadable) reading).reason();
    }

    @Test
    default void aPlainReplyShouldBeReadWithItsSenderRecipientsThreadAndNewText() {
        EmailFacts facts = read("""
                Return-Path: <maria.garcia@bluefern.example>
                Message-ID: <CAK7f3a9-reply-1@mail.bluefern.example>
                In-Reply-To: <reminder-2@northwind.example>
                References: <reminder-1@northwind.example>
                 <reminder-2@northwind.example>
                Date: Mon, 16 Nov 2026 10:04:00 -0600
                From: Maria Garcia <Maria.Garcia@BlueFern.example>
                To: Dana at Northwind AR <AR+7f3a9c2b1d@Northwind.example>, billing@bluefern.example
                Subject: Re: Invoice INV-1041 from Northwind Wholesale
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                We will pay INV-1041 in full on Friday.
                """);

        assertThat(facts)
                .isEqualTo(new EmailFacts(
                        Optional.of("CAK7f3a9-reply-1@mail.bluefern.example"),
                        "maria.garcia@bluefern.example",
                        Optional.of("Maria Garcia"),
                        List.of("ar+7f3a9c2b1d@northwind.example", "billing@bluefern.example"),
                        "Re: Invoice INV-1041 from Northwind Wholesale",
                        List.of("reminder-1@northwind.example", "reminder-2@northwind.example"),
                        "We will pay INV-1041 in full on Friday.",
                        EmailFacts.Kind.PERSONAL,
                        List.of()));
    }

    @Test
    default void inReplyToShouldEndTheReferencesWhenTheyLeaveItOut() {
        EmailFacts facts = read("""
                Message-ID: <r2@mail.bluefern.example>
                In-Reply-To: <reminder-3@northwind.example>
                References: <reminder-1@northwind.example>
                From: maria@bluefern.example
                To: ar+7f3a9c2b1d@northwind.example
                Subject: Re: Invoice INV-1041

                Check mailed today.
                """);

        assertThat(facts.references()).containsExactly("reminder-1@northwind.example", "reminder-3@northwind.example");
    }

    @Test
    default void aBareMessageShouldBeReadWithNoSenderNameNoIdAndNoThread() {
        EmailFacts facts = read("""
                From: ap@harbor.example
                To: ar@northwind.example
                Subject: Remittance

                Check 4471 covers INV-2210.
                """);

        assertThat(facts.messageId()).isEmpty();
        assertThat(facts.fromAddress()).isEqualTo("ap@harbor.example");
        assertThat(facts.fromName()).isEmpty();
        assertThat(facts.references()).isEmpty();
        assertThat(facts.newText()).isEqualTo("Check 4471 covers INV-2210.");
        assertThat(facts.kind()).isEqualTo(EmailFacts.Kind.PERSONAL);
    }

    @Test
    default void quotedHistoryShouldBeTrimmedFromTheNewText() {
        EmailFacts facts = read("""
                From: Maria Garcia <maria@bluefern.example>
                To: ar+7f3a9c2b1d@northwind.example
                Subject: Re: Invoice INV-1041
                Message-ID: <r3@mail.bluefern.example>
                Content-Type: text/plain; charset=UTF-8

                Half now, half on the 15th.

                On Mon, Nov 16, 2026 at 9:00 AM Dana at Northwind AR <ar@northwind.example> wrote:
                > Invoice INV-1041 for $1,250.00 was due on 2026-10-01.
                >
                > Dana
                """);

        assertThat(facts.newText()).isEqualTo("Half now, half on the 15th.");
    }

    @Test
    default void aSignatureBelowItsDelimiterShouldBeTrimmedFromTheNewText() {
        EmailFacts facts = read("""
                From: Maria Garcia <maria@bluefern.example>
                To: ar+7f3a9c2b1d@northwind.example
                Subject: Re: Invoice INV-1041
                Message-ID: <r4@mail.bluefern.example>
                Content-Type: text/plain; charset=UTF-8

                Paid by ACH today, reference 88812.

                --\s
                Maria Garcia
                Blue Fern Bistro
                """);

        assertThat(facts.newText()).isEqualTo("Paid by ACH today, reference 88812.");
    }

    @Test
    default void theTextPartShouldBeReadWhenTheHtmlComesWithIt() {
        EmailFacts facts = read("""
                From: Maria Garcia <maria@bluefern.example>
                To: ar@northwind.example
                Subject: Re: Invoice INV-1041
                Message-ID: <a1@mail.bluefern.example>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt-7f3a"

                This is a multi-part message in MIME format.
                --alt-7f3a
                Content-Type: text/plain; charset=UTF-8

                Paid in full by wire this morning.
                --alt-7f3a
                Content-Type: text/html; charset=UTF-8

                <p>Paid in full by <b>wire</b> this morning. (HTML)</p>
                --alt-7f3a--
                """);

        assertThat(facts.newText()).isEqualTo("Paid in full by wire this morning.");
    }

    @Test
    default void htmlOnlyMailShouldBeReadAsText() {
        EmailFacts facts = read("""
                From: Accounts Payable <ap@harbor.example>
                To: ar@northwind.example
                Subject: Payment
                Message-ID: <h1@harbor.example>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p { color: #333; }</style></head><body><p>We paid INV-2210 today &amp; \
                emailed the remittance.</p><p>The ACH reference is 0042.</p></body></html>
                """);

        assertThat(facts.newText())
                .isEqualTo("We paid INV-2210 today & emailed the remittance.\nThe ACH reference is 0042.");
    }

    @Test
    default void encodedHeadersAndAQuotedPrintableBodyShouldBeDecoded() {
        EmailFacts facts = read("""
                From: =?UTF-8?Q?Ren=C3=A9e_Dupont?= <renee@cafe-renee.example>
                To: ar@northwind.example
                Subject: =?UTF-8?Q?Re:_Facture_INV-1041_=E2=80=93_Caf=C3=A9_Ren=C3=A9e?=
                Message-ID: <e1@cafe-renee.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Nous payons 1 250,00 =E2=82=AC vendredi, apr=C3=A8s la paie, pour la factu=
                re INV-1041.
                """);

        assertThat(facts.fromName()).contains("Renée Dupont");
        assertThat(facts.subject()).isEqualTo("Re: Facture INV-1041 – Café Renée");
        assertThat(facts.newText())
                .isEqualTo("Nous payons 1 250,00 € vendredi, après la paie, pour la facture INV-1041.");
    }

    @Test
    default void anAutomaticReplyShouldBeToldFromAPersonsReply() {
        EmailFacts facts = read("""
                From: Maria Garcia <maria@bluefern.example>
                To: ar+7f3a9c2b1d@northwind.example
                Subject: Automatic reply: Invoice INV-1041 from Northwind Wholesale
                Message-ID: <ooo-1@mail.bluefern.example>
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=UTF-8

                I am out of the office until Monday, November 23.
                """);

        assertThat(facts.kind()).isEqualTo(EmailFacts.Kind.AUTO_REPLY);
        assertThat(facts.newText()).contains("out of the office until Monday");
        assertThat(facts.undeliverable()).isEmpty();
    }

    @Test
    default void aBounceShouldBeToldApartAndNameTheAddressThatFailed() {
        EmailFacts facts = read("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.bluefern.example>
                To: ar@northwind.example
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-1@mx.bluefern.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

                --dsn
                Content-Type: text/plain; charset=US-ASCII

                Delivery to the following recipient failed permanently: old-ap@bluefern.example
                --dsn
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.bluefern.example

                Final-Recipient: rfc822; Old-AP@bluefern.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --dsn--
                """);

        assertThat(facts.kind()).isEqualTo(EmailFacts.Kind.BOUNCE);
        assertThat(facts.fromAddress()).isEqualTo("mailer-daemon@mx.bluefern.example");
        assertThat(facts.undeliverable()).containsExactly("old-ap@bluefern.example");
    }

    @Test
    default void noBytesShouldBeUnreadableWithAReasonNotAnException() {
        assertThat(unreadableBecause(new byte[0])).containsIgnoringCase("empty");
    }

    @Test
    default void textWithoutAHeaderSectionShouldBeUnreadableWithAReasonNotAnException() {
        assertThat(unreadableBecause(raw("just some words\nwithout any header section\n")))
                .isNotBlank();
    }

    @Test
    default void aMessageWithoutASenderShouldBeUnreadableWithAReasonNotAnException() {
        String reason = unreadableBecause(raw("""
                To: ar@northwind.example
                Subject: Payment
                Message-ID: <nofrom@harbor.example>

                We paid.
                """));

        assertThat(reason).containsIgnoringCase("from");
    }
}
