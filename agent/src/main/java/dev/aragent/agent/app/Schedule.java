package dev.aragent.agent.app;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.BatchRun;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch as a use case: on the rules' run days (default Monday and Thursday, 07:00 tenant time) rebuild the queue
 * and execute the due actions — again every quarter hour until the day ends, for the debtors whose contact windows
 * open later — and retrain the risk model once enough new outcomes have come in since the current one was trained; on
 * the week's first run day, the portfolio report and its likely write-offs for AR staff. When to wake is the server's
 * loop; what a pass does and when it is due is decided here.
 */
public final class Schedule {
    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);
    /** New outcomes (settled invoices, resolved promises, disputes) since the last training that trigger a retraining. */
    public static final int RETRAIN_AFTER = 200;

    private static final Duration PASS_EVERY = Duration.ofMinutes(15);

    /** Trains, saves and makes current a model of a tenant's book predicting payment within the days given. */
    public interface Retraining {
        RiskModel retrain(TenantId tenant, int horizonDays);
    }

    /** What one pass did: the batch report and, when one was due, the retrained model. */
    public record Pass(BatchRun.Report report, Optional<RiskModel> retrained, int newOutcomes) {}

    private final BatchRun batch;
    private final Function<TenantId, List<AccountRecord>> accounts;
    private final Function<TenantId, Optional<RiskModel>> current;
    private final Retraining retraining;
    private final Clock clock;

    private Schedule(
            BatchRun batch,
            Function<TenantId, List<AccountRecord>> accounts,
            Function<TenantId, Optional<RiskModel>> current,
            Retraining retraining,
            Clock clock) {
        this.batch = batch;
        this.accounts = accounts;
        this.current = current;
        this.retraining = retraining;
        this.clock = clock;
    }

    /**
     * A schedule running {@code batch} on the book {@code accounts} reads, the tenant's {@code current} risk model
     * replaced through {@code retraining} once enough has happened since it was trained.
     */
    public static Schedule create(
            BatchRun batch,
            Function<TenantId, List<AccountRecord>> accounts,
            Function<TenantId, Optional<RiskModel>> current,
            Retraining retraining,
            Clock clock) {
        return new Schedule(batch, accounts, current, retraining, clock);
    }

    /** One pass now: at most {@code max} actions; a dry run plans and executes nothing, and never retrains. */
    public Pass runOnce(TenantId tenant, boolean dryRun, int max) {
        Instant now = clock.instant();
        // the book is read once: the queue is planned from it and the outcomes since the model was trained counted in
        // it
        List<AccountRecord> book = accounts.apply(tenant);
        BatchRun.Report report = batch.run(tenant, Optional.of(book), now, max, dryRun);
        if (dryRun) {
            return new Pass(report, Optional.empty(), 0);
        }
        Optional<RiskModel> model = current.apply(tenant);
        Instant since = model.map(m -> m.info().trainedAt()).orElse(Instant.EPOCH);
        int outcomes = RiskTrainer.newOutcomes(book, since);
        if (outcomes < RETRAIN_AFTER) {
            return new Pass(report, Optional.empty(), outcomes);
        }
        RiskModel retrained = retraining.retrain(
                tenant, model.map(m -> m.info().horizonDays()).orElse(30));
        LOG.atInfo()
                .addKeyValue("version", retrained.info().version())
                .addKeyValue("newOutcomes", outcomes)
                .log("risk model retrained");
        return new Pass(report, Optional.of(retrained), outcomes);
    }

    /**
     * Runs the schedule on a virtual thread until {@code stopping}: on a run day, {@code reportDay} for the day and then
     * a pass of at most {@code max} actions every quarter hour until the day ends; otherwise asleep until the next run.
     * A pass that fails is logged and tried again a quarter hour later. The rules are read again before each pass.
     */
    public void start(
            TenantId tenant,
            Supplier<QueueRules> rules,
            Consumer<LocalDate> reportDay,
            int max,
            AtomicBoolean stopping) {
        Thread.ofVirtual().name("scheduler-" + tenant).start(() -> {
            while (!stopping.get()) {
                try {
                    QueueRules r = rules.get();
                    Instant now = clock.instant();
                    if (running(r, now)) {
                        reportDay.accept(now.atZone(r.defaultZone()).toLocalDate());
                        Pass pass = runOnce(tenant, false, max);
                        LOG.atInfo()
                                .addKeyValue("executed", pass.report().executed())
                                .addKeyValue("waitingForWindow", pass.report().notYetInWindow())
                                .log("batch pass");
                        sleep(PASS_EVERY, stopping);
                    } else {
                        sleep(Duration.between(now, nextRun(r, now).toInstant()), stopping);
                    }
                } catch (RuntimeException e) {
                    LOG.atWarn().addKeyValue("error", e.toString()).log("batch pass failed; retrying in 15 minutes");
                    sleep(PASS_EVERY, stopping);
                }
            }
        });
    }

    private static void sleep(Duration d, AtomicBoolean stopping) {
        long until = System.nanoTime() + Math.max(0, d.toNanos());
        while (!stopping.get() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(1_000, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The next scheduled run at or after {@code now}. */
    public static ZonedDateTime nextRun(QueueRules rules, Instant now) {
        ZonedDateTime t = now.atZone(rules.defaultZone());
        for (int d = 0; d <= 7; d++) {
            ZonedDateTime candidate =
                    t.toLocalDate().plusDays(d).atTime(rules.runAt()).atZone(rules.defaultZone());
            if (rules.runDays().contains(candidate.getDayOfWeek())
                    && !candidate.toInstant().isBefore(now)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no run day in the schedule: " + rules.runDays());
    }

    /** Whether {@code now} is within a run day, at or after its start: the batch passes until the day ends. */
    public static boolean running(QueueRules rules, Instant now) {
        ZonedDateTime local = now.atZone(rules.defaultZone());
        return rules.runDays().contains(local.getDayOfWeek())
                && !local.toLocalTime().isBefore(rules.runAt());
    }

    /** Whether {@code day} is the week's first run day, when the weekly report is written (once). */
    public static boolean reportDay(QueueRules rules, LocalDate day) {
        return rules.runDays().stream().min(Comparator.naturalOrder()).orElseThrow() == day.getDayOfWeek();
    }

    /** The week's likely write-offs in a few lines for AR staff's channel; {@code where} is the full report. */
    public static String writeOffNotice(Portfolio.Report report, String where) {
        var list = report.likelyWriteOffs();
        StringBuilder b = new StringBuilder("Likely write-offs this week: " + report.likelyWriteOffInvoices()
                + " invoices of " + report.likelyWriteOffAccounts() + " accounts, "
                + report.likelyWriteOffTotal().format()
                + (list.isEmpty() ? "." : " (over 60 days, risk ≥ 0.7; " + Assessment.FRAMING + ")"));
        list.stream()
                .limit(10)
                .forEach(w -> b.append("\n• ")
                        .append(w.customerName())
                        .append(" ")
                        .append(w.invoiceList())
                        .append(" ")
                        .append(w.open().format())
                        .append(", ")
                        .append(w.daysPastDue())
                        .append(" days"));
        if (list.size() > 10) {
            b.append("\n… and ").append(list.size() - 10).append(" more");
        }
        return b.append("\nReport: ").append(where).toString();
    }
}
