package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.PromiseRecord;
import dev.aragent.agent.conversation.Stage;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountActivity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ContactLog} in memory, for core tests: write what conversations left (only messages that reached or came
 * from a person are touches), read it per account; {@link ContactLogContract} checks it behaves as the real one.
 */
public final class InMemoryContactLog implements ContactLog {
    private record Key(TenantId tenant, ConversationId conversation) {}

    private record Conversation(CustomerKey customer, Stage stage, Instant updatedAt) {}

    private record Fact<T>(Key key, Instant at, T value) {}

    private record Disposition(String paymentStatus, Optional<LocalDate> retryOn) {}

    /** A person's outcome: in a conversation or in none (a call the queue left to them). */
    private record Personal(
            TenantId tenant,
            CustomerKey customer,
            Optional<ConversationId> conversation,
            Instant at,
            Disposition disposition) {}

    private final Map<Key, Conversation> conversations = new HashMap<>();
    private final List<Fact<AccountActivity.Touch>> touches = new ArrayList<>();
    private final List<Fact<AccountActivity.PromiseFact>> promises = new ArrayList<>();
    private final List<Fact<Boolean>> disputes = new ArrayList<>();
    private final List<Fact<Disposition>> dispositions = new ArrayList<>();
    private final List<Personal> personal = new ArrayList<>();

    /** Opens a conversation with {@code customer}, last moved to {@code stage} at {@code updatedAt}. */
    public synchronized ConversationId open(TenantId tenant, CustomerKey customer, Stage stage, Instant updatedAt) {
        ConversationId id = ConversationId.random();
        conversations.put(new Key(tenant, id), new Conversation(customer, stage, updatedAt));
        return id;
    }

    /** A message that reached the debtor ({@code inbound} false) or came from them. */
    public synchronized void touch(
            TenantId tenant, ConversationId conversation, Channel channel, boolean inbound, Instant at) {
        touches.add(new Fact<>(new Key(tenant, conversation), at, new AccountActivity.Touch(channel, inbound, at)));
    }

    public synchronized void promise(
            TenantId tenant,
            ConversationId conversation,
            LocalDate dueOn,
            PromiseRecord.Status status,
            Instant madeAt,
            Optional<Instant> resolvedAt) {
        promises.add(new Fact<>(
                new Key(tenant, conversation),
                madeAt,
                new AccountActivity.PromiseFact(dueOn, status.name().toLowerCase(Locale.ROOT), madeAt, resolvedAt)));
    }

    /** A dispute opened at {@code openedAt}, still {@code open} or since resolved. */
    public synchronized void dispute(TenantId tenant, ConversationId conversation, boolean open, Instant openedAt) {
        disputes.add(new Fact<>(new Key(tenant, conversation), openedAt, open));
    }

    /** How a turn ended: the payment status it recorded and when to try the debtor again, if it said. */
    public synchronized void disposition(
            TenantId tenant,
            ConversationId conversation,
            String paymentStatus,
            Optional<LocalDate> retryOn,
            Instant at) {
        dispositions.add(new Fact<>(new Key(tenant, conversation), at, new Disposition(paymentStatus, retryOn)));
    }

    /**
     * A person closed a task: the account's disposition, in {@code conversation} or in none; with a date to look again
     * it pauses the cadence until then.
     */
    public synchronized void personDisposition(
            TenantId tenant,
            CustomerKey customer,
            Optional<ConversationId> conversation,
            String paymentStatus,
            Optional<LocalDate> retryOn,
            Instant at) {
        personal.add(new Personal(tenant, customer, conversation, at, new Disposition(paymentStatus, retryOn)));
    }

    @Override
    public synchronized Map<CustomerKey, AccountActivity> activity(TenantId tenant) {
        Map<CustomerKey, AccountActivity> out = new HashMap<>();
        java.util.stream.Stream.concat(
                        conversations.entrySet().stream()
                                .filter(e -> e.getKey().tenant().equals(tenant))
                                .map(e -> e.getValue().customer()),
                        personal.stream().filter(p -> p.tenant().equals(tenant)).map(Personal::customer))
                .distinct()
                .forEach(customer -> out.put(customer, read(tenant, customer)));
        return out;
    }

    private AccountActivity read(TenantId tenant, CustomerKey customer) {
        List<Fact<Disposition>> byTime = new ArrayList<>(mine(dispositions, tenant, customer));
        List<Personal> people = personal.stream()
                .filter(p -> p.tenant().equals(tenant) && p.customer().equals(customer))
                .toList();
        java.util.Set<Fact<Disposition>> byPeople = new java.util.HashSet<>();
        for (Personal p : people) {
            Fact<Disposition> f = new Fact<>(new Key(tenant, p.conversation().orElse(null)), p.at(), p.disposition());
            byTime.add(f);
            byPeople.add(f);
        }
        byTime.sort(Comparator.comparing(Fact::at));
        Optional<Fact<Disposition>> last = byTime.isEmpty() ? Optional.empty() : Optional.of(byTime.getLast());
        boolean personPaused = last.filter(byPeople::contains)
                .map(d -> d.value().retryOn().isPresent())
                .orElse(false);
        Optional<Stage> latestStage = conversations.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant)
                        && e.getValue().customer().equals(customer))
                .map(Map.Entry::getValue)
                .max(Comparator.comparing(Conversation::updatedAt))
                .map(Conversation::stage);
        List<Fact<Boolean>> disputed = mine(disputes, tenant, customer);
        return new AccountActivity(
                mine(touches, tenant, customer).stream().map(Fact::value).toList(),
                mine(promises, tenant, customer).stream().map(Fact::value).toList(),
                disputed.stream().map(Fact::at).toList(),
                (int) disputed.stream().filter(Fact::value).count(),
                last.map(d -> new AccountActivity.Outcome(
                        d.value().paymentStatus(),
                        java.util.Optional.ofNullable(conversations.get(d.key()))
                                .map(c -> c.stage().code())
                                .orElse("open"),
                        d.at())),
                personPaused
                        || latestStage
                                .filter(st -> AccountActivity.holdsCadence(st.code()))
                                .isPresent(),
                last.flatMap(d -> d.value().retryOn()));
    }

    /** The customer's facts of this tenant, oldest first (those of one time in the order written). */
    private <T> List<Fact<T>> mine(List<Fact<T>> facts, TenantId tenant, CustomerKey customer) {
        return facts.stream()
                .filter(f -> f.key().tenant().equals(tenant)
                        && conversations.containsKey(f.key())
                        && conversations.get(f.key()).customer().equals(customer))
                .sorted(Comparator.comparing(Fact::at))
                .toList();
    }
}
