package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.Completion;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.ThreadInfo;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A {@link MailJournal} in memory, for core tests; {@link MailJournalContract} checks it behaves as the real one. */
public final class InMemoryMailJournal implements MailJournal {
    private record Key(TenantId tenant, String value) {}

    private record Stored(
            UUID id,
            TenantId tenant,
            String place,
            String externalId,
            boolean processed,
            Optional<ConversationId> conversation,
            long order) {}

    private record Queued(OutboundEmail email, TenantId tenant, Instant availableAt, boolean done) {}

    private final List<Stored> messages = new ArrayList<>();
    private final Map<Key, ThreadInfo> threads = new HashMap<>();
    private final Map<Key, CustomerKey> contacts = new HashMap<>();
    private final Set<Key> optedOut = new HashSet<>();
    private final Set<Key> undeliverable = new HashSet<>();
    private final List<Queued> outbox = new ArrayList<>();
    private final Map<Key, long[]> positions = new HashMap<>();
    private final List<String> tasks = new ArrayList<>();
    private final Map<Key, ConversationState> states = new HashMap<>();
    private final List<TurnRecord> turns = new ArrayList<>();
    private long order;

    public synchronized void addContact(TenantId tenant, CustomerKey customer, String email) {
        contacts.put(new Key(tenant, email.toLowerCase(Locale.ROOT)), customer);
    }

    public synchronized boolean isOptedOut(TenantId tenant, String email) {
        return optedOut.contains(new Key(tenant, email.toLowerCase(Locale.ROOT)));
    }

    public synchronized boolean isUndeliverable(TenantId tenant, String email) {
        return undeliverable.contains(new Key(tenant, email.toLowerCase(Locale.ROOT)));
    }

    public synchronized List<String> tasks() {
        return List.copyOf(tasks);
    }

    /** Every turn written, oldest first. */
    public synchronized List<TurnRecord> turns() {
        return List.copyOf(turns);
    }

    @Override
    public synchronized ConversationState state(TenantId tenant, ConversationId conversation) {
        return states.get(new Key(tenant, conversation.toString()));
    }

    @Override
    public synchronized Recorded recordInbound(TenantId tenant, RawEmail raw, String externalId) {
        String place = raw.mailbox() + "|" + raw.uidValidity() + "|" + raw.uid();
        for (Stored s : messages) {
            if (s.tenant().equals(tenant)
                    && (s.place().equals(place) || s.externalId().equals(externalId))) {
                return new Recorded(s.id(), s.processed());
            }
        }
        Stored s = new Stored(UUID.randomUUID(), tenant, place, externalId, false, Optional.empty(), order++);
        messages.add(s);
        return new Recorded(s.id(), false);
    }

    @Override
    public synchronized void quarantine(TenantId tenant, UUID message, String reason) {
        replace(
                message,
                s -> new Stored(s.id(), s.tenant(), s.place(), s.externalId(), true, Optional.empty(), s.order()));
    }

    private void replace(UUID id, java.util.function.UnaryOperator<Stored> f) {
        messages.replaceAll(s -> s.id().equals(id) ? f.apply(s) : s);
    }

    @Override
    public synchronized Optional<ConversationId> conversationByToken(TenantId tenant, String token) {
        return threads.values().stream()
                .filter(t -> t.replyToken().equals(token) && threads.containsKey(new Key(tenant, t.id().toString())))
                .map(ThreadInfo::id)
                .findFirst();
    }

    @Override
    public synchronized Optional<ConversationId> conversationByMessageIds(TenantId tenant, List<String> ids) {
        return messages.stream()
                .filter(s -> s.tenant().equals(tenant)
                        && ids.contains(s.externalId())
                        && s.conversation().isPresent())
                .max(java.util.Comparator.comparingLong(Stored::order))
                .flatMap(Stored::conversation);
    }

    @Override
    public synchronized Optional<CustomerKey> customerByEmail(TenantId tenant, String address) {
        return Optional.ofNullable(contacts.get(new Key(tenant, address.toLowerCase(Locale.ROOT))));
    }

    @Override
    public synchronized Optional<ConversationId> latestConversation(
            TenantId tenant, CustomerKey customer, List<String> invoices) {
        List<ThreadInfo> mine = threads.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant)
                        && e.getValue().customer().equals(customer))
                .map(Map.Entry::getValue)
                .toList();
        return mine.stream()
                .filter(t -> t.invoiceNumbers().stream().anyMatch(invoices::contains))
                .findFirst()
                .or(() -> mine.stream().reduce((x, y) -> y))
                .map(ThreadInfo::id);
    }

    @Override
    public synchronized ThreadInfo thread(TenantId tenant, ConversationId conversation) {
        ThreadInfo t = threads.get(new Key(tenant, conversation.toString()));
        List<String> ids = messages.stream()
                .filter(s -> s.tenant().equals(tenant) && s.conversation().equals(Optional.of(conversation)))
                .sorted(java.util.Comparator.comparingLong(Stored::order))
                .map(Stored::externalId)
                .filter(id -> !id.startsWith("sha256:"))
                .toList();
        return new ThreadInfo(
                t.id(),
                t.customer(),
                t.replyToken(),
                t.subject(),
                t.invoiceNumbers(),
                ids,
                t.contactEmail().filter(a -> !optedOut.contains(new Key(tenant, a.toLowerCase(Locale.ROOT)))));
    }

    @Override
    public synchronized void complete(TenantId tenant, UUID message, Completion c) {
        replace(
                message,
                s -> new Stored(s.id(), s.tenant(), s.place(), s.externalId(), true, c.conversation(), s.order()));
        for (String address : c.facts().undeliverable()) {
            undeliverable.add(new Key(tenant, address.toLowerCase(Locale.ROOT)));
            tasks.add("find_contact:" + address);
        }
        if (c.conversation().isEmpty() && c.facts().kind() == EmailFacts.Kind.PERSONAL) {
            tasks.add("review_triage:" + c.facts().fromAddress());
        }
        c.replies().forEach(r -> queue(tenant, r));
        c.turn()
                .ifPresent(t -> apply(
                        tenant, c.conversation().orElseThrow(), t, c.replies().size(), true));
    }

    private void apply(TenantId tenant, ConversationId conversation, TurnRecord t, int replies, boolean inbound) {
        turns.add(t);
        Key key = new Key(tenant, conversation.toString());
        ConversationState old = states.get(key);
        List<PromiseRecord> promises = new ArrayList<>(old.promises());
        for (Effect e : t.turn().effects()) {
            if (e instanceof Effect.RecordPromises r) {
                promises.replaceAll(p -> p.status() == PromiseRecord.Status.OPEN
                        ? new PromiseRecord(
                                p.id(),
                                p.amount(),
                                p.due(),
                                p.installment(),
                                PromiseRecord.Status.CANCELLED,
                                p.createdAt())
                        : p);
                int n = 1;
                for (var i : r.terms().installments()) {
                    promises.add(new PromiseRecord(
                            UUID.randomUUID(), i.amount(), i.due(), n++, PromiseRecord.Status.OPEN, Instant.EPOCH));
                }
            }
            if (e instanceof Effect.SettlePromise sp) {
                promises.replaceAll(p -> p.id().equals(sp.promise())
                        ? new PromiseRecord(p.id(), p.amount(), p.due(), p.installment(), sp.outcome(), p.createdAt())
                        : p);
            }
            if (e instanceof Effect.Task task) {
                tasks.add(task.kind().code() + ":" + task.detail());
            }
        }
        states.put(
                key,
                new ConversationState(
                        old.id(),
                        old.customer(),
                        old.channel(),
                        t.turn().stage(),
                        old.invoiceNumbers(),
                        promises,
                        (inbound ? 0 : old.unanswered()) + replies,
                        t.strategy(),
                        t.offered(),
                        replies == 0 ? old.lastOutboundAt() : Optional.of(Instant.EPOCH),
                        t.turn().disposition().retryDate()));
    }

    @Override
    public synchronized List<ConversationId> dueForFollowUp(TenantId tenant, Instant now, Duration quiet) {
        return states.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(s -> !s.openPromises().isEmpty()
                        || (s.unanswered() > 0 && (s.stage() == Stage.OPEN || s.stage() == Stage.ENGAGED)))
                .map(ConversationState::id)
                .toList();
    }

    @Override
    public synchronized void answered(TenantId tenant, ConversationId conversation) {
        states.computeIfPresent(
                new Key(tenant, conversation.toString()),
                (k, s) -> new ConversationState(
                        s.id(),
                        s.customer(),
                        s.channel(),
                        s.stage(),
                        s.invoiceNumbers(),
                        s.promises(),
                        0,
                        s.lastStrategy(),
                        s.lastOffer(),
                        s.lastOutboundAt(),
                        s.retryOn()));
    }

    @Override
    public synchronized void followUp(
            TenantId tenant, ConversationId conversation, TurnRecord turn, List<OutboundEmail> emails) {
        emails.forEach(e -> queue(tenant, e));
        apply(tenant, conversation, turn, emails.size(), false);
    }

    private void queue(TenantId tenant, OutboundEmail e) {
        messages.add(new Stored(
                e.id(), tenant, "out|" + e.id(), e.messageId(), true, Optional.of(e.conversation()), order++));
        outbox.add(new Queued(e, tenant, Instant.MIN, false));
    }

    @Override
    public synchronized void open(TenantId tenant, ThreadInfo thread, OutboundEmail first) {
        threads.put(new Key(tenant, thread.id().toString()), thread);
        states.put(
                new Key(tenant, thread.id().toString()),
                new ConversationState(
                        thread.id(),
                        thread.customer(),
                        Channel.EMAIL,
                        Stage.OPEN,
                        thread.invoiceNumbers(),
                        List.of(),
                        1,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Instant.EPOCH),
                        Optional.empty()));
        queue(tenant, first);
    }

    @Override
    public synchronized List<OutboundEmail> claim(TenantId tenant, int max, Instant now, Duration lease) {
        List<OutboundEmail> out = new ArrayList<>();
        for (int i = 0; i < outbox.size() && out.size() < max; i++) {
            Queued q = outbox.get(i);
            if (q.tenant().equals(tenant) && !q.done() && !q.availableAt().isAfter(now)) {
                outbox.set(i, new Queued(q.email(), tenant, now.plus(lease), false));
                out.add(q.email());
            }
        }
        return out;
    }

    private void settle(UUID email, Optional<Instant> retryAt) {
        outbox.replaceAll(q -> q.email().id().equals(email)
                ? new Queued(q.email(), q.tenant(), retryAt.orElse(q.availableAt()), retryAt.isEmpty())
                : q);
    }

    @Override
    public synchronized void sent(TenantId tenant, UUID email, Instant at) {
        settle(email, Optional.empty());
    }

    @Override
    public synchronized void retry(TenantId tenant, UUID email, Instant at, String reason) {
        settle(email, Optional.of(at));
    }

    @Override
    public synchronized void failed(TenantId tenant, UUID email, String reason) {
        settle(email, Optional.empty());
    }

    @Override
    public synchronized void optOut(TenantId tenant, String address) {
        optedOut.add(new Key(tenant, address.toLowerCase(Locale.ROOT)));
    }

    @Override
    public synchronized Optional<long[]> position(TenantId tenant, String mailbox) {
        return Optional.ofNullable(positions.get(new Key(tenant, mailbox))).map(long[]::clone);
    }

    @Override
    public synchronized void savePosition(TenantId tenant, String mailbox, long uidValidity, long lastUid, Instant at) {
        positions.merge(
                new Key(tenant, mailbox),
                new long[] {uidValidity, lastUid},
                (old, neu) -> old[0] == neu[0] ? new long[] {old[0], Math.max(old[1], neu[1])} : neu);
    }
}
