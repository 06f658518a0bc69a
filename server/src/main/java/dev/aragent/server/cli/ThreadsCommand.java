package dev.aragent.server.cli;

import dev.aragent.mailbox.Mail;
import dev.aragent.mailbox.MailParser;
import dev.aragent.mailbox.Mbox;
import dev.aragent.mailbox.ParseResult;
import dev.aragent.mailbox.Threader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent threads FILE.mbox}: one line per message with its parent in the thread. */
@Command(
        name = "threads",
        mixinStandardHelpOptions = true,
        header = "Thread an mbox file: print message-id<TAB>parent-message-id per message.",
        description = "Threads the messages of an mbox file with the same code the mailbox uses (JWZ: References and"
                + " In-Reply-To, then messages of the same subject gathered) and prints one line per message, in file"
                + " order: its Message-ID, a tab, and the Message-ID of its parent in the file (empty for a thread root)."
                + " A message without a Message-ID is named after its position (no-message-id-N). Starts no database.")
public final class ThreadsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.mbox", description = "an mbox file (mboxo or mboxrd)")
    Path file;

    @Option(names = "--no-subject", description = "thread by references only; do not gather messages by subject")
    boolean noSubject;

    @Override
    public Integer call() throws IOException {
        byte[] mbox;
        try {
            mbox = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        }
        List<Threader.Item> items = new ArrayList<>();
        int n = 0;
        int unreadable = 0;
        for (byte[] raw : Mbox.split(mbox)) {
            n++;
            switch (MailParser.parse(raw)) {
                case ParseResult.Parsed p -> items.add(item(p.mail(), n));
                case ParseResult.Quarantined q -> {
                    unreadable++;
                    System.err.println("message " + n + " skipped: " + q.reason());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : Threader.parents(items, !noSubject)) {
            out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
        System.out.print(out);
        return unreadable == 0 ? 0 : 2;
    }

    static Threader.Item item(Mail mail, int position) {
        return new Threader.Item(
                mail.messageId().orElse("no-message-id-" + position), mail.subject(), mail.references());
    }
}
