package dev.aragent.mailbox;

import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.spi.Inbox;
import dev.aragent.agent.spi.TransientFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an IMAP folder by UID with Jakarta Mail (Angus). Keeps one connection and reopens it when it drops; waits for
 * new mail with IMAP IDLE when the server offers it, else by sleeping (polling). Raw messages are fetched as the
 * server stores them; nothing is parsed here.
 */
public final class ImapInbox implements Inbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapInbox.class);
    private static final String HANDLED = "$ArAgentHandled";

    /** Where the mailbox is. The password is never printed. */
    public record Config(
            String host, int port, String user, String password, String folder, boolean ssl, boolean idle) {
        @Override
        public String toString() {
            return "ImapInbox.Config[" + user + "@" + host + ":" + port + "/" + folder + ", password="
                    + (password.isEmpty() ? "" : "****") + "]";
        }
    }

    private final Config config;
    private final Session session;
    private final Clock clock;
    private Store store;
    private IMAPFolder folder;

    private ImapInbox(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Properties p = new Properties();
        String proto = config.ssl() ? "imaps" : "imap";
        p.put("mail.store.protocol", proto);
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "30000");
        if (!config.ssl()) {
            MailRuntime.install(p, proto);
        }
        this.session = Session.getInstance(p);
    }

    public static ImapInbox create(Config config, Clock clock) {
        return new ImapInbox(config, clock);
    }

    @Override
    public String name() {
        return config.user() + "/" + config.folder();
    }

    @Override
    public synchronized Batch fetch(long afterUid, int max) {
        try {
            IMAPFolder f = open();
            long validity = f.getUIDValidity();
            f.doCommand(protocol -> {
                protocol.noop(); // on an open folder the server reports what arrived since the last look
                return null;
            });
            Message[] found = f.getMessagesByUID(afterUid + 1, UIDFolder.MAXUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            f.fetch(found, profile);
            List<Message> wanted = new ArrayList<>();
            for (Message m : found) {
                if (f.getUID(m) > afterUid && wanted.size() < max) {
                    wanted.add(m); // IMAP answers "n:*" with the last message even when n is past it
                }
            }
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE); // every new message in one FETCH, not one each
            f.fetch(wanted.toArray(Message[]::new), whole);
            List<RawEmail> out = new ArrayList<>();
            for (Message m : wanted) {
                long uid = f.getUID(m);
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                out.add(new RawEmail(name(), validity, uid, raw.toByteArray(), clock.instant()));
            }
            return new Batch(validity, out);
        } catch (MessagingException | IOException e) {
            close();
            throw new TransientFailure("cannot read " + name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void markHandled(long uidValidity, List<Long> uids) {
        try {
            IMAPFolder f = open();
            if (f.getUIDValidity() != uidValidity) {
                return; // the folder was rebuilt; the messages will be read (and recognised) again
            }
            Message[] found = Arrays.stream(f.getMessagesByUID(
                            uids.stream().mapToLong(Long::longValue).toArray()))
                    .filter(Objects::nonNull)
                    .toArray(Message[]::new);
            if (found.length > 0) {
                Flags done = new Flags(Flags.Flag.SEEN);
                done.add(HANDLED);
                f.setFlags(found, done, true); // one STORE for the lot
            }
        } catch (MessagingException e) {
            close();
            throw new TransientFailure(
                    "cannot flag " + uids.size() + " messages in " + name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void awaitNew(Duration timeout) {
        IMAPFolder f;
        synchronized (this) {
            try {
                f = open();
            } catch (MessagingException e) {
                close();
                throw new TransientFailure("cannot open " + name() + ": " + e.getMessage(), e);
            }
        }
        if (!config.idle()) {
            sleep(timeout);
            return;
        }
        Thread waker = Thread.ofVirtual().start(() -> {
            sleep(timeout);
            try {
                f.getMessageCount(); // any command on the folder ends the IDLE
            } catch (MessagingException e) {
                LOG.atDebug().log("could not wake IDLE: " + e.getMessage());
            }
        });
        try {
            f.idle(true);
        } catch (MessagingException e) {
            LOG.atInfo().addKeyValue("mailbox", name()).log("IDLE unavailable, polling: " + e.getMessage());
            sleep(timeout);
        } finally {
            waker.interrupt();
        }
    }

    private IMAPFolder open() throws MessagingException {
        if (folder != null && folder.isOpen()) {
            return folder; // an open folder keeps its connection alive itself; asking the store would cost a NOOP
        }
        if (store == null || !store.isConnected()) {
            store = session.getStore();
            store.connect(config.host(), config.port(), config.user(), config.password());
            folder = null;
        }
        if (folder == null || !folder.isOpen()) {
            folder = (IMAPFolder) store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
        }
        return folder;
    }

    @Override
    public synchronized void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            LOG.atDebug().log("closing " + name() + ": " + e.getMessage());
        } finally {
            folder = null;
            store = null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ImapInbox[" + config + "]";
    }
}
