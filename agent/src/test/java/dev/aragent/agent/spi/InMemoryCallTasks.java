package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link CallTasks} in memory, reading the calls' outcomes and times from an {@link InMemoryVoiceJournal}. */
public final class InMemoryCallTasks implements CallTasks {
    private static final class Row {
        final TenantId tenant;
        final UUID id;
        final ConversationId conversation;
        final CustomerKey customer;
        final String detail;
        int attempts;
        Optional<Instant> lastAttempt = Optional.empty();
        Optional<String> callSid = Optional.empty();
        Optional<Instant> next = Optional.empty();
        boolean open = true;

        Row(TenantId tenant, UUID id, ConversationId conversation, CustomerKey customer, String detail) {
            this.tenant = tenant;
            this.id = id;
            this.conversation = conversation;
            this.customer = customer;
            this.detail = detail;
        }
    }

    private final InMemoryVoiceJournal calls;
    private final List<Row> rows = new ArrayList<>();

    public InMemoryCallTasks(InMemoryVoiceJournal calls) {
        this.calls = calls;
    }

    @Override
    public synchronized List<Task> due(TenantId tenant, Instant now) {
        return rows.stream()
                .filter(r -> r.tenant.equals(tenant)
                        && r.open
                        && r.next.map(n -> !n.isAfter(now)).orElse(true))
                .map(r -> new Task(
                        r.id,
                        r.conversation,
                        r.customer,
                        r.detail,
                        r.attempts,
                        r.lastAttempt,
                        r.callSid,
                        r.callSid.flatMap(sid -> calls.outcome(tenant, sid))))
                .toList();
    }

    @Override
    public synchronized List<Instant> callsTo(TenantId tenant, CustomerKey customer, Instant since) {
        return calls.startsOf(tenant, customer).stream()
                .filter(at -> at.isAfter(since))
                .toList();
    }

    @Override
    public synchronized UUID create(
            TenantId tenant, CustomerKey customer, ConversationId conversation, String detail, Instant at) {
        UUID id = UUID.randomUUID();
        rows.add(new Row(tenant, id, conversation, customer, detail));
        return id;
    }

    @Override
    public synchronized void placed(TenantId tenant, UUID task, String callSid, Instant at) {
        open(tenant, task).ifPresent(r -> {
            r.attempts++;
            r.lastAttempt = Optional.of(at);
            r.callSid = Optional.of(callSid);
            r.next = Optional.empty();
        });
    }

    @Override
    public synchronized void waitUntil(TenantId tenant, UUID task, Instant until) {
        open(tenant, task).ifPresent(r -> r.next = Optional.of(until));
    }

    @Override
    public synchronized void close(TenantId tenant, UUID task, boolean reached, String why) {
        open(tenant, task).ifPresent(r -> r.open = false);
    }

    private Optional<Row> open(TenantId tenant, UUID task) {
        return rows.stream()
                .filter(r -> r.tenant.equals(tenant) && r.id.equals(task) && r.open)
                .findFirst();
    }
}
