package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.spi.OutreachLog;
import dev.aragent.agent.work.ByAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass of the scheduler: rebuild the queue and execute the actions that are due (their contact window is open).
 * Each action is claimed in the outreach log before it is executed, so running the pass twice — or again after a crash —
 * never repeats one: an action is executed at most once, and one whose execution failed is handed to a person.
 */
public final class BatchRun {
    /** Actions executed side by side (each waits on the database and the mail server more than it computes). */
    static final int WORKERS = 2;

    private final ActionQueue queue;
    private final OutreachLog log;
    private final Executor executor;
    private final dev.aragent.agent.spi.BatchRuns runs;

    /** Carries out one queue action (sends the message, or hands it to a person) and says what it did. */
    @FunctionalInterface
    public interface Executor {
        String execute(TenantId tenant, QueueEntry entry);
    }

    /** What a pass did. */
    public record Report(
            int planned,
            int executed,
            int alreadyDone,
            int notYetInWindow,
            Map<Reach, Integer> byChannel,
            List<String> lines) {
        public Report {
            byChannel = Map.copyOf(byChannel);
            lines = List.copyOf(lines);
        }
    }

    public BatchRun(ActionQueue queue, OutreachLog log, Executor executor) {
        this(queue, log, executor, dev.aragent.agent.spi.BatchRuns.none());
    }

    private BatchRun(ActionQueue queue, OutreachLog log, Executor executor, dev.aragent.agent.spi.BatchRuns runs) {
        this.queue = queue;
        this.log = log;
        this.executor = executor;
        this.runs = runs;
    }

    /** This batch keeping each run, step by step, in {@code runs} (a dry run is kept nowhere). */
    public BatchRun recordingIn(dev.aragent.agent.spi.BatchRuns runs) {
        return new BatchRun(queue, log, executor, runs);
    }

    /** Plans at most {@code max} actions and executes those due by {@code now}; with {@code dryRun}, only reports. */
    public Report run(TenantId tenant, Instant now, int max, boolean dryRun) {
        return run(tenant, Optional.empty(), now, max, dryRun);
    }

    /**
     * {@link #run(TenantId, Instant, int, boolean)} over the tenant's accounts as the caller read them (who reads them
     * for something else too: the whole book is the costliest read of a pass).
     */
    public Report run(TenantId tenant, Optional<List<AccountRecord>> accounts, Instant now, int max, boolean dryRun) {
        // planned at the instant it executes at; executed, not read: no risk factors needed
        ActionQueue.Plan plan = accounts.isPresent()
                ? queue.plan(tenant, accounts.get(), max, false, now)
                : queue.plan(tenant, max, false, now);
        int executed = 0;
        int already = 0;
        int notYet = 0;
        Map<Reach, Integer> byChannel = new EnumMap<>(Reach.class);
        List<String> lines = new ArrayList<>();
        List<QueueEntry> due = new ArrayList<>();
        for (QueueEntry e : plan.entries()) {
            if (e.action().when().toInstant().isAfter(now)) {
                notYet++;
            } else {
                due.add(e);
            }
        }
        if (dryRun) {
            for (QueueEntry e : due) {
                lines.add(String.format(
                        "would %s %s (%s) with a %s",
                        verb(e.action().channel()),
                        e.customerName(),
                        e.customer(),
                        e.action().strategy().words()));
                byChannel.merge(e.action().channel(), 1, Integer::sum);
                executed++;
            }
            return new Report(plan.entries().size(), executed, already, notYet, byChannel, lines);
        }
        // what only a person can unblock (a credit memo to apply) becomes their task, once while it is open
        int handedOn = 0;
        for (ActionQueue.Skip skip : plan.skipped()) {
            if (skip.forAPerson().isPresent()) {
                log.handOff(
                        tenant,
                        skip.customer(),
                        "apply_credit_memo",
                        skip.forAPerson().get());
                handedOn++;
            }
        }
        // one action per account: accounts side by side, each claimed in the log before it is executed
        List<Optional<String>> results =
                ByAccount.run(due, QueueEntry::customer, WORKERS, e -> execute(tenant, e, now));
        for (int k = 0; k < due.size(); k++) {
            QueueEntry e = due.get(k);
            if (results.get(k).isEmpty()) {
                already++;
                continue;
            }
            lines.add(e.customerName() + " (" + e.customer() + "): "
                    + results.get(k).get());
            byChannel.merge(e.action().channel(), 1, Integer::sum);
            executed++;
        }
        try {
            runs.record(tenant, Workflow.of(now, plan, due, results, notYet, handedOn));
        } catch (RuntimeException e) { // what the run did is done and logged; only its account for people is lost
            org.slf4j.LoggerFactory.getLogger(BatchRun.class).warn("keeping the batch run of {} failed", tenant, e);
        }
        return new Report(plan.entries().size(), executed, already, notYet, byChannel, lines);
    }

    /** Claims and executes one action; empty when it was claimed before (another pass, another instance). */
    private Optional<String> execute(TenantId tenant, QueueEntry e, Instant now) {
        OutreachLog.Executed claim = new OutreachLog.Executed(
                e.customer(),
                e.segment(),
                e.action().step(),
                e.action().strategy(),
                e.action().channel(),
                now,
                e.invoiceNumbers());
        if (!log.record(tenant, claim)) {
            return Optional.empty();
        }
        try {
            return Optional.of(executor.execute(tenant, e));
        } catch (RuntimeException failure) {
            log.handOff(
                    tenant,
                    e.customer(),
                    "human_review",
                    "the scheduled " + e.action().strategy().words()
                            + " by " + e.action().channel().code() + " failed (" + failure.getMessage()
                            + "): do it by hand");
            return Optional.of("failed, handed to a person: " + failure.getMessage());
        }
    }

    private static String verb(Reach r) {
        return switch (r) {
            case EMAIL -> "email";
            case SMS -> "text";
            case CALL -> "call";
            case HUMAN -> "hand to a person:";
        };
    }
}
