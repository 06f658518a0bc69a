package dev.aragent.mailbox;

import static dev.aragent.mailbox.MailFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailParserTest {

    @Test
    void alternativeShouldPreferTextAndKeepTheHtml() {
        Mail mail = parse("""
                From: =?UTF-8?Q?Mar=C3=ADa_Garc=C3=ADa?= <Maria@BlueFern.example>
                To: ar+c7f3a9@northwind.example
                Subject: =?ISO-8859-1?Q?Re:_Factura_vencida_=96_INV-1041?=
                Message-ID: <abc123@mail.bluefern.example>
                In-Reply-To: <out-1@northwind.example>
                References: <out-0@northwind.example> <out-1@northwind.example>
                Date: Tue, 17 Nov 2026 09:12:00 -0600
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Pagaremos el viernes. Gr=FCsse
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>Pagaremos el <b>viernes</b>.</p>
                --b1--
                """);

        assertThat(mail.from()).hasValueSatisfying(f -> {
            assertThat(f.address()).isEqualTo("maria@bluefern.example");
            assertThat(f.name()).contains("María García");
        });
        assertThat(mail.subject()).isEqualTo("Re: Factura vencida – INV-1041");
        assertThat(mail.messageId()).contains("abc123@mail.bluefern.example");
        assertThat(mail.inReplyTo()).contains("out-1@northwind.example");
        assertThat(mail.references()).containsExactly("out-0@northwind.example", "out-1@northwind.example");
        assertThat(mail.text()).hasValueSatisfying(t -> assertThat(t).contains("Pagaremos el viernes. Grüsse"));
        assertThat(mail.html()).hasValueSatisfying(h -> assertThat(h).contains("<b>viernes</b>"));
        assertThat(mail.to()).containsExactly("ar+c7f3a9@northwind.example");
        assertThat(mail.date()).isPresent();
    }

    @Test
    void htmlOnlyMailShouldBeRenderedAsText() {
        Mail mail = parse("""
                From: ap@harbor.example
                Subject: Payment
                Content-Type: text/html; charset=windows-1252

                <div>We paid <b>$1,200.00</b> today.<br>Ref 88812</div>
                """);

        assertThat(mail.text()).contains("We paid $1,200.00 today.\nRef 88812");
    }

    @Test
    void attachmentsShouldBeKeptWithTypeNameSizeAndHash() {
        Mail mail = parse("""
                From: ap@harbor.example
                Subject: Remittance advice
                Content-Type: multipart/mixed; boundary=x

                --x
                Content-Type: text/plain

                Remittance attached.
                --x
                Content-Type: application/pdf; name="remit.pdf"
                Content-Disposition: attachment; filename="=?UTF-8?Q?remesa_n=C2=BA_7.pdf?="
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJcfsj6IK
                --x--
                """);

        assertThat(mail.body()).isEqualTo("Remittance attached.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.filename()).contains("remesa nº 7.pdf");
            assertThat(a.size()).isEqualTo(15);
            assertThat(a.sha256()).hasSize(64);
        });
    }

    @Test
    void aDeliveryStatusNotificationShouldNameTheFailedRecipient() {
        Mail mail = parse("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example>
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary=r

                --r
                Content-Type: text/plain

                Delivery to the following recipient failed permanently.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; ap@gone.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --r--
                """);

        assertThat(mail.deliveryReport()).hasValueSatisfying(r -> {
            assertThat(r.failedRecipients()).containsExactly("ap@gone.example");
            assertThat(r.diagnostic()).contains("smtp; 550 5.1.1 user unknown");
        });
        assertThat(MailKind.of(mail)).isEqualTo(MailKind.BOUNCE);
    }

    @Test
    void badInputShouldBeQuarantinedNotThrown() {
        assertThat(MailParser.parse(new byte[0])).isEqualTo(new ParseResult.Quarantined("empty message"));
        assertThat(MailParser.parse(MailFixtures.raw("just some words\nwithout any header\n")))
                .isInstanceOf(ParseResult.Quarantined.class);
        assertThat(parse("Subject: no id\n\nbody").messageId()).isEqualTo(Optional.empty());
    }

    @Test
    void hostileNestingIsQuarantinedWithItsReasonNeverThrown() {
        // 6,000 nested multiparts (about 210 KB): refused before the parser recurses
        StringBuilder deep = new StringBuilder("From: a@b.example\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 6_000; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        deep.append("Content-Type: text/plain\r\n\r\nhi\r\n");
        assertThat(MailParser.parse(deep.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(
                        ParseResult.Quarantined.class,
                        q -> assertThat(q.reason()).contains("exceed the limit"));

        // 60 levels: under the count limit, over the depth limit
        StringBuilder nested = new StringBuilder("From: a@b.example\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 60; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\nhi\r\n");
        for (int i = 59; i >= 0; i--) {
            nested.append("--b").append(i).append("--\r\n");
        }
        assertThat(MailParser.parse(nested.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(
                        ParseResult.Quarantined.class,
                        q -> assertThat(q.reason()).contains("nested"));
    }

    @Test
    void deeplyNestedHtmlIsRenderedWithoutExhaustingTheStack() {
        String html = "<div>".repeat(20_000) + "Paid on Friday." + "</div>".repeat(20_000);
        assertThat(HtmlText.of(html)).contains("Paid on Friday.");
    }
}
