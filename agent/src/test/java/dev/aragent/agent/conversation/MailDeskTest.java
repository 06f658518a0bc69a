package dev.aragent.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.InMemoryMailJournal;
import dev.aragent.agent.spi.Inbox;
import dev.aragent.agent.spi.MailReader;
import dev.aragent.agent.spi.MailSender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The email desk and the mailbox watcher on in-memory fakes of their ports. */
class MailDeskTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC);
    private final InMemoryMailJournal journal = new InMemoryMailJournal();
    private final List<OutboundEmail> attempts = new ArrayList<>();
    private final List<SendResult> script = new ArrayList<>();
    private final MailSender sender = email -> {
        attempts.add(email);
        return script.isEmpty() ? new SendResult.Sent() : script.removeFirst();
    };
    private final MailDesk desk = MailDesk.create(
            journal, new LineReader(), sender, CLOCK, new MailSettings("ar@northwind.example", "Dana", "Northwind"));
    private final MailboxWatcher watcher = MailboxWatcher.create(desk, journal, CLOCK);

    /** Reads a tiny "key: value" header format, so core tests need no MIME. */
    static final class LineReader implements MailReader {
        @Override
        public Reading read(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            if (!text.contains("---\n")) {
                return new Reading.Unreadable("no header section");
            }
            Map<String, String> h = new LinkedHashMap<>();
            for (String line : text.substring(0, text.indexOf("---\n")).split("\n")) {
                h.put(
                        line.substring(0, line.indexOf(':')),
                        line.substring(line.indexOf(':') + 1).strip());
            }
            List<String> refs = h.getOrDefault("refs", "").isEmpty()
                    ? List.of()
                    : Arrays.asList(h.get("refs").split(","));
            return new Reading.Read(new EmailFacts(
                    Optional.ofNullable(h.get("id")),
                    h.get("from"),
                    Optional.empty(),
                    List.of(h.getOrDefault("to", "ar@northwind.example")),
                    h.getOrDefault("subject", ""),
                    refs,
                    text.substring(text.indexOf("---\n") + 4).strip(),
                    EmailFacts.Kind.valueOf(h.getOrDefault("kind", "PERSONAL")),
                    h.containsKey("bounced") ? List.of(h.get("bounced")) : List.of()));
        }
    }

    /** A folder in memory whose UIDVALIDITY can change, as when a server rebuilds it. */
    static class MemoryInbox implements Inbox {
        final String name;
        long validity = 1;
        final List<byte[]> messages = new ArrayList<>();
        final List<Long> handled = new ArrayList<>();
        final List<Integer> waits = new ArrayList<>();
        int flagCommands;

        MemoryInbox(String name) {
            this.name = name;
        }

        void deliver(String text) {
            messages.add(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Batch fetch(long afterUid, int max) {
            List<RawEmail> out = new ArrayList<>();
            for (int i = (int) afterUid; i < messages.size() && out.size() < max; i++) {
                out.add(new RawEmail(name, validity, i + 1, messages.get(i), CLOCK.instant()));
            }
            return new Batch(validity, out);
        }

        @Override
        public void markHandled(long uidValidity, List<Long> uids) {
            handled.addAll(uids);
            flagCommands++;
        }

        @Override
        public void awaitNew(Duration timeout) {}
    }

    private ConversationId remind() {
        Customer customer = Books.customerWithEmail("C-1", "Blue Fern", "maria@bluefern.example");
        journal.addContact(TENANT, customer.key(), "maria@bluefern.example");
        return desk.remind(
                TENANT,
                customer,
                customer.contacts().getFirst(),
                List.of(Books.open("C-1", "INV-1041", LocalDate.of(2026, 10, 1), 100, 100)),
                "Please pay.");
    }

    private String token() {
        desk.dispatch(TENANT, 10);
        String replyTo = attempts.getLast().replyTo();
        return replyTo.substring(replyTo.indexOf('+') + 1, replyTo.indexOf('@'));
    }

    @Test
    void aBacklogLongerThanOneFetchIsReadWithoutWaitingForNewMailAndFlaggedInOneCommandPerFetch() {
        MemoryInbox inbox = new MemoryInbox("ar/INBOX") {
            @Override
            public void awaitNew(Duration timeout) {
                waits.add(handled.size());
            }
        };
        for (int i = 0; i < 250; i++) {
            inbox.deliver("id: b" + i + "\nfrom: someone" + i + "@elsewhere.example\n---\nHello " + i);
        }

        watcher.run(TENANT, inbox, () -> !inbox.waits.isEmpty(), Duration.ofMinutes(5));

        assertThat(inbox.waits)
                .as("read everything before the first wait for new mail")
                .containsExactly(250);
        assertThat(inbox.flagCommands).isEqualTo(3);
        assertThat(journal.position(TENANT, "ar/INBOX"))
                .hasValueSatisfying(p -> assertThat(p[1]).isEqualTo(250));
    }

    @Test
    void aMessageTheReaderCannotSurviveIsQuarantinedAndTheNextOneIsRead() {
        // a reader that blows its stack on one message, as a deeply nested MIME tree once did
        MailReader fragile = raw -> {
            if (new String(raw, StandardCharsets.UTF_8).contains("poison")) {
                throw new StackOverflowError();
            }
            return new LineReader().read(raw);
        };
        MailDesk desk = MailDesk.create(
                journal, fragile, sender, CLOCK, new MailSettings("ar@northwind.example", "Dana", "Northwind"));
        MailboxWatcher watcher = MailboxWatcher.create(desk, journal, CLOCK);
        MemoryInbox inbox = new MemoryInbox("ar/INBOX") {
            @Override
            public void awaitNew(Duration timeout) {
                waits.add(handled.size());
            }
        };
        inbox.deliver("id: p1\nfrom: x@elsewhere.example\n---\npoison");
        inbox.deliver("id: ok1\nfrom: y@elsewhere.example\n---\nHello");

        // the watcher survives it, marks both handled and carries on
        watcher.run(TENANT, inbox, () -> !inbox.waits.isEmpty(), Duration.ofMinutes(5));

        assertThat(inbox.handled).containsExactly(1L, 2L);
        assertThat(watcher.pollOnce(TENANT, inbox)).isEmpty();
    }

    @Test
    void aUidValidityChangeShouldReReadTheFolderWithoutDuplicates() {
        remind();
        MemoryInbox inbox = new MemoryInbox("ar/INBOX");
        inbox.deliver("id: r1\nfrom: maria@bluefern.example\nsubject: INV-1041\n---\nPaid.");
        inbox.deliver("id: r2\nfrom: maria@bluefern.example\nsubject: INV-1041\n---\nReally paid.");
        assertThat(watcher.pollOnce(TENANT, inbox)).hasSize(2).allMatch(r -> r instanceof IntakeResult.Processed);

        inbox.validity = 99;
        inbox.deliver("id: r3\nfrom: maria@bluefern.example\nsubject: INV-1041\n---\nThird.");
        List<IntakeResult> again = watcher.pollOnce(TENANT, inbox);

        assertThat(again).hasSize(3);
        assertThat(again.subList(0, 2)).allMatch(r -> r instanceof IntakeResult.Duplicate);
        assertThat(again.get(2)).isInstanceOf(IntakeResult.Processed.class);
        assertThat(journal.position(TENANT, "ar/INBOX"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly(99, 3));
    }

    @Test
    void aBounceShouldMarkTheAddressUndeliverableRaiseATaskAndGetNoAnswer() {
        remind();
        MemoryInbox inbox = new MemoryInbox("ar/INBOX");
        inbox.deliver(
                "id: b1\nfrom: mailer-daemon@mx.example\nkind: BOUNCE\nbounced: maria@bluefern.example\n---\n550 user unknown");

        assertThat(watcher.pollOnce(TENANT, inbox))
                .singleElement()
                .isInstanceOfSatisfying(
                        IntakeResult.Processed.class,
                        p -> assertThat(p.replies()).isZero());
        assertThat(journal.isUndeliverable(TENANT, "maria@bluefern.example")).isTrue();
        assertThat(journal.tasks()).contains("find_contact:maria@bluefern.example");
    }

    @Test
    void whatADebtorWritesAboutItsPaymentShouldReachCashApplicationWithTheCustomer() {
        ConversationId conversation = remind();
        List<String> told = new ArrayList<>();
        desk.hearing((t, customer, source, text) -> told.add(customer.value() + " | " + source + " | " + text));
        MemoryInbox inbox = new MemoryInbox("ar/INBOX");
        inbox.deliver("id: p1\nfrom: maria@bluefern.example\nto: ar+" + token()
                + "@northwind.example\n---\nWe paid INV-1041 today, less 40.00 for the damaged case.");

        assertThat(watcher.pollOnce(TENANT, inbox)).singleElement().isInstanceOf(IntakeResult.Processed.class);
        assertThat(told)
                .singleElement()
                .asString()
                .startsWith(
                        journal.thread(TENANT, conversation).customer().value() + " | email <p1> | We paid INV-1041");
    }

    @Test
    void aReplyToTheTokenShouldBeThreadedAndAnsweredWithTheWholeThreadReferenced() {
        ConversationId conversation = remind();
        String token = token();
        String reminderId = attempts.getLast().messageId();
        MemoryInbox inbox = new MemoryInbox("ar/INBOX");
        inbox.deliver("id: r9\nfrom: maria@bluefern.example\nto: ar+" + token + "@northwind.example\n---\nFriday.");

        assertThat(watcher.pollOnce(TENANT, inbox))
                .singleElement()
                .isInstanceOfSatisfying(IntakeResult.Processed.class, p -> {
                    assertThat(p.conversation()).contains(conversation);
                    assertThat(p.replies()).isEqualTo(1);
                });
        desk.dispatch(TENANT, 10);
        OutboundEmail answer = attempts.getLast();
        assertThat(answer.inReplyTo()).contains("r9");
        assertThat(answer.references()).containsExactly(reminderId, "r9");
        assertThat(answer.to()).isEqualTo("maria@bluefern.example");
    }

    @Test
    void severalMailboxesShouldKeepTheirOwnPlaceAndUnknownSendersGoToTriage() {
        MemoryInbox ar = new MemoryInbox("ar/INBOX");
        MemoryInbox billing = new MemoryInbox("billing/INBOX");
        ar.deliver("id: s1\nfrom: stranger@elsewhere.example\n---\nHello?");
        billing.deliver("id: s2\nfrom: other@elsewhere.example\n---\nHi");
        billing.deliver("id: s3\nfrom: other@elsewhere.example\n---\nHi again");

        watcher.pollOnce(TENANT, ar);
        watcher.pollOnce(TENANT, billing);

        assertThat(journal.position(TENANT, "ar/INBOX"))
                .hasValueSatisfying(p -> assertThat(p[1]).isEqualTo(1));
        assertThat(journal.position(TENANT, "billing/INBOX"))
                .hasValueSatisfying(p -> assertThat(p[1]).isEqualTo(2));
        assertThat(journal.tasks())
                .filteredOn(t -> t.startsWith("review_triage"))
                .hasSize(3);
        assertThat(ar.handled).containsExactly(1L);
    }

    @Test
    void aThrottledSendShouldBeRetriedLaterWithTheSameMessageId() {
        remind();
        script.add(new SendResult.RetryLater(Duration.ZERO, "421 slow down"));

        assertThat(desk.dispatch(TENANT, 10)).isZero();
        assertThat(desk.dispatch(TENANT, 10)).isEqualTo(1);
        assertThat(desk.dispatch(TENANT, 10)).isZero();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).messageId()).isEqualTo(attempts.get(1).messageId());
    }

    @Test
    void anUnreadableMessageShouldBeQuarantinedAndNotStopTheBatch() {
        MemoryInbox inbox = new MemoryInbox("ar/INBOX");
        inbox.deliver("garbage without headers");
        inbox.deliver("id: ok1\nfrom: stranger@elsewhere.example\n---\nFine");

        List<IntakeResult> results = watcher.pollOnce(TENANT, inbox);

        assertThat(results.get(0)).isEqualTo(new IntakeResult.Quarantined("no header section"));
        assertThat(results.get(1)).isInstanceOf(IntakeResult.Processed.class);
        assertThat(MailDesk.invoiceNumbers("Re: INV-1041 and inv1042, not 12")).containsExactly("INV-1041", "INV-1042");
    }
}
