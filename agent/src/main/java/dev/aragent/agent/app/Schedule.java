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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

    /** Where a tenant's risk models come from: the current one, and a new one trained on the book as it is. */
    public interface Models {
        Optional<RiskModel> current(TenantId tenant);

        /** Trains, saves and makes current a model predicting payment within {@code horizonDays}. */
        RiskModel retrain(TenantId tenant, int horizonDays);
    }

    /** What one pass did: the batch report and, when one was due, the retrained model. */
    public record Pass(BatchRun.Report report, Optional<RiskModel> retrained, int newOutcomes) {}

    private final BatchRun batch;
    private final Function<TenantId, List<AccountRecord>> accounts;
    private final Models models;
    private final Clock clock;

    private Schedule(BatchRun batch, Function<TenantId, List<AccountRecord>> accounts, Models models, Clock clock) {
        this.batch = batch;
        this.accounts = accounts;
        this.models = models;
        this.clock = clock;
    }

    /** A schedule running {@code batch} on the book {@code accounts} reads, retraining through {@code models}. */
    public static Schedule create(
            BatchRun batch, Function<TenantId, List<AccountRecord>> accounts, Models models, Clock clock) {
        return new Schedule(batch, accounts, models, clock);
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
        Optional<RiskModel> current = models.current(tenant);
        Instant since = current.map(m -> m.info().trainedAt()).orElse(Instant.EPOCH);
        int outcomes = RiskTrainer.newOutcomes(book, since);
        if (outcomes < RETRAIN_AFTER) {
            return new Pass(report, Optional.empty(), outcomes);
        }
        RiskModel model =
                models.retrain(tenant, current.map(m -> m.info().horizonDays()).orElse(30));
        LOG.atInfo()
                .addKeyValue("version", model.info().version())
                .addKeyValue("newOutcomes", outcomes)
                .log("risk model retrained");
        return new Pass(report, Optional.of(model), outcomes);
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
