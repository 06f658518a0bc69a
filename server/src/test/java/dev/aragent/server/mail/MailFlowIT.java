package dev.aragent.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aragent.agent.conversation.Completion;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.IntakeResult;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.MailSettings;
import dev.aragent.agent.conversation.MailboxWatcher;
import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.Recorded;
import dev.aragent.mailbox.ImapInbox;
import dev.aragent.mailbox.MimeMailReader;
import dev.aragent.mailbox.SmtpSender;
import dev.aragent.store.Database;
import dev.aragent.store.PostgresLedger;
import dev.aragent.store.PostgresMailJournal;
import dev.aragent.store.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email end to end on real components: GreenMail's SMTP and IMAP, an embedded PostgreSQL, Jakarta Mail on both sides.
 * A reminder goes out, the debtor answers from her own mail client, the reply is read from the AR mailbox, threaded,
 * its new text extracted, and the answer goes back in the same thread.
 */
class MailFlowIT {
    private static final String AR = "ar@northwind.example";
    private static final String DEBTOR = "maria@bluefern.example";
    private static final Clock CLOCK = Clock.systemUTC();

    private GreenMail mail;
    private Database db;
    private TenantId tenant;
    private PostgresMailJournal journal;
    private MailDesk desk;
    private MailboxWatcher watcher;
    private ImapInbox inbox;

    @BeforeEach
    void start() {
        mail = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
        });
        mail.start();
        mail.getUserManager().setSieveIgnoreDetail(true); // deliver ar+token@ to ar@, as real servers do (RFC 5233)
        mail.setUser(AR, AR, "ar-secret");
        mail.setUser(DEBTOR, DEBTOR, "maria-secret");
        db = TestDatabase.fresh();
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        Customer bistro = Books.customerWithEmail("C-1", "Blue Fern Bistro", DEBTOR);
        PostgresLedger.create(db, CLOCK)
                .apply(
                        tenant,
                        Books.aging(
                                List.of(bistro),
                                List.of(Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000)),
                                List.of()),
                        Books.audit(ImportKind.AGING, 1));
        journal = PostgresMailJournal.create(db, CLOCK);
        desk = MailDesk.create(
                journal,
                MimeMailReader.create(),
                SmtpSender.create(
                        new SmtpSender.Config("127.0.0.1", mail.getSmtp().getPort(), "", "", false)),
                CLOCK,
                new MailSettings(AR, "Dana at Northwind AR", "Northwind Wholesale"));
        watcher = MailboxWatcher.create(desk, journal, CLOCK);
        inbox = imap(false);
    }

    private ImapInbox imap(boolean idle) {
        return ImapInbox.create(
                new ImapInbox.Config("127.0.0.1", mail.getImap().getPort(), AR, "ar-secret", "INBOX", false, idle),
                CLOCK);
    }

    @AfterEach
    void stop() {
        inbox.close();
        mail.stop();
    }

    private ConversationId remind() {
        var ledger = PostgresLedger.create(db, CLOCK);
        Customer customer = ledger.customers(tenant).getFirst();
        List<Invoice> invoices = ledger.invoices(tenant, InvoiceStatus.OPEN);
        ConversationId id = desk.remind(
                tenant,
                customer,
                customer.contacts().getFirst(),
                invoices,
                "Hello Maria,\n\nInvoice INV-1041 for $1,250.00 was due on 2026-10-01.\n\nDana");
        assertThat(desk.dispatch(tenant, 10)).isEqualTo(1);
        return id;
    }

    private MimeMessage[] inboxOf(String address) {
        return java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0]
                                .toString()
                                .replaceAll("\\+[^@]*@", "@")
                                .contains(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    private void send(String from, String to, String subject, String body, String inReplyTo, String... headers)
            throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from, "Maria Garcia"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText(body);
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", inReplyTo);
            m.setHeader("References", inReplyTo);
        }
        for (int i = 0; i < headers.length; i += 2) {
            m.setHeader(headers[i], headers[i + 1]);
        }
        Transport.send(m);
    }

    private int count(String sql) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(sql)
                        .bind("t", tenant.value())
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void aReplyShouldBeThreadedExtractedAndAnsweredInTheSameThread() throws Exception {
        ConversationId conversation = remind();
        MimeMessage reminder = inboxOf(DEBTOR)[0];
        String replyTo = reminder.getReplyTo()[0].toString();
        assertThat(replyTo).matches("ar\\+[0-9a-f]{10}@northwind\\.example");
        assertThat(reminder.getHeader("List-Unsubscribe")[0]).startsWith("<mailto:ar+unsub-");
        assertThat(reminder.getContentType()).contains("multipart/alternative");

        send(DEBTOR, replyTo, "Re: " + reminder.getSubject(), """
                We will pay on Friday.

                Maria

                On Mon, Nov 16, 2026 at 9:00 AM Dana at Northwind AR <ar@northwind.example> wrote:
                > Invoice INV-1041 for $1,250.00 was due on 2026-10-01.
                """, reminder.getMessageID());
        List<IntakeResult> results = watcher.pollOnce(tenant, inbox);

        assertThat(results).singleElement().isInstanceOfSatisfying(IntakeResult.Processed.class, p -> {
            assertThat(p.conversation()).contains(conversation);
            assertThat(p.newText()).isEqualTo("We will pay on Friday.\n\nMaria"); // the name she signed with stays
            assertThat(p.replies()).isEqualTo(1);
        });
        assertThat(desk.dispatch(tenant, 10)).isEqualTo(1);
        MimeMessage[] toMaria = inboxOf(DEBTOR);
        assertThat(toMaria).hasSize(2);
        MimeMessage answer = toMaria[1];
        MimeMessage theirs = inboxOf(AR)[0];
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo(theirs.getMessageID());
        assertThat(answer.getHeader("References")[0])
                .contains(reminder.getMessageID())
                .contains(theirs.getMessageID());
        assertThat(answer.getSubject()).isEqualTo("Re: " + reminder.getSubject());
        assertThat(
                        count(
                                "select count(*) from messages where tenant_id = :t and new_text = 'We will pay on Friday.' || chr(10) || chr(10) || 'Maria'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from conversations where tenant_id = :t and stage = 'engaged'"))
                .isEqualTo(1);
        assertThat(watcher.pollOnce(tenant, inbox)).isEmpty();
    }

    @Test
    void rereadingTheMailboxAfterARestartShouldDuplicateNothing() throws Exception {
        remind();
        MimeMessage reminder = inboxOf(DEBTOR)[0];
        send(DEBTOR, reminder.getReplyTo()[0].toString(), "Re: x", "Paid by ACH today.", reminder.getMessageID());
        watcher.pollOnce(tenant, inbox);

        db.jdbi().useHandle(h -> h.execute("delete from mailbox_state"));
        List<IntakeResult> again = watcher.pollOnce(tenant, imap(false));

        assertThat(again).singleElement().isInstanceOf(IntakeResult.Duplicate.class);
        assertThat(count("select count(*) from messages where tenant_id = :t and direction = 'inbound'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox where tenant_id = :t")).isEqualTo(2);
    }

    /** A reminder goes out and the debtor's reply waits in the mailbox; the journal returned crashes while {@code crash}. */
    private MailJournal replyArrivesBeforeA(AtomicBoolean crash) throws Exception {
        remind();
        MimeMessage reminder = inboxOf(DEBTOR)[0];
        send(
                DEBTOR,
                reminder.getReplyTo()[0].toString(),
                "Re: x",
                "Half now, half on the 15th.",
                reminder.getMessageID());
        return new CrashingJournal(journal, crash);
    }

    @Test
    void aCrashBetweenStoringAndProcessingShouldProcessOnceOnTheNextRun() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        MailJournal crashing = replyArrivesBeforeA(crash);
        MailDesk fragile = deskOver(crashing);

        assertThatThrownBy(() -> MailboxWatcher.create(fragile, crashing, CLOCK).pollOnce(tenant, inbox))
                .hasMessageContaining("crash");
        List<IntakeResult> afterRestart = watcher.pollOnce(tenant, imap(false));

        assertThat(afterRestart)
                .singleElement()
                .isInstanceOfSatisfying(
                        IntakeResult.Processed.class,
                        p -> assertThat(p.replies()).isEqualTo(1));
        assertThat(count("select count(*) from messages where tenant_id = :t and direction = 'inbound'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from messages where tenant_id = :t and direction = 'outbound'"))
                .isEqualTo(2);
    }

    @Test
    void aMessageThatFailsEveryPassIsQuarantinedAfterThreeAndTheMailboxMovesOn() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        MailJournal crashing = replyArrivesBeforeA(crash);
        MailDesk fragile = deskOver(crashing);
        MailboxWatcher persistent = MailboxWatcher.create(fragile, crashing, CLOCK);
        for (int attempt = 1; attempt < MailboxWatcher.MAX_ATTEMPTS; attempt++) {
            crash.set(true);
            assertThatThrownBy(() -> persistent.pollOnce(tenant, inbox)).hasMessageContaining("crash");
        }
        crash.set(true);
        assertThat(persistent.pollOnce(tenant, inbox))
                .singleElement()
                .isInstanceOfSatisfying(
                        IntakeResult.Quarantined.class,
                        q -> assertThat(q.reason()).contains("failed 3 times"));
        // stored once, kept with its reason, never answered; the next pass finds nothing new
        assertThat(count("select count(*) from messages where tenant_id = :t and direction = 'inbound'"))
                .isEqualTo(1);
        assertThat(persistent.pollOnce(tenant, inbox)).isEmpty();
    }

    @Test
    void anAutoReplyStormShouldGetNoAnswer() throws Exception {
        remind();
        String replyTo = inboxOf(DEBTOR)[0].getReplyTo()[0].toString();
        for (int i = 0; i < 20; i++) {
            send(
                    DEBTOR,
                    replyTo,
                    "Automatic reply: Invoice INV-1041",
                    "I am out of the office until Monday.",
                    null,
                    "Auto-Submitted",
                    "auto-replied");
        }

        List<IntakeResult> results = watcher.pollOnce(tenant, inbox);

        assertThat(results)
                .hasSize(20)
                .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(IntakeResult.Processed.class, p -> {
                    assertThat(p.kind()).isEqualTo(EmailFacts.Kind.AUTO_REPLY);
                    assertThat(p.replies()).isZero();
                }));
        assertThat(desk.dispatch(tenant, 50)).isZero();
        assertThat(inboxOf(DEBTOR)).hasSize(1);
    }

    @Test
    void unknownSendersGoToTriageAndUnsubscribeOptsOut() throws Exception {
        remind();
        MimeMessage reminder = inboxOf(DEBTOR)[0];
        send("stranger@elsewhere.example", AR, "Hello", "Who is this?", null);
        String unsubscribe = reminder.getHeader("List-Unsubscribe")[0].replaceAll("^<mailto:|\\?.*$", "");
        send(DEBTOR, unsubscribe, "unsubscribe", "unsubscribe", null);

        List<IntakeResult> results = watcher.pollOnce(tenant, inbox);

        assertThat(results).hasSize(2);
        assertThat(results.getFirst())
                .isInstanceOfSatisfying(
                        IntakeResult.Processed.class,
                        p -> assertThat(p.conversation()).isEmpty());
        assertThat(count("select count(*) from tasks where tenant_id = :t and kind = 'review_triage'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from contacts where tenant_id = :t and email_opt_out"))
                .isEqualTo(1);
        assertThat(desk.dispatch(tenant, 10)).isZero();
    }

    @Test
    void idleShouldWakeOnNewMailLongBeforeTheTimeout() throws Exception {
        ImapInbox idle = imap(true);
        idle.fetch(0, 10);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(500);
                send(DEBTOR, AR, "Hi", "New mail", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        idle.awaitNew(Duration.ofSeconds(20));
        long waited = Duration.ofNanos(System.nanoTime() - t0).toMillis();

        assertThat(waited).isLessThan(10_000);
        assertThat(idle.fetch(0, 10).messages()).hasSize(1);
        idle.close();
    }

    /** Fault injection: the first completion fails as if the process died before committing it. */
    /** The same desk over another journal (one that crashes where a test says). */
    private MailDesk deskOver(MailJournal journal) {
        return MailDesk.create(
                journal,
                MimeMailReader.create(),
                SmtpSender.create(
                        new SmtpSender.Config("127.0.0.1", mail.getSmtp().getPort(), "", "", false)),
                CLOCK,
                desk.settings());
    }

    private record CrashingJournal(MailJournal delegate, AtomicBoolean crash) implements MailJournal {
        @Override
        public Recorded recordInbound(TenantId t, dev.aragent.agent.conversation.RawEmail raw, String externalId) {
            return delegate.recordInbound(t, raw, externalId);
        }

        @Override
        public void complete(TenantId t, UUID message, Completion completion) {
            if (crash.getAndSet(false)) {
                throw new IllegalStateException("simulated crash before commit");
            }
            delegate.complete(t, message, completion);
        }

        @Override
        public void quarantine(TenantId t, UUID message, String reason) {
            delegate.quarantine(t, message, reason);
        }

        @Override
        public java.util.Optional<ConversationId> conversationByToken(TenantId t, String token) {
            return delegate.conversationByToken(t, token);
        }

        @Override
        public java.util.Optional<ConversationId> conversationByMessageIds(TenantId t, List<String> ids) {
            return delegate.conversationByMessageIds(t, ids);
        }

        @Override
        public java.util.Optional<dev.aragent.agent.ledger.CustomerKey> customerByEmail(TenantId t, String address) {
            return delegate.customerByEmail(t, address);
        }

        @Override
        public java.util.Optional<ConversationId> latestConversation(
                TenantId t, dev.aragent.agent.ledger.CustomerKey c, List<String> inv) {
            return delegate.latestConversation(t, c, inv);
        }

        @Override
        public dev.aragent.agent.conversation.ThreadInfo thread(TenantId t, ConversationId c) {
            return delegate.thread(t, c);
        }

        @Override
        public dev.aragent.agent.conversation.ConversationState state(TenantId t, ConversationId c) {
            return delegate.state(t, c);
        }

        @Override
        public java.util.List<ConversationId> dueForFollowUp(
                TenantId t, java.time.Instant now, java.time.Duration quiet) {
            return delegate.dueForFollowUp(t, now, quiet);
        }

        @Override
        public void answered(TenantId t, ConversationId c) {
            delegate.answered(t, c);
        }

        @Override
        public void followUp(
                TenantId t,
                ConversationId c,
                dev.aragent.agent.conversation.TurnRecord turn,
                java.util.List<dev.aragent.agent.conversation.OutboundEmail> emails) {
            delegate.followUp(t, c, turn, emails);
        }

        @Override
        public void open(
                TenantId t,
                dev.aragent.agent.conversation.ThreadInfo thread,
                dev.aragent.agent.conversation.OutboundEmail first) {
            delegate.open(t, thread, first);
        }

        @Override
        public List<dev.aragent.agent.conversation.OutboundEmail> claim(
                TenantId t, int max, java.time.Instant now, Duration lease) {
            return delegate.claim(t, max, now, lease);
        }

        @Override
        public void sent(TenantId t, UUID email, java.time.Instant at) {
            delegate.sent(t, email, at);
        }

        @Override
        public void retry(TenantId t, UUID email, java.time.Instant at, String reason) {
            delegate.retry(t, email, at, reason);
        }

        @Override
        public void failed(TenantId t, UUID email, String reason) {
            delegate.failed(t, email, reason);
        }

        @Override
        public void optOut(TenantId t, String address) {
            delegate.optOut(t, address);
        }

        @Override
        public java.util.Optional<long[]> position(TenantId t, String mailbox) {
            return delegate.position(t, mailbox);
        }

        @Override
        public void savePosition(TenantId t, String mailbox, long v, long uid, java.time.Instant at) {
            delegate.savePosition(t, mailbox, v, uid, at);
        }
    }
}
