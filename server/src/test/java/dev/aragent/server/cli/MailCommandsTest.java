package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reply-text} and {@code threads}: no database, real messages in, the stable output format out. */
class MailCommandsTest {

    private static CliRun withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void replyTextShouldPrintOnlyTheNewText() {
        CliRun run = withStdin("""
                From: Maria Garcia <maria@bluefern.example>
                To: ar@northwind.example
                Subject: Re: Invoice INV-1041
                Message-ID: <r1@bluefern.example>

                We will pay $600 on Friday and the rest on the 15th.

                Maria Garcia

                On Tue, Nov 17, 2026 at 9:00 AM Northwind AR <ar@northwind.example> wrote:
                > Invoice INV-1041 for $1,250.00 is 30 days past due.
                """, "reply-text");

        assertThat(run.exit()).isZero();
        // the name the sender signed with is part of what they wrote; the quoted reminder is not
        assertThat(run.out().strip()).isEqualTo("We will pay $600 on Friday and the rest on the 15th.\n\nMaria Garcia");
    }

    @Test
    void replyTextShouldRefuseWhatIsNotAMessage() {
        CliRun run = withStdin("", "reply-text");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("cannot read the message: empty message");
    }

    @Test
    void threadsShouldPrintEachMessageWithItsParent(@TempDir Path dir) throws Exception {
        Path mbox = dir.resolve("ar.mbox");
        Files.writeString(mbox, """
                From ar@northwind.example Mon Nov 16 10:00:00 2026
                Message-ID: <o1@northwind.example>
                Subject: Invoice INV-1041 is past due

                Hello

                From maria@bluefern.example Tue Nov 17 09:12:00 2026
                Message-ID: <r1@bluefern.example>
                In-Reply-To: <o1@northwind.example>
                References: <o1@northwind.example>
                Subject: Re: Invoice INV-1041 is past due

                Friday

                From ap@harbor.example Tue Nov 17 11:00:00 2026
                Message-ID: <x1@harbor.example>
                Subject: RE: Invoice INV-1041 is past due

                A reply from a client that drops References
                """);

        CliRun run = CliRun.of("threads", mbox.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .isEqualTo("o1@northwind.example\t\nr1@bluefern.example\to1@northwind.example\n"
                        + "x1@harbor.example\to1@northwind.example\n");
        assertThat(CliRun.of("threads", "--no-subject", mbox.toString()).out()).endsWith("x1@harbor.example\t\n");
    }
}
