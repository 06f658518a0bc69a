package dev.aragent.agent.app;

import dev.aragent.agent.access.Access;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRisk;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.AccountHistory;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.tasks.PersonTask;
import dev.aragent.agent.tasks.TaskOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the AR team's console reads (a use case per page): today's worklist with the team that works it, the account
 * search, and one account with its risk. Days are the tenant's (its rules' time zone).
 */
public final class Workbench {
    private final ActionQueue queue;
    private final PeopleTasks tasks;
    private final AccountHistory history;
    private final AccountHolds holds;
    private final Access access;
    private final AccountSearch search;
    private final Ledger ledger;
    private final BiFunction<TenantId, CustomerKey, Optional<AccountRecord>> records;
    private final Function<TenantId, Optional<RiskModel>> models;
    private final Function<TenantId, QueueRules> rules;
    private final Clock clock;
    private final dev.aragent.agent.spi.BatchRuns runs;
    private final dev.aragent.agent.spi.ContactLog contacts;

    /**
     * The parts: the queue, the tasks for people, the accounts' histories and holds, who works them, the book, one
     * account's record, the risk model, the rules, the clock, the batch runs kept, what the conversations left (the
     * promises that make an account's calls wait).
     */
    public record Parts(
            ActionQueue queue,
            PeopleTasks tasks,
            AccountHistory history,
            AccountHolds holds,
            Access access,
            Ledger ledger,
            BiFunction<TenantId, CustomerKey, Optional<AccountRecord>> records,
            Function<TenantId, Optional<RiskModel>> models,
            Function<TenantId, QueueRules> rules,
            Clock clock,
            dev.aragent.agent.spi.BatchRuns runs,
            dev.aragent.agent.spi.ContactLog contacts) {}

    private Workbench(Parts p) {
        this.queue = p.queue();
        this.tasks = p.tasks();
        this.history = p.history();
        this.holds = p.holds();
        this.access = p.access();
        this.search = AccountSearch.create(p.ledger());
        this.ledger = p.ledger();
        this.records = p.records();
        this.models = p.models();
        this.rules = p.rules();
        this.clock = p.clock();
        this.runs = p.runs();
        this.contacts = p.contacts();
    }

    public static Workbench create(Parts parts) {
        return new Workbench(parts);
    }

    /**
     * Today's open tasks for people and the queue (at most {@code limit} of each) as planned at {@code planned}, the
     * people who work them, and the tenant's day in its zone.
     */
    public record Worklist(
            List<PersonTask> tasks,
            ActionQueue.Plan plan,
            Instant planned,
            int people,
            LocalDate day,
            ZoneId zone,
            java.util.Set<CustomerKey> paidUp,
            Map<CustomerKey, TaskOrder.Stake> stakes) {
        public Worklist {
            paidUp = java.util.Set.copyOf(paidUp);
            stakes = Map.copyOf(stakes);
        }
    }

    /** Events an account page lists, newest first. */
    public static final int TIMELINE = 500;

    /**
     * One account as its page shows it, on the tenant's {@code today} in its {@code zone}: its record, risk, a person's
     * hold on it, and the newest events of its timeline ({@code events} in all).
     */
    public record AccountPage(
            AccountRecord record,
            Optional<AccountRisk> risk,
            LocalDate today,
            ZoneId zone,
            Optional<Hold> hold,
            List<AccountHistory.Event> timeline,
            int events) {}

    /**
     * How long a planned queue is shown before the worklist plans it again: planning a 2,400-account book takes about a
     * second, a page must not. A change made through the console ({@link #changed}) plans it again at once; one made
     * elsewhere (a reply, the batch) shows within this time. Wall time, not the book's clock: it bounds staleness.
     */
    public static final Duration FRESH = Duration.ofSeconds(30);

    private record Planned(ActionQueue.Plan plan, int limit, LocalDate day, long madeNanos, Instant madeAt) {}

    private final Map<TenantId, Planned> planned = new ConcurrentHashMap<>();

    /** Something changed the tenant's book or queue here: the next worklist plans it again. */
    public void changed(TenantId tenant) {
        planned.remove(tenant);
    }

    private Planned planned(TenantId tenant, int limit, LocalDate today) {
        Planned p = planned.get(tenant);
        if (p == null
                || p.limit() < limit
                || !p.day().equals(today)
                || System.nanoTime() - p.madeNanos() > FRESH.toNanos()) {
            p = new Planned(queue.plan(tenant, limit), limit, today, System.nanoTime(), clock.instant());
            planned.put(tenant, p);
        }
        return p;
    }

    public Worklist today(TenantId tenant, int limit) {
        // who works the queue: active people whose role works it (an admin manages people, not accounts)
        int people = (int) access.members(tenant).stream()
                .filter(m -> !m.person().disabled()
                        && m.membership().role().allows(Permission.WORK)
                        && m.membership().role() != Role.ADMIN)
                .count();
        ZoneId zone = rules.apply(tenant).defaultZone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Planned p = planned(tenant, limit, today);
        Ranked open = ranked(tenant, limit);
        return new Worklist(
                open.ordered().tasks(),
                p.plan(),
                p.madeAt(),
                people,
                today,
                zone,
                paidUp(open.ordered().tasks(), open.owed()),
                open.ordered().stakes());
    }

    /** Open tasks read to be ordered: more than a team of any size leaves open. */
    static final int ORDERED = 5_000;

    /**
     * The tenant's open tasks for people in the order to work them ({@link TaskOrder}: due by today first, the most at
     * stake first), at most {@code limit}.
     */
    public List<PersonTask> tasks(TenantId tenant, int limit) {
        return ranked(tenant, limit).ordered().tasks();
    }

    /** Today's work for people: the open tasks in order without those for a later day ({@link TaskOrder.Ordered#later}). */
    public List<PersonTask> dueToday(TenantId tenant, int limit) {
        QueueRules r = rules.apply(tenant);
        LocalDate today = clock.instant().atZone(r.defaultZone()).toLocalDate();
        TaskOrder.Ordered ordered = ranked(tenant, ORDERED).ordered();
        return ordered.tasks().stream()
                .filter(t -> !ordered.later(t, today))
                .limit(limit)
                .toList();
    }

    /** The open tasks in order, and the book's open invoices by account they were ranked from. */
    private record Ranked(TaskOrder.Ordered ordered, Map<CustomerKey, List<dev.aragent.agent.ledger.Invoice>> owed) {}

    private Ranked ranked(TenantId tenant, int limit) {
        QueueRules r = rules.apply(tenant);
        LocalDate today = clock.instant().atZone(r.defaultZone()).toLocalDate();
        List<PersonTask> open = tasks.open(tenant, Math.max(limit, ORDERED));
        // the book's open invoices in one read, not an account file per task (Today is made on every visit)
        Map<CustomerKey, List<dev.aragent.agent.ledger.Invoice>> owed = open.isEmpty()
                ? Map.of()
                : ledger.invoices(tenant, dev.aragent.agent.ledger.InvoiceStatus.OPEN).stream()
                        .collect(java.util.stream.Collectors.groupingBy(dev.aragent.agent.ledger.Invoice::customer));
        // the accounts a person phoned within the rules' rest: their other calls wait behind the rest of the book
        Map<CustomerKey, LocalDate> phoned = new java.util.HashMap<>();
        if (r.callRestDays() > 0 && !open.isEmpty()) {
            tasks.lastCalls(tenant, clock.instant().minus(Duration.ofDays(r.callRestDays() + 1L)))
                    .forEach((c, at) -> phoned.put(c, at.atZone(r.defaultZone()).toLocalDate()));
        }
        // and those that promised to pay by a day not yet past: a call before it asks again what they answered
        Map<CustomerKey, LocalDate> promised = new java.util.HashMap<>();
        if (!open.isEmpty()) {
            contacts.activity(tenant).forEach((c, a) -> a.promisedUntil(today).ifPresent(d -> promised.put(c, d)));
        }
        TaskOrder.Ordered all = TaskOrder.rank(
                open,
                c -> owed.getOrDefault(c, List.of()),
                r::recoverable,
                today,
                new TaskOrder.Lately(phoned, r.callRestDays(), promised));
        return new Ranked(
                new TaskOrder.Ordered(
                        all.tasks().subList(0, Math.min(limit, all.tasks().size())), all.stakes()),
                owed);
    }

    /**
     * The accounts of open call tasks that owe nothing any more (a payment came in since the task was made): the person
     * about to phone is told before they do. From the open invoices the tasks were ranked by ({@code owed}), read once
     * as the page is made.
     */
    private static java.util.Set<CustomerKey> paidUp(
            List<PersonTask> open, Map<CustomerKey, List<dev.aragent.agent.ledger.Invoice>> owed) {
        return open.stream()
                .filter(t -> t.kind().startsWith("call"))
                .flatMap(t -> t.customer().stream())
                .filter(c ->
                        owed.getOrDefault(c, List.of()).stream().noneMatch(dev.aragent.agent.ledger.Invoice::owing))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The tenant's latest batch run, step by step. */
    public Optional<dev.aragent.agent.queue.Workflow> lastRun(TenantId tenant) {
        return runs.latest(tenant);
    }

    /** The imports that changed the book, newest first. */
    public List<dev.aragent.agent.imports.ImportRecord> imports(TenantId tenant, int limit) {
        return ledger.imports(tenant, limit);
    }

    public List<AccountSearch.Hit> find(TenantId tenant, String query, int limit) {
        return search.find(tenant, query, limit);
    }

    /** The account {@code key} names, or empty when the tenant has none by it (or it is no key at all). */
    public Optional<AccountPage> account(TenantId tenant, String key) {
        Optional<AccountRecord> found;
        try {
            found = records.apply(tenant, CustomerKey.of(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Day day = day(tenant);
        return found.map(r -> new AccountPage(
                r,
                AccountRisk.of(Scoring.of(models.apply(tenant), List.of(r), Tone.lexicon(), now), r, day.date()),
                day.date(),
                day.zone(),
                holds.hold(tenant, r.customer().key()),
                history.timeline(tenant, r.customer().key(), TIMELINE),
                history.count(tenant, r.customer().key())));
    }

    /** A tenant's day and the zone it is counted in (its rules'). */
    public record Day(LocalDate date, ZoneId zone) {}

    /** The tenant's today. */
    public Day day(TenantId tenant) {
        ZoneId zone = rules.apply(tenant).defaultZone();
        return new Day(clock.instant().atZone(zone).toLocalDate(), zone);
    }
}
