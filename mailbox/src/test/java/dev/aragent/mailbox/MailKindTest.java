package dev.aragent.mailbox;

import static dev.aragent.mailbox.MailFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailKindTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Auto-Submitted: auto-replied\nSubject: Re: Invoice",
                "X-Autoreply: yes\nSubject: Re: Invoice",
                "Precedence: auto_reply\nSubject: Re: Invoice",
                "Subject: Out of Office: Invoice INV-1041",
                "Subject: Automatic reply: Invoice INV-1041",
                "Subject: Abwesenheitsnotiz: Rechnung",
                "Subject: Re: Invoice\n\nI am currently out of the office until Monday with limited access to email.",
                "From: noreply@shop.example\nSubject: Your ticket was received",
            })
    void automaticRepliesShouldNeverBeTakenForPeople(String headers) {
        String from = headers.startsWith("From:") ? "" : "From: ap@harbor.example\n";
        String body = headers.contains("\n\n") ? "" : "\n\nThanks";
        assertThat(MailKind.of(parse(from + headers + body))).isEqualTo(MailKind.AUTO_REPLY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Subject: Re: Invoice INV-1041\n\nWe will pay on Friday.",
                "Subject: Re: Invoice INV-1041\n\nI am out of cash this month, can we split it?",
                "Auto-Submitted: no\nSubject: Re: Invoice\n\nPaid yesterday by ACH.",
            })
    void peopleShouldBeTakenForPeople(String text) {
        assertThat(MailKind.of(parse("From: ap@harbor.example\n" + text))).isEqualTo(MailKind.PERSONAL);
    }
}
