package dev.aragent.mailbox;

import java.nio.charset.StandardCharsets;

/** Raw messages written for tests (CRLF line ends, as on the wire). */
final class MailFixtures {
    private MailFixtures() {}

    static byte[] raw(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static Mail parse(String text) {
        return switch (MailParser.parse(raw(text))) {
            case ParseResult.Parsed p -> p.mail();
            case ParseResult.Quarantined q -> throw new AssertionError("quarantined: " + q.reason());
        };
    }
}
