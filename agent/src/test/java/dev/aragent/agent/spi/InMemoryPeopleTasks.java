package dev.aragent.agent.spi;

import dev.aragent.agent.crm.CrmEvents;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link PeopleTasks} in memory, for core tests: closing a task writes its disposition to an {@link InMemoryContactLog}
 * and its event to an {@link InMemoryCrmOutbox}; {@link PeopleTasksContract} checks it behaves as the real one.
 */
public final class InMemoryPeopleTasks implements PeopleTasks {
    private record Key(TenantId tenant, UUID id) {}

    private final Map<Key, PersonTask> tasks = new LinkedHashMap<>();
    private final Map<Key, Closing> closings = new HashMap<>();
    private final Map<TenantId, Map<CustomerKey, String>> names = new HashMap<>();
    private final InMemoryContactLog contacts;
    private final InMemoryCrmOutbox crm;

    public InMemoryPeopleTasks(InMemoryContactLog contacts, InMemoryCrmOutbox crm) {
        this.contacts = contacts;
        this.crm = crm;
    }

    /** The tenant's customer {@code key} is called {@code name}. */
    public synchronized void customer(TenantId tenant, CustomerKey key, String name) {
        names.computeIfAbsent(tenant, t -> new HashMap<>()).put(key, name);
    }

    /** A task as the agent leaves it. */
    public synchronized UUID add(TenantId tenant, PeopleTasksContract.Given t) {
        UUID id = UUID.randomUUID();
        String name = names.getOrDefault(tenant, Map.of())
                .getOrDefault(t.customer(), t.customer().value());
        tasks.put(
                new Key(tenant, id),
                new PersonTask(
                        id,
                        Optional.of(t.customer()),
                        name,
                        t.kind(),
                        t.detail(),
                        t.due(),
                        Optional.empty(),
                        t.created(),
                        t.conversation(),
                        t.status()));
        return id;
    }

    @Override
    public synchronized List<PersonTask> open(TenantId tenant, int limit) {
        return tasks.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(InMemoryPeopleTasks::forAPerson)
                .sorted(Comparator.comparing((PersonTask t) -> t.due().orElse(LocalDate.MAX))
                        .thenComparing(PersonTask::created))
                .limit(limit)
                .toList();
    }

    /** Open for a person: not a call the service still places (one with a conversation, not yet given up). */
    private static boolean forAPerson(PersonTask t) {
        return t.status().equals("for_a_person")
                || t.status().equals("open")
                        && (!t.kind().equals("call_debtor") || t.conversation().isEmpty());
    }

    @Override
    public synchronized Optional<PersonTask> task(TenantId tenant, UUID id) {
        return Optional.ofNullable(tasks.get(new Key(tenant, id)));
    }

    @Override
    public synchronized boolean assign(TenantId tenant, UUID id, Optional<String> person) {
        PersonTask t = tasks.get(new Key(tenant, id));
        if (t == null || !forAPerson(t)) {
            return false;
        }
        tasks.put(new Key(tenant, id), with(t, person, t.status()));
        return true;
    }

    @Override
    public synchronized boolean close(TenantId tenant, UUID id, Closing closing) {
        PersonTask t = tasks.get(new Key(tenant, id));
        if (t == null || !forAPerson(t)) {
            return false;
        }
        tasks.put(new Key(tenant, id), with(t, t.assignee(), closing.status()));
        closings.put(new Key(tenant, id), closing);
        CustomerKey customer = t.customer().orElseThrow();
        closing.disposition()
                .ifPresent(d -> contacts.personDisposition(
                        tenant, customer, t.conversation(), d.paymentStatus().code(), d.retryDate(), closing.at()));
        crm.record(
                tenant,
                CrmEvents.task(
                        new CrmEvents.Subject(
                                customer,
                                t.customerName(),
                                Optional.empty(),
                                t.conversation(),
                                "task-" + id,
                                closing.at()),
                        t,
                        closing));
        return true;
    }

    @Override
    public synchronized PersonTask log(
            TenantId tenant, CustomerKey customer, String kind, String detail, Closing closing) {
        UUID id = add(
                tenant,
                new PeopleTasksContract.Given(
                        customer, kind, "open", detail, Optional.empty(), Optional.empty(), closing.at()));
        close(tenant, id, closing);
        return task(tenant, id).orElseThrow();
    }

    @Override
    public synchronized Map<CustomerKey, java.time.Instant> lastCalls(TenantId tenant, java.time.Instant since) {
        Map<CustomerKey, java.time.Instant> out = new HashMap<>();
        closings.forEach((k, c) -> {
            PersonTask t = tasks.get(k);
            if (k.tenant().equals(tenant)
                    && List.of("call_debtor", "logged_call").contains(t.kind())
                    && t.status().equals("done")
                    && t.customer().isPresent()
                    && !c.at().isBefore(since)) {
                out.merge(t.customer().get(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return out;
    }

    private static PersonTask with(PersonTask t, Optional<String> assignee, String status) {
        return new PersonTask(
                t.id(),
                t.customer(),
                t.customerName(),
                t.kind(),
                t.detail(),
                t.due(),
                assignee,
                t.created(),
                t.conversation(),
                status);
    }
}
