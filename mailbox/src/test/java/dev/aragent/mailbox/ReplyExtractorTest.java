package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole extraction (quotation and signature and disclaimer) on replies a collections mailbox gets. */
class ReplyExtractorTest {

    @Test
    void aGmailReplyShouldYieldOnlyTheNewSentences() {
        String body = """
                Hi Dana,

                We can pay half now and the rest on the 15th.

                Thanks,
                Maria Garcia
                AP Manager, Blue Fern Bistro
                (555) 201-0100

                On Tue, Nov 17, 2026 at 9:00 AM Northwind AR <ar@northwind.example> wrote:
                > Hello Maria,
                > Invoice INV-1041 for $1,250.00 is 30 days past due.
                """;

        assertThat(ReplyExtractor.newText(body, Optional.of("Maria Garcia <maria@bluefern.example>")))
                .isEqualTo("Hi Dana,\n\nWe can pay half now and the rest on the 15th.");
    }

    @Test
    void anOutlookReplyWithADisclaimerShouldLoseBoth() {
        String body = """
                Payment was sent by ACH yesterday, confirmation 88812.

                CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the
                addressee. If you received this message in error, please delete it.

                From: Northwind AR <ar@northwind.example>
                Sent: Monday, November 16, 2026 10:00 AM
                To: ap@harbor.example
                Subject: Invoice INV-2210
                """;

        assertThat(ReplyExtractor.newText(body, Optional.empty()))
                .isEqualTo("Payment was sent by ACH yesterday, confirmation 88812.");
    }

    @Test
    void aTerseSmsStyleReplyShouldStayWhole() {
        assertThat(ReplyExtractor.newText("paid friday\n\nSent from my iPhone", Optional.empty()))
                .isEqualTo("paid friday");
        assertThat(ReplyExtractor.newText("ok", Optional.empty())).isEqualTo("ok");
    }
}
