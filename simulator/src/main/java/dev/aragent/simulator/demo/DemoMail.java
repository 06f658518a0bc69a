package dev.aragent.simulator.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.conversation.MailboxWatcher;
import dev.aragent.agent.conversation.TurnTaker;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.mailbox.ImapInbox;
import dev.aragent.mailbox.MailRuntime;
import dev.aragent.mailbox.MimeMailReader;
import dev.aragent.mailbox.SmtpSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The demo's mail world: an in-process SMTP/IMAP server (GreenMail) holding the company's AR mailbox and every
 * debtor's mailbox, the desk wired to it, and the debtors' side of the conversation (they read what the agent sent and
 * answer from their own mail client).
 */
public final class DemoMail implements AutoCloseable {
    public static final String AR_ADDRESS = "ar@northwind.example";
    /** Who the demo's messages come from, by email and by text. */
    public static final MailSettings IDENTITY =
            new MailSettings(AR_ADDRESS, "Dana at Northwind AR", "Northwind Wholesale");

    private static final String AR_PASSWORD = "demo-ar";

    private final GreenMail server;
    private final MailDesk desk;
    private final MailboxWatcher watcher;
    private final ImapInbox inbox;
    private final Session debtors;
    private Transport debtorsSmtp;

    private DemoMail(GreenMail server, MailDesk desk, MailboxWatcher watcher, ImapInbox inbox) {
        this.server = server;
        this.desk = desk;
        this.watcher = watcher;
        this.inbox = inbox;
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.getSmtp().getPort()));
        MailRuntime.install(p, "smtp");
        this.debtors = Session.getInstance(p);
    }

    public static DemoMail start(MailJournal journal, Clock clock, Function<MailSettings, TurnTaker> brain) {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        server.getUserManager().setSieveIgnoreDetail(true); // ar+token@ lands in ar@, as on real servers
        server.setUser(AR_ADDRESS, AR_ADDRESS, AR_PASSWORD);
        MailSettings identity = IDENTITY;
        MailDesk desk = MailDesk.create(
                journal,
                MimeMailReader.create(),
                SmtpSender.create(
                        new SmtpSender.Config("127.0.0.1", server.getSmtp().getPort(), "", "", false)),
                clock,
                identity,
                brain.apply(identity));
        ImapInbox inbox = ImapInbox.create(
                new ImapInbox.Config(
                        "127.0.0.1", server.getImap().getPort(), AR_ADDRESS, AR_PASSWORD, "INBOX", false, false),
                clock);
        return new DemoMail(server, desk, MailboxWatcher.create(desk, journal, clock), inbox);
    }

    public MailDesk desk() {
        return desk;
    }

    public MailboxWatcher watcher() {
        return watcher;
    }

    public ImapInbox inbox() {
        return inbox;
    }

    /** Every message the mail server has delivered (to debtors and to the AR mailbox), oldest first. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** What the agent sent to a debtor's address, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(address))
                .toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A debtor answers a message from their own mail client: to its Reply-To, in its thread, quoting it. */
    public void reply(MimeMessage to, String fromName, String fromAddress, String text, boolean autoReply)
            throws MessagingException {
        MimeMessage m = new MimeMessage(debtors);
        try {
            m.setFrom(new InternetAddress(fromAddress, fromName));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        m.setRecipients(Message.RecipientType.TO, to.getReplyTo());
        m.setSubject((autoReply ? "Automatic reply: " : "Re: ") + to.getSubject());
        m.setHeader("In-Reply-To", to.getMessageID());
        m.setHeader("References", to.getMessageID());
        if (autoReply) {
            m.setHeader("Auto-Submitted", "auto-replied");
        }
        String quoted = "\n\nOn " + to.getSentDate() + ", Dana at Northwind AR <" + AR_ADDRESS + "> wrote:\n> "
                + String.join("\n> ", textOf(to).split("\n"));
        m.setText(text + (autoReply ? "" : quoted));
        m.saveChanges();
        synchronized (this) {
            if (debtorsSmtp == null || !debtorsSmtp.isConnected()) {
                debtorsSmtp = debtors.getTransport("smtp");
                debtorsSmtp.connect();
            }
            debtorsSmtp.sendMessage(m, m.getAllRecipients()); // one connection for all the debtors' mail clients
        }
    }

    /** The plain-text body of a message. */
    public static String textOf(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof jakarta.mail.Multipart mp) {
                return String.valueOf(mp.getBodyPart(0).getContent()).strip();
            }
            return String.valueOf(content).strip();
        } catch (MessagingException | java.io.IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        inbox.close();
        synchronized (this) {
            if (debtorsSmtp != null) {
                try {
                    debtorsSmtp.close();
                } catch (MessagingException e) {
                    // the server stops next
                }
            }
        }
        server.stop();
    }
}
