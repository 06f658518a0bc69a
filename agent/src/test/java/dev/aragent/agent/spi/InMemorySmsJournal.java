package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.drafting.Strategy;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** A {@link SmsJournal} in memory, for core tests; {@link SmsJournalContract} checks it behaves as the real one. */
public final class InMemorySmsJournal implements SmsJournal {
    private record Key(TenantId tenant, String value) {}

    private static final class Contact {
        final TenantId tenant;
        final CustomerKey customer;
        final String phone;
        boolean smsOptOut;

        Contact(TenantId tenant, CustomerKey customer, String phone) {
            this.tenant = tenant;
            this.customer = customer;
            this.phone = phone;
        }
    }

    private static final class Conversation {
        final ConversationId id;
        final CustomerKey customer;
        final TreeSet<String> invoices = new TreeSet<>();
        final List<PromiseRecord> promises = new ArrayList<>();
        Stage stage = Stage.OPEN;
        int unanswered;
        Optional<Strategy> lastStrategy = Optional.empty();
        Optional<Terms> lastOffer = Optional.empty();
        Optional<Instant> lastOutboundAt = Optional.empty();
        Optional<LocalDate> retryOn = Optional.empty();
        Instant updatedAt;

        Conversation(ConversationId id, CustomerKey customer, Instant at) {
            this.id = id;
            this.customer = customer;
            this.updatedAt = at;
        }

        boolean live() {
            return stage != Stage.PAID && stage != Stage.CLOSED;
        }
    }

    private static final class PhoneThread {
        final TenantId tenant;
        final ConversationId conversation;
        final String phone;
        final String ourNumber;
        final long order;
        Optional<String> providerSid;

        PhoneThread(
                TenantId tenant,
                ConversationId conversation,
                String phone,
                String ourNumber,
                Optional<String> providerSid,
                long order) {
            this.tenant = tenant;
            this.conversation = conversation;
            this.phone = phone;
            this.ourNumber = ourNumber;
            this.providerSid = providerSid;
            this.order = order;
        }
    }

    private static final class Message {
        final TenantId tenant;
        final UUID id;
        final boolean inbound;
        final String from;
        String externalId;
        String status;
        Optional<ConversationId> conversation;

        Message(TenantId tenant, UUID id, boolean inbound, String from) {
            this.tenant = tenant;
            this.id = id;
            this.inbound = inbound;
            this.from = from;
        }

        /** Where the message stands: the provider's id for it, its status and its conversation, if any. */
        Message at(String externalId, String status, Optional<ConversationId> conversation) {
            this.externalId = externalId;
            this.status = status;
            this.conversation = conversation;
            return this;
        }
    }

    private static final class Queued {
        final TenantId tenant;
        final OutboundSms sms;
        final long order;
        Instant availableAt;
        boolean settled; // sent or failed: never handed out again

        Queued(TenantId tenant, OutboundSms sms, long order, Instant availableAt) {
            this.tenant = tenant;
            this.sms = sms;
            this.order = order;
            this.availableAt = availableAt;
        }
    }

    private final Clock clock;
    private final Map<Key, ZoneId> zones = new HashMap<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final Map<Key, Conversation> conversations = new LinkedHashMap<>();
    private final List<PhoneThread> threads = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final List<Queued> outbox = new ArrayList<>();
    private long order;

    public InMemorySmsJournal() {
        this(Clock.systemUTC());
    }

    /** @param clock when texts are queued and turns written (the store's clock) */
    public InMemorySmsJournal(Clock clock) {
        this.clock = clock;
    }

    /** A customer in {@code zone} with a contact at {@code phone}, as a ledger import would give. */
    public synchronized void addCustomer(TenantId tenant, CustomerKey customer, ZoneId zone, String phone) {
        zones.put(new Key(tenant, customer.value()), zone);
        contacts.add(new Contact(tenant, customer, phone));
    }

    @Override
    public synchronized Recorded recordInbound(TenantId tenant, InboundSms sms) {
        for (Message m : messages) {
            if (m.tenant.equals(tenant) && m.inbound && m.externalId.equals(sms.messageSid())) {
                return new Recorded(m.id, !m.status.equals("received"));
            }
        }
        Message m = new Message(tenant, UUID.randomUUID(), true, sms.from())
                .at(sms.messageSid(), "received", Optional.empty());
        messages.add(m);
        return new Recorded(m.id, false);
    }

    @Override
    public synchronized Optional<SmsThread> threadFor(TenantId tenant, String providerSid, String phone) {
        return threads.stream()
                .filter(t -> t.tenant.equals(tenant)
                        && (t.providerSid.filter(s -> s.equals(providerSid)).isPresent()
                                || (t.phone.equals(phone) && conversation(t).live())))
                .min(Comparator.comparing((PhoneThread t) -> !conversation(t).live())
                        .thenComparing(t -> !Objects.equals(t.providerSid.orElse(null), providerSid))
                        .thenComparing(Comparator.comparingLong((PhoneThread t) -> t.order)
                                .reversed()))
                .map(this::view);
    }

    @Override
    public synchronized SmsThread thread(TenantId tenant, ConversationId conversation) {
        return threads.stream()
                .filter(t -> t.tenant.equals(tenant) && t.conversation.equals(conversation))
                .findFirst()
                .map(this::view)
                .orElseThrow(() -> new IllegalStateException("no SMS thread " + conversation));
    }

    private SmsThread view(PhoneThread t) {
        Conversation c = conversation(t);
        return new SmsThread(
                t.conversation,
                c.customer,
                t.phone,
                t.ourNumber,
                t.providerSid,
                Optional.ofNullable(zones.get(new Key(t.tenant, c.customer.value()))));
    }

    private Conversation conversation(PhoneThread t) {
        return conversations.get(new Key(t.tenant, t.conversation.toString()));
    }

    @Override
    public synchronized Optional<CustomerKey> customerByPhone(TenantId tenant, String phone) {
        return contacts.stream()
                .filter(k -> k.tenant.equals(tenant) && k.phone.equals(phone))
                .map(k -> k.customer)
                .min(Comparator.comparing(CustomerKey::value));
    }

    @Override
    public synchronized ConversationState state(TenantId tenant, ConversationId conversation) {
        Conversation c = conversations.get(new Key(tenant, conversation.toString()));
        if (c == null) {
            throw new IllegalStateException("no conversation " + conversation);
        }
        return new ConversationState(
                c.id,
                c.customer,
                Channel.SMS,
                c.stage,
                List.copyOf(c.invoices),
                c.promises.stream()
                        .sorted(Comparator.comparing(PromiseRecord::createdAt)
                                .thenComparingInt(PromiseRecord::installment))
                        .toList(),
                c.unanswered,
                c.lastStrategy,
                c.lastOffer,
                c.lastOutboundAt,
                c.retryOn);
    }

    @Override
    public synchronized void complete(
            TenantId tenant,
            UUID message,
            Optional<ConversationId> conversation,
            Optional<TurnRecord> turn,
            List<OutboundSms> replies) {
        message(tenant, message).ifPresent(m -> {
            m.conversation = conversation;
            m.status = conversation.isPresent() ? "processed" : "triage";
        });
        conversation
                .map(id -> conversations.get(new Key(tenant, id.toString())))
                .ifPresent(c -> {
                    c.unanswered = 0;
                    c.updatedAt = clock.instant();
                    if (c.stage == Stage.OPEN) {
                        c.stage = Stage.ENGAGED;
                    }
                    turn.ifPresent(r -> write(tenant, c, Optional.of(message), r));
                });
        replies.forEach(r -> queue(tenant, r));
    }

    private Optional<Message> message(TenantId tenant, UUID id) {
        return messages.stream()
                .filter(m -> m.tenant.equals(tenant) && m.id.equals(id))
                .findFirst();
    }

    /** What the store writes of a turn that this port can show: stage, memory, promises, opt-outs, contacts. */
    private void write(TenantId tenant, Conversation c, Optional<UUID> inbound, TurnRecord r) {
        Instant now = clock.instant();
        c.stage = r.turn().stage();
        c.lastStrategy = r.strategy();
        c.lastOffer = r.offered();
        c.updatedAt = now;
        for (Effect e : r.turn().effects()) {
            switch (e) {
                case Effect.RecordPromises p -> {
                    c.promises.replaceAll(old -> old.status() == PromiseRecord.Status.OPEN
                            ? withStatus(old, PromiseRecord.Status.CANCELLED)
                            : old);
                    int n = 1;
                    for (Installment i : p.terms().installments()) {
                        c.promises.add(new PromiseRecord(
                                UUID.randomUUID(), i.amount(), i.due(), n++, PromiseRecord.Status.OPEN, now));
                    }
                }
                case Effect.SettlePromise s ->
                    c.promises.replaceAll(
                            old -> old.id().equals(s.promise()) && old.status() == PromiseRecord.Status.OPEN
                                    ? withStatus(old, s.outcome())
                                    : old);
                case Effect.OptOut o ->
                    contacts.stream()
                            .filter(k -> k.tenant.equals(tenant) && k.phone.equals(o.address()))
                            .forEach(k -> k.smsOptOut = true);
                case Effect.NotResponsible n ->
                    inbound.flatMap(id -> message(tenant, id))
                            .ifPresent(m -> contacts.stream()
                                    .filter(k -> k.tenant.equals(tenant)
                                            && k.customer.equals(c.customer)
                                            && k.phone.equals(m.from))
                                    .forEach(k -> k.smsOptOut = true));
                case Effect.CaptureContact cc ->
                    cc.change()
                            .phone()
                            .filter(p -> contacts.stream()
                                    .noneMatch(k -> k.tenant.equals(tenant)
                                            && k.customer.equals(c.customer)
                                            && k.phone.equals(p)))
                            .ifPresent(p -> contacts.add(new Contact(tenant, c.customer, p)));
                default -> {} // disputes, approvals, tasks, voice consent: nothing this port shows
            }
        }
        c.retryOn = r.turn().disposition().retryDate();
    }

    private static PromiseRecord withStatus(PromiseRecord p, PromiseRecord.Status status) {
        return new PromiseRecord(p.id(), p.amount(), p.due(), p.installment(), status, p.createdAt());
    }

    @Override
    public synchronized List<ConversationId> dueForFollowUp(TenantId tenant, Instant now, Duration quiet) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant since = now.minus(quiet);
        return conversations.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(c -> c.promises.stream()
                                .anyMatch(p -> p.status() == PromiseRecord.Status.OPEN
                                        && p.due().isBefore(today))
                        || ((c.stage == Stage.OPEN || c.stage == Stage.ENGAGED)
                                && c.unanswered > 0
                                && c.lastOutboundAt
                                        .filter(at -> !at.isAfter(since))
                                        .isPresent()
                                && !c.retryOn.orElse(today).isAfter(today)))
                .sorted(Comparator.comparing((Conversation c) -> c.updatedAt))
                .map(c -> c.id)
                .toList();
    }

    @Override
    public synchronized void answered(TenantId tenant, ConversationId conversation) {
        Conversation c = conversations.get(new Key(tenant, conversation.toString()));
        if (c != null) {
            c.unanswered = 0;
        }
    }

    @Override
    public synchronized void followUp(
            TenantId tenant, ConversationId conversation, TurnRecord turn, List<OutboundSms> texts) {
        Conversation c = conversations.get(new Key(tenant, conversation.toString()));
        if (c == null) {
            throw new IllegalStateException("no conversation " + conversation);
        }
        texts.forEach(s -> queue(tenant, s));
        write(tenant, c, Optional.empty(), turn);
    }

    @Override
    public synchronized ConversationId open(
            TenantId tenant,
            CustomerKey customer,
            String phone,
            String ourNumber,
            List<String> invoiceNumbers,
            Optional<String> firstText) {
        Optional<PhoneThread> live = threads.stream()
                .filter(t -> t.tenant.equals(tenant)
                        && t.phone.equals(phone)
                        && t.ourNumber.equals(ourNumber)
                        && conversation(t).customer.equals(customer)
                        && conversation(t).live())
                .max(Comparator.comparingLong(t -> t.order));
        ConversationId id;
        if (live.isPresent()) {
            id = live.get().conversation;
            conversation(live.get()).invoices.addAll(invoiceNumbers);
        } else {
            id = ConversationId.random();
            Conversation c = new Conversation(id, customer, clock.instant());
            c.invoices.addAll(invoiceNumbers);
            conversations.put(new Key(tenant, id.toString()), c);
            // the provider keeps one conversation per phone and number: a new thread continues it
            Optional<String> sid = threads.stream()
                    .filter(t -> t.tenant.equals(tenant)
                            && t.phone.equals(phone)
                            && t.ourNumber.equals(ourNumber)
                            && t.providerSid.isPresent())
                    .max(Comparator.comparingLong(t -> t.order))
                    .flatMap(t -> t.providerSid);
            threads.add(new PhoneThread(tenant, id, phone, ourNumber, sid, order++));
        }
        firstText.ifPresent(text -> queue(tenant, new OutboundSms(UUID.randomUUID(), id, phone, ourNumber, text)));
        return id;
    }

    private void queue(TenantId tenant, OutboundSms s) {
        Instant now = clock.instant();
        messages.add(new Message(tenant, s.id(), false, s.from())
                .at("queued:" + s.id(), "queued", Optional.of(s.conversation())));
        if (queued(tenant, s.id()).isEmpty()) {
            outbox.add(new Queued(tenant, s, order++, now));
        }
        Conversation c = conversations.get(new Key(tenant, s.conversation().toString()));
        if (c != null) {
            c.unanswered++;
            c.lastOutboundAt = Optional.of(now);
        }
    }

    private Optional<Queued> queued(TenantId tenant, UUID sms) {
        return outbox.stream()
                .filter(q -> q.tenant.equals(tenant) && q.sms.id().equals(sms))
                .findFirst();
    }

    @Override
    public synchronized void optOut(TenantId tenant, String phone, String keyword, Instant at) {
        consent(tenant, phone, true);
    }

    @Override
    public synchronized void optIn(TenantId tenant, String phone, String keyword, Instant at) {
        consent(tenant, phone, false);
    }

    /** The last word each phone gave (STOP or START), whether or not a contact has the number. */
    private final Map<String, Boolean> consent = new HashMap<>();

    private void consent(TenantId tenant, String phone, boolean out) {
        consent.put(tenant.value() + " " + phone, out);
        contacts.stream()
                .filter(k -> k.tenant.equals(tenant) && k.phone.equals(phone))
                .forEach(k -> k.smsOptOut = out);
    }

    @Override
    public synchronized boolean optedOut(TenantId tenant, String phone) {
        return consent.getOrDefault(tenant.value() + " " + phone, false)
                || contacts.stream().anyMatch(k -> k.tenant.equals(tenant) && k.phone.equals(phone) && k.smsOptOut);
    }

    @Override
    public synchronized List<OutboundSms> claim(TenantId tenant, int max, Instant now, Duration lease) {
        List<Queued> due = outbox.stream()
                .filter(q -> q.tenant.equals(tenant) && !q.settled && !q.availableAt.isAfter(now))
                .sorted(Comparator.comparing((Queued q) -> q.availableAt).thenComparingLong(q -> q.order))
                .limit(max)
                .toList();
        due.forEach(q -> q.availableAt = now.plus(lease));
        return due.stream()
                .sorted(Comparator.comparingLong(q -> q.order))
                .map(q -> q.sms)
                .toList();
    }

    @Override
    public synchronized void sent(TenantId tenant, UUID sms, String messageSid, String conversationSid, Instant at) {
        queued(tenant, sms).ifPresent(q -> q.settled = true);
        Optional<Message> m = message(tenant, sms);
        m.ifPresent(x -> {
            x.status = "sent";
            x.externalId = messageSid;
        });
        m.flatMap(x -> x.conversation)
                .flatMap(c -> threads.stream()
                        .filter(t -> t.tenant.equals(tenant) && t.conversation.equals(c))
                        .findFirst())
                .ifPresent(mine -> threads.stream()
                        .filter(t -> t.tenant.equals(tenant)
                                && t.phone.equals(mine.phone)
                                && t.ourNumber.equals(mine.ourNumber)
                                && t.providerSid.isEmpty())
                        .forEach(t -> t.providerSid = Optional.ofNullable(conversationSid)));
    }

    @Override
    public synchronized void retry(TenantId tenant, UUID sms, Instant at, String reason) {
        queued(tenant, sms).ifPresent(q -> q.availableAt = at);
    }

    @Override
    public synchronized void failed(TenantId tenant, UUID sms, String reason, Instant at) {
        queued(tenant, sms).ifPresent(q -> q.settled = true);
        message(tenant, sms).ifPresent(m -> m.status = "failed");
    }

    @Override
    public synchronized boolean delivery(
            TenantId tenant, String messageSid, String status, Optional<String> error, Instant at) {
        String s =
                switch (status) {
                    case "delivered", "read", "failed", "undelivered", "sent" -> status;
                    default -> throw new IllegalArgumentException("unknown delivery status: " + status);
                };
        List<Message> ours = messages.stream()
                .filter(m -> m.tenant.equals(tenant) && !m.inbound && m.externalId.equals(messageSid))
                .toList();
        ours.forEach(m -> m.status = s);
        return ours.size() == 1;
    }
}
