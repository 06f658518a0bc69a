package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aragent.agent.spi.Inbox;
import dev.aragent.agent.spi.InboxContract;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox contract through Jakarta Mail against GreenMail's IMAP server, one per test, waiting with IDLE. Mail is
 * stored in the AR user's INBOX on the server side, as delivery stores it; {@link PollingImapInboxIT} runs the contract
 * again without IDLE.
 */
class ImapInboxIT implements InboxContract {
    private static final String AR = "ar@northwind.example";
    private static final String PASSWORD = "ar-imap-secret";

    private final List<ImapInbox> opened = new ArrayList<>();
    private GreenMail mail;
    private GreenMailUser user;
    private int port;
    private Optional<ImapServer> broughtBack = Optional.empty();
    private ImapInbox inbox;

    /** Whether the inbox waits for new mail with IMAP IDLE. */
    boolean idle() {
        return true;
    }

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        user = mail.setUser(AR, AR, PASSWORD);
        port = mail.getImap().getPort();
        inbox = open();
    }

    @AfterEach
    void stop() {
        opened.forEach(ImapInbox::close);
        broughtBack.ifPresent(ImapServer::stopService);
        mail.stop();
    }

    private ImapInbox open() {
        ImapInbox opening = ImapInbox.create(
                new ImapInbox.Config("127.0.0.1", port, AR, PASSWORD, "INBOX", false, idle()), Clock.systemUTC());
        opened.add(opening);
        return opening;
    }

    private MailFolder folder() {
        try {
            return mail.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    /** Stored as the server stores what it accepts: the bytes as they came, with the next UID of the folder. */
    @Override
    public long arrives(byte[] message) {
        try {
            MimeMessage parsed =
                    new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
            return folder().appendMessage(parsed, new Flags(), new Date());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new adapter with its own connection, as the process makes after a restart. */
    @Override
    public Inbox afterRestart() {
        return open();
    }

    @Override
    public List<Long> seenOnServer() {
        return folder().getMessages().stream()
                .filter(m -> m.isSet(Flags.Flag.SEEN))
                .map(StoredMessage::getUid)
                .sorted()
                .toList();
    }

    /** Flagged deleted and expunged by the server; sessions with the folder open hear of it on their next command. */
    @Override
    public void serverDeletes(long uid) {
        MailFolder folder = folder();
        try {
            folder.setFlags(new Flags(Flags.Flag.DELETED), true, uid, null, false);
            folder.expunge();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IMAP server stops: it closes every connection and refuses new ones. The store keeps the folder. */
    @Override
    public void providerGoesDown() {
        mail.getImap().stopService();
    }

    /** A new IMAP server on the same port over the same store, as after a restart of the mail server. */
    @Override
    public void providerComesBack() {
        ImapServer again = new ImapServer(mail.getImap().getServerSetup(), mail.getManagers());
        again.startService();
        broughtBack = Optional.of(again);
        try {
            if (!again.waitTillRunning(10_000)) {
                throw new IllegalStateException("GreenMail's IMAP server did not come back on port " + port);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean wakesOnNewMail() {
        return idle();
    }

    @Test
    void handledMessagesShouldAlsoCarryTheAgentsKeywordSoPeopleCanTellThemFromMailTheyRead() {
        long uid = arrives(InboxContract.message("m1@bluefern.example"));
        Inbox.Batch batch = inbox.fetch(0, MANY);

        inbox.markHandled(batch.uidValidity(), List.of(uid));

        assertThat(folder().getMessage(uid).getFlags().contains("$ArAgentHandled"))
                .isTrue();
    }

    @Test
    void toStringShouldNotShowThePassword() {
        assertThat(inbox.toString()).contains(AR).doesNotContain(PASSWORD);
    }
}
