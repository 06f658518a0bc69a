package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tasks the agent left for people, as the console works them: the open ones, one by its id, who has it, and a
 * person closing it — the task done or skipped, its outcome the account's disposition and a CRM event, in one step and
 * once. Adapters: store ({@code PostgresPeopleTasks}), agent tests ({@code InMemoryPeopleTasks}).
 */
public interface PeopleTasks {

    /**
     * The tenant's open tasks for people (not the calls the service itself still places), due first, then oldest; at
     * most {@code limit}.
     */
    List<PersonTask> open(TenantId tenant, int limit);

    /** The task, open or closed; empty when the tenant has none by that id. */
    Optional<PersonTask> task(TenantId tenant, UUID id);

    /** Gives the task to {@code person} (or to nobody); false when it is no longer open. */
    boolean assign(TenantId tenant, UUID id, Optional<String> person);

    /**
     * Closes an open task as {@code closing} says: its status, outcome, note, who and when; its disposition (when it
     * has one) on the account, in the task's conversation if it came from one; the CRM event; the audit record. False,
     * changing nothing, when the task was closed already (the same form sent twice is taken once).
     */
    boolean close(TenantId tenant, UUID id, Closing closing);

    /**
     * A person's outcome on an account outside any open task — a call they made, a promise or a dispute they heard —
     * kept as a task of {@code kind} closed at once with {@code closing}: the same disposition, CRM event and audit
     * record as {@link #close}, in one go. The task, closed.
     */
    PersonTask log(TenantId tenant, CustomerKey customer, String kind, String detail, Closing closing);

    /**
     * When a person last phoned each account at or after {@code since}: the call tasks they closed (a task skipped as not
     * needed was no call) and the calls they logged. Accounts nobody phoned since are absent.
     */
    java.util.Map<CustomerKey, java.time.Instant> lastCalls(TenantId tenant, java.time.Instant since);
}
