package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.conversation.Effect;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.conversation.TurnRecord;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.spi.VoiceJournalContract.Call;
import dev.aragent.agent.spi.VoiceJournalContract.Line;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link VoiceJournal} in memory, for core tests; {@link VoiceJournalContract} checks it behaves as the real one: a
 * call is recorded once, its first outcome stands, a line needs a started call and the agent or the debtor as speaker,
 * and no tenant reaches another's calls.
 */
public final class InMemoryVoiceJournal implements VoiceJournal {
    private static final Set<String> SPEAKERS = Set.of("agent", "debtor");

    private record Key(TenantId tenant, String value) {}

    private final Map<Key, ConversationState> conversations = new HashMap<>();
    private final Map<Key, Call> calls = new HashMap<>();
    private final Map<Key, List<Line>> lines = new HashMap<>();
    private final List<TurnRecord> turns = new ArrayList<>();

    /** The call's transcript, in the order its lines were written; empty when the tenant has no such call. */
    public synchronized List<Line> transcript(TenantId tenant, String callSid) {
        return List.copyOf(lines.getOrDefault(new Key(tenant, callSid), List.of()));
    }

    /** The call as recorded; empty when the tenant has no call by that SID. */
    public synchronized Optional<Call> call(TenantId tenant, String callSid) {
        return Optional.ofNullable(calls.get(new Key(tenant, callSid)));
    }

    /** Every turn committed, oldest first. */
    public synchronized List<TurnRecord> turns() {
        return List.copyOf(turns);
    }

    @Override
    public synchronized ConversationState state(TenantId tenant, ConversationId conversation) {
        return conversation(tenant, conversation);
    }

    /** As the store does, a conversation the tenant does not have is an {@link IllegalStateException}. */
    private ConversationState conversation(TenantId tenant, ConversationId conversation) {
        ConversationState s = conversations.get(new Key(tenant, conversation.toString()));
        if (s == null) {
            throw new IllegalStateException("tenant " + tenant + " has no conversation " + conversation);
        }
        return s;
    }

    @Override
    public synchronized ConversationId open(TenantId tenant, CustomerKey customer, List<String> invoices, Instant at) {
        ConversationId id = ConversationId.random();
        conversations.put(
                new Key(tenant, id.toString()),
                new ConversationState(
                        id,
                        customer,
                        Channel.VOICE,
                        Stage.OPEN,
                        invoices.stream().distinct().sorted().toList(),
                        List.of(),
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return id;
    }

    @Override
    public synchronized void started(TenantId tenant, String callSid, ConversationId conversation, Instant at) {
        Key key = new Key(tenant, callSid);
        if (calls.containsKey(key)) {
            return; // a replayed start: the call stays as first recorded
        }
        if (!conversations.containsKey(new Key(tenant, conversation.toString()))) {
            throw new PermanentFailure(
                    "cannot record a call: tenant " + tenant + " has no conversation " + conversation);
        }
        calls.put(key, Call.running(conversation, at));
    }

    /** The number each placed call dialled, and the calls whose stream was opened. */
    private final Map<Key, String> numbers = new HashMap<>();

    private final Set<Key> streams = new java.util.HashSet<>();

    @Override
    public synchronized void started(
            TenantId tenant, String callSid, ConversationId conversation, String number, Instant at) {
        started(tenant, callSid, conversation, at);
        numbers.put(new Key(tenant, callSid), number);
    }

    @Override
    public synchronized boolean openStream(TenantId tenant, String callSid, ConversationId conversation, Instant at) {
        Key key = new Key(tenant, callSid);
        Call c = calls.get(key);
        return c != null && c.conversation().equals(conversation) && numbers.containsKey(key) && streams.add(key);
    }

    /** When the calls about {@code customer}'s conversations started. */
    public synchronized List<Instant> startsOf(TenantId tenant, CustomerKey customer) {
        List<Instant> out = new ArrayList<>();
        calls.forEach((key, call) -> {
            ConversationState c =
                    conversations.get(new Key(tenant, call.conversation().toString()));
            if (key.tenant().equals(tenant) && c != null && c.customer().equals(customer)) {
                out.add(call.startedAt());
            }
        });
        return out;
    }

    @Override
    public synchronized Optional<String> outcome(TenantId tenant, String callSid) {
        return Optional.ofNullable(calls.get(new Key(tenant, callSid))).flatMap(Call::outcome);
    }

    @Override
    public synchronized void line(TenantId tenant, String callSid, String speaker, String text, Instant at) {
        write(tenant, callSid, Line.said(speaker, text, at));
    }

    @Override
    public synchronized void answered(TenantId tenant, String callSid, String text, Instant at, Duration took) {
        // kept to the millisecond, as the store keeps it
        Duration ms = Duration.ofMillis((int) Math.min(Integer.MAX_VALUE, took.toMillis()));
        write(tenant, callSid, new Line("agent", text, at, Optional.of(ms)));
    }

    private void write(TenantId tenant, String callSid, Line line) {
        if (!SPEAKERS.contains(line.speaker())) {
            throw new PermanentFailure(
                    "cannot record a transcript line: a speaker is agent or debtor, not " + line.speaker());
        }
        Key key = new Key(tenant, callSid);
        if (!calls.containsKey(key)) {
            throw new PermanentFailure("cannot record a transcript line: tenant " + tenant + " has no call " + callSid);
        }
        lines.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
    }

    @Override
    public synchronized void commit(
            TenantId tenant, String callSid, ConversationId conversation, TurnRecord turn, Instant at) {
        ConversationState old = conversation(tenant, conversation);
        List<PromiseRecord> promises = new ArrayList<>(old.promises());
        for (Effect e : turn.turn().effects()) {
            if (e instanceof Effect.RecordPromises r) {
                promises.replaceAll(
                        p -> p.status() == PromiseRecord.Status.OPEN ? settled(p, PromiseRecord.Status.CANCELLED) : p);
                int n = 1;
                for (Installment i : r.terms().installments()) {
                    promises.add(new PromiseRecord(
                            UUID.randomUUID(), i.amount(), i.due(), n++, PromiseRecord.Status.OPEN, at));
                }
            }
            if (e instanceof Effect.SettlePromise s) {
                promises.replaceAll(p -> p.id().equals(s.promise()) && p.status() == PromiseRecord.Status.OPEN
                        ? settled(p, s.outcome())
                        : p);
            }
        }
        turns.add(turn);
        conversations.put(
                new Key(tenant, conversation.toString()),
                new ConversationState(
                        old.id(),
                        old.customer(),
                        old.channel(),
                        turn.turn().stage(),
                        old.invoiceNumbers(),
                        promises,
                        0, // the debtor spoke
                        turn.strategy(),
                        turn.offered(),
                        old.lastOutboundAt(),
                        turn.turn().disposition().retryDate()));
    }

    private static PromiseRecord settled(PromiseRecord p, PromiseRecord.Status status) {
        return new PromiseRecord(p.id(), p.amount(), p.due(), p.installment(), status, p.createdAt());
    }

    @Override
    public synchronized void ended(TenantId tenant, String callSid, String outcome, Instant at) {
        Key key = new Key(tenant, callSid);
        Call c = calls.get(key);
        if (c != null && c.outcome().isEmpty()) { // the first outcome told stands; an unknown call has nothing to end
            calls.put(
                    key,
                    new Call(
                            c.conversation(),
                            c.startedAt(),
                            Optional.of(outcome),
                            c.endedAt().or(() -> Optional.of(at))));
        }
    }
}
