package dev.aragent.server.cli;

import dev.aragent.mailbox.Mail;
import dev.aragent.mailbox.MailParser;
import dev.aragent.mailbox.ParseResult;
import dev.aragent.mailbox.ReplyExtractor;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ar-agent reply-text}: the sender's new text of one raw email on stdin. */
@Command(
        name = "reply-text",
        mixinStandardHelpOptions = true,
        header = "Print only the sender's new text of one raw email read on stdin.",
        description = "Reads one RFC 5322 message on standard input and prints what the sender wrote: no quoted history"
                + " (\"On ... wrote:\", Outlook header blocks, > quoting, in many languages), no signature, no"
                + " disclaimer. Uses the text/plain part, else the HTML rendered as text. Starts no database.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "2:the message cannot be read (the reason is printed on stderr)"})
public final class ReplyTextCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        byte[] raw = System.in.readAllBytes();
        switch (MailParser.parse(raw)) {
            case ParseResult.Quarantined q -> {
                System.err.println("cannot read the message: " + q.reason());
                return 2;
            }
            case ParseResult.Parsed p -> {
                System.out.println(newText(p.mail()));
                return 0;
            }
        }
    }

    /** The new text; an HTML-only message was rendered with its quotes marked, so the same rules apply. */
    static String newText(Mail mail) {
        return ReplyExtractor.newText(mail.body(), mail.from().map(Mail.Sender::display));
    }
}
