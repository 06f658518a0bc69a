package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxTest {

    @Test
    void shouldSplitOnFromLinesAndUnescapeQuotedOnes() {
        String mbox = """
                From ap@harbor.example Tue Nov 17 09:00:00 2026
                Message-ID: <a@x>
                Subject: one

                >From the desk of AP: paid.

                From ar@northwind.example Tue Nov 17 10:00:00 2026
                Message-ID: <b@x>
                In-Reply-To: <a@x>
                Subject: Re: one

                thanks
                """;

        List<byte[]> messages = Mbox.split(mbox.getBytes(StandardCharsets.UTF_8));

        assertThat(messages).hasSize(2);
        assertThat(new String(messages.get(0), StandardCharsets.UTF_8))
                .contains("\nFrom the desk of AP: paid.")
                .doesNotContain(">From");
        assertThat(Threader.parents(List.of(item(messages.get(0)), item(messages.get(1))), true))
                .extracting(e -> e.getKey() + "\t" + e.getValue())
                .containsExactly("a@x\t", "b@x\ta@x");
    }

    private static Threader.Item item(byte[] raw) {
        Mail m = ((ParseResult.Parsed) MailParser.parse(raw)).mail();
        return new Threader.Item(m.messageId().orElseThrow(), m.subject(), m.references());
    }
}
