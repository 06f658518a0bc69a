package dev.aragent.agent.conversation;

import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.MailReader;
import dev.aragent.agent.spi.MailSender;
import dev.aragent.agent.spi.Recorded;
import dev.aragent.agent.work.ByAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email desk: takes in what debtors send (stored before it is processed, threaded to its conversation, answered
 * only when a person wrote it), opens conversations with a first reminder, and sends what the outbox holds. Every
 * state change and the emails it causes commit together.
 */
public final class MailDesk {
    /** Follow-ups worked side by side (they wait on the database and mail server more than they compute). */
    static final int WORKERS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MailDesk.class);
    private static final Pattern INVOICE = Pattern.compile("(?i)\\b(INV-?\\d{3,})\\b");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final MailJournal journal;
    private final MailReader reader;
    private final MailSender sender;
    private final Clock clock;
    private final MailSettings settings;
    private final Optional<TurnTaker> turnTaker;
    private Remitted remitted = Remitted.NOBODY;

    private MailDesk(
            MailJournal journal,
            MailReader reader,
            MailSender sender,
            Clock clock,
            MailSettings settings,
            Optional<TurnTaker> turnTaker) {
        this.journal = journal;
        this.reader = reader;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.turnTaker = turnTaker;
    }

    /** A desk that negotiates: every person's message goes through the collector (playbook, policy, drafting). */
    public static MailDesk create(
            MailJournal journal,
            MailReader reader,
            MailSender sender,
            Clock clock,
            MailSettings settings,
            TurnTaker turnTaker) {
        return new MailDesk(journal, reader, sender, clock, settings, Optional.of(turnTaker));
    }

    /** A desk without the brain (mail plumbing only): people get a courteous acknowledgement. */
    public static MailDesk create(
            MailJournal journal, MailReader reader, MailSender sender, Clock clock, MailSettings settings) {
        return new MailDesk(journal, reader, sender, clock, settings, Optional.empty());
    }

    /** This desk telling {@code remitted} what customers write about their payments (text and attachments). */
    public MailDesk hearing(Remitted remitted) {
        this.remitted = remitted;
        return this;
    }

    /** Stores, reads, threads and (for a person's message) answers one inbound email. Safe to call again after a crash. */
    public IntakeResult receive(TenantId tenant, RawEmail raw) {
        Reading reading = read(raw);
        Recorded recorded = journal.recordInbound(tenant, raw, externalId(reading, raw));
        if (recorded.processed()) {
            return new IntakeResult.Duplicate();
        }
        return switch (reading) {
            case Reading.Unreadable u -> quarantined(tenant, recorded.id(), u.reason());
            case Reading.Read r -> {
                try {
                    yield process(tenant, recorded.id(), r.facts());
                } catch (StackOverflowError e) {
                    // the message's own shape exhausted the stack; any other failure propagates (it may be an
                    // outage) and the watcher quarantines only after MailboxWatcher.MAX_ATTEMPTS failed passes
                    yield quarantined(tenant, recorded.id(), "handling it exhausted the stack: " + e);
                }
            }
        };
    }

    /** Keeps a message that failed every attempt, unanswered, with the reason: the mailbox moves past it. */
    public IntakeResult quarantine(TenantId tenant, RawEmail raw, String reason) {
        // the same key as when it was first stored: the stored message is quarantined, not stored twice
        Recorded recorded = journal.recordInbound(tenant, raw, externalId(read(raw), raw));
        return recorded.processed() ? new IntakeResult.Duplicate() : quarantined(tenant, recorded.id(), reason);
    }

    /** The reader's reading; no message may stop the mailbox: one the reader cannot survive is unreadable. */
    private Reading read(RawEmail raw) {
        try {
            return reader.read(raw.bytes());
        } catch (RuntimeException | StackOverflowError e) {
            return new Reading.Unreadable("the reader failed on it: " + e);
        }
    }

    private static String externalId(Reading reading, RawEmail raw) {
        return switch (reading) {
            case Reading.Read r -> r.facts().messageId().orElseGet(() -> "sha256:" + Hash.sha256(raw.bytes()));
            case Reading.Unreadable u -> "sha256:" + Hash.sha256(raw.bytes());
        };
    }

    /** Kept with the reason, never answered. */
    private IntakeResult quarantined(TenantId tenant, UUID stored, String reason) {
        journal.quarantine(tenant, stored, reason);
        LOG.atWarn().addKeyValue("tenant", tenant).addKeyValue("reason", reason).log("inbound email quarantined");
        return new IntakeResult.Quarantined(reason);
    }

    private IntakeResult process(TenantId tenant, UUID stored, EmailFacts facts) {
        Optional<String> unsubscribe =
                tokens(facts).stream().filter(t -> t.startsWith("unsub-")).findFirst();
        if (unsubscribe.isPresent()) {
            journal.optOut(tenant, facts.fromAddress());
        }
        Optional<ConversationId> conversation = conversation(tenant, facts);
        List<OutboundEmail> replies = new ArrayList<>();
        Optional<TurnRecord> turn = Optional.empty();
        if (facts.kind() == EmailFacts.Kind.PERSONAL && unsubscribe.isEmpty()) {
            // a remittance advice (in the words or an attached PDF, spreadsheet or CSV) is kept for the receipt to come
            conversation
                    .map(c -> journal.thread(tenant, c).customer())
                    .or(() -> journal.customerByEmail(tenant, facts.fromAddress()))
                    .ifPresent(customer -> remitted.told(
                            tenant,
                            customer,
                            "email "
                                    + facts.messageId()
                                            .map(id -> "<" + id + ">")
                                            .orElse("from " + facts.fromAddress()),
                            String.join(
                                    "\n",
                                    java.util.stream.Stream.concat(
                                                    java.util.stream.Stream.of(facts.newText()),
                                                    facts.attachmentTexts().stream())
                                            .toList())));
        }
        if (facts.kind() == EmailFacts.Kind.PERSONAL && conversation.isPresent() && unsubscribe.isEmpty()) {
            if (turnTaker.isPresent()) {
                ConversationState state = journal.state(tenant, conversation.get());
                TurnRecord record = turnTaker
                        .get()
                        .handle(tenant, state, facts.newText(), Channel.EMAIL, facts.fromName(), clock.instant());
                record.replyText().ifPresent(text -> replies.add(answer(tenant, conversation.get(), facts, text)));
                var status = record.turn().disposition().paymentStatus();
                if (record.turn().reading().intent() == dev.aragent.agent.intent.Intent.OPT_OUT
                        || status == Disposition.PaymentStatus.WRONG_CONTACT) {
                    // an opt-out, or not the right person: nothing more goes to this address, at once
                    journal.optOut(tenant, facts.fromAddress());
                }
                turn = Optional.of(record);
            } else {
                replies.add(acknowledgement(tenant, conversation.get(), facts));
            }
        } else if (facts.kind() == EmailFacts.Kind.AUTO_REPLY && conversation.isPresent() && turnTaker.isPresent()) {
            // an out-of-office notice is read for when they are back (the cadence waits until the day after);
            // automatic mail is never answered (RFC 3834), and anything else in it is left alone
            TurnRecord record = turnTaker
                    .get()
                    .handle(
                            tenant,
                            journal.state(tenant, conversation.get()),
                            facts.newText(),
                            Channel.EMAIL,
                            facts.fromName(),
                            clock.instant());
            if (record.turn().reading().intent() == dev.aragent.agent.intent.Intent.AUTO_REPLY) {
                turn = Optional.of(record.withoutReply());
            }
        }
        journal.complete(tenant, stored, new Completion(conversation, facts, replies, turn));
        LOG.atInfo()
                .addKeyValue("tenant", tenant)
                .addKeyValue("conversation", conversation.map(Object::toString).orElse("triage"))
                .addKeyValue("kind", facts.kind())
                .log("inbound email processed");
        return new IntakeResult.Processed(conversation, facts.kind(), facts.newText(), replies.size(), turn);
    }

    /** By plus-address token, then by the Message-IDs it replies to, then by sender and invoice numbers. */
    private Optional<ConversationId> conversation(TenantId tenant, EmailFacts facts) {
        for (String token : tokens(facts)) {
            Optional<ConversationId> c = journal.conversationByToken(tenant, token);
            if (c.isPresent()) {
                return c;
            }
        }
        if (!facts.references().isEmpty()) {
            Optional<ConversationId> c = journal.conversationByMessageIds(tenant, facts.references());
            if (c.isPresent()) {
                return c;
            }
        }
        return journal.customerByEmail(tenant, facts.fromAddress())
                .flatMap(customer -> journal.latestConversation(
                        tenant, customer, invoiceNumbers(facts.subject() + "\n" + facts.newText())));
    }

    private List<String> tokens(EmailFacts facts) {
        List<String> tokens = new ArrayList<>();
        String prefix = settings.local().toLowerCase(Locale.ROOT) + "+";
        String suffix = "@" + settings.domain().toLowerCase(Locale.ROOT);
        for (String to : facts.to()) {
            String a = to.toLowerCase(Locale.ROOT);
            if (a.startsWith(prefix) && a.endsWith(suffix)) {
                tokens.add(a.substring(prefix.length(), a.length() - suffix.length()));
            }
        }
        return tokens;
    }

    static List<String> invoiceNumbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = INVOICE.matcher(text);
        while (m.find()) {
            String n = m.group(1).toUpperCase(Locale.ROOT);
            out.add(n.startsWith("INV-") ? n : "INV-" + n.substring(3));
        }
        return out.stream().distinct().toList();
    }

    /** Without the brain: a courteous acknowledgement in the same thread. */
    private OutboundEmail acknowledgement(TenantId tenant, ConversationId conversation, EmailFacts facts) {
        ThreadInfo thread = journal.thread(tenant, conversation);
        String about = thread.invoiceNumbers().isEmpty()
                ? "your account"
                : "invoice " + String.join(", ", thread.invoiceNumbers());
        String text = "Hello" + facts.fromName().map(n -> " " + n.split(" ")[0]).orElse("") + ",\n\n"
                + "Thank you for your reply about " + about + ". We have it on file, and a member of our accounts"
                + " receivable team will follow up with you shortly.\n\n" + settings.displayName() + "\n"
                + settings.company();
        return answer(tenant, conversation, facts, text);
    }

    /** A reply in the conversation's thread: In-Reply-To the message answered, References the whole thread. */
    private OutboundEmail answer(TenantId tenant, ConversationId conversation, EmailFacts facts, String text) {
        ThreadInfo thread = journal.thread(tenant, conversation);
        List<String> refs = new ArrayList<>(thread.messageIds());
        facts.messageId().filter(id -> !refs.contains(id)).ifPresent(refs::add);
        return email(thread, facts.fromAddress(), "Re: " + stripRe(thread.subject()), text, facts.messageId(), refs);
    }

    /**
     * The scheduled step for every conversation with something due: promise dates passed, messages unanswered for 48
     * hours. Each turn and its email commit together. Returns the turns taken.
     */
    public List<TurnRecord> followUps(TenantId tenant) {
        if (turnTaker.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ConversationId> due = journal.dueForFollowUp(tenant, now, Negotiator.RETRY_AFTER);
        // reads in any order; turns per account in order (one account's messages leave as they were decided)
        List<ConversationState> states = ByAccount.run(due, id -> id, WORKERS, id -> journal.state(tenant, id));
        List<Optional<TurnRecord>> turns = ByAccount.run(states, ConversationState::customer, WORKERS, state -> {
            Optional<String> name = turnTaker
                    .get()
                    .contactName(
                            tenant,
                            state.customer(),
                            journal.thread(tenant, state.id()).contactEmail());
            // paid without a word: off the follow-ups until we write again
            Optional<TurnRecord> turn = turnTaker
                    .get()
                    .followUp(tenant, state, Channel.EMAIL, name, now, () -> journal.answered(tenant, state.id()));
            turn.ifPresent(t -> journal.followUp(tenant, state.id(), t, inThread(tenant, state.id(), t)));
            return turn;
        });
        return turns.stream().flatMap(Optional::stream).toList();
    }

    /** The reply of a turn no inbound email started (a follow-up, an approval) as an email in the conversation's thread. */
    public List<OutboundEmail> inThread(TenantId tenant, ConversationId id, TurnRecord turn) {
        ThreadInfo thread = journal.thread(tenant, id);
        List<OutboundEmail> emails = new ArrayList<>();
        turn.replyText()
                .ifPresent(text -> thread.contactEmail()
                        .ifPresent(to -> emails.add(email(
                                thread,
                                to,
                                "Re: " + stripRe(thread.subject()),
                                text,
                                thread.messageIds().isEmpty()
                                        ? Optional.empty()
                                        : Optional.of(thread.messageIds().getLast()),
                                thread.messageIds()))));
        return emails;
    }

    /**
     * Opens a conversation with a customer's contact about their past-due invoices and queues the first reminder in
     * the same transaction.
     */
    public ConversationId remind(
            TenantId tenant, Customer customer, Contact contact, List<Invoice> invoices, String body) {
        String email = contact.email().orElseThrow(() -> new IllegalArgumentException("contact has no email"));
        ConversationId id = ConversationId.random();
        String token = HexFormat.of().formatHex(Hash.random(5));
        List<String> numbers = invoices.stream().map(Invoice::number).toList();
        String subject = numbers.size() == 1
                ? "Invoice " + numbers.getFirst() + " from " + settings.company()
                : numbers.size() + " open invoices from " + settings.company();
        ThreadInfo thread = new ThreadInfo(id, customer.key(), token, subject, numbers, List.of(), Optional.of(email));
        journal.open(tenant, thread, email(thread, email, subject, body, Optional.empty(), List.of()));
        return id;
    }

    private OutboundEmail email(
            ThreadInfo thread, String to, String subject, String text, Optional<String> inReplyTo, List<String> refs) {
        String messageId = UUID.randomUUID() + "@" + settings.domain();
        String unsubscribe =
                "<mailto:" + settings.replyAddress("unsub-" + thread.replyToken()) + "?subject=unsubscribe>";
        String html = "<div style=\"font-family:sans-serif\">" + Html.paragraphs(text) + "</div>";
        return new OutboundEmail(
                UUID.randomUUID(),
                thread.id(),
                messageId,
                settings.displayName() + " <" + settings.address() + ">",
                to,
                settings.replyAddress(thread.replyToken()),
                subject,
                text,
                html,
                inReplyTo,
                refs,
                unsubscribe);
    }

    private static String stripRe(String subject) {
        return subject.replaceFirst("(?i)^\\s*(re|aw|sv)\\s*:\\s*", "");
    }

    /** Sends what the outbox holds and is due; a passing failure is retried later with the same Message-ID. */
    public int dispatch(TenantId tenant, int max) {
        Instant now = clock.instant();
        int sent = 0;
        for (OutboundEmail email : journal.claim(tenant, max, now, LEASE)) {
            switch (sender.send(email)) {
                case SendResult.Sent s -> {
                    journal.sent(tenant, email.id(), clock.instant());
                    sent++;
                }
                case SendResult.Rejected r -> journal.failed(tenant, email.id(), r.reason());
                case SendResult.RetryLater l ->
                    journal.retry(tenant, email.id(), clock.instant().plus(l.after()), l.reason());
            }
        }
        return sent;
    }

    /** The address replies come back to, for a mailbox adapter to watch. */
    public MailSettings settings() {
        return settings;
    }

    /** Used by tests and the demo: which customer an address belongs to. */
    public Optional<CustomerKey> customerOf(TenantId tenant, String address) {
        return journal.customerByEmail(tenant, address);
    }
}
