package dev.aragent.server;

import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.Outreacher;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.BatchRun;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.spi.RiskLearner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch: on the rules' run days (default Monday and Thursday, 07:00 tenant time) rebuild the queue and execute the
 * due actions, then keep executing, every quarter hour until the day ends, the actions whose debtors' contact windows
 * open later; retrain the risk model when enough new outcomes have accumulated since the current one was trained.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** New outcomes (settled invoices, resolved promises, disputes) since the last training that trigger a retraining. */
    public static final int RETRAIN_AFTER = 200;

    private static final int MAX_ACTIONS = 5_000;

    private final App app;
    private final BatchRun batch;

    private Scheduler(App app, Outreacher outreacher) {
        this.app = app;
        this.batch = new BatchRun(app.queue(), app.outreachLog(), outreacher);
    }

    /** A scheduler without a mailbox: every action becomes a task for the AR team. */
    public static Scheduler tasksOnly(App app) {
        return new Scheduler(app, Outreacher.tasksOnly(app.ledger(), app.outreachLog(), app.clock()));
    }

    /** A scheduler that sends email actions through {@code desk}, worded as {@code identity}. */
    public static Scheduler sendingEmail(App app, MailDesk desk, dev.aragent.agent.conversation.MailSettings identity) {
        return new Scheduler(
                app, Outreacher.withEmail(app.ledger(), app.outreachLog(), desk, app.collector(identity), app.clock()));
    }

    /** The scheduler for the settings: email through {@code desk} as the configured mailbox, if there is one. */
    public static Scheduler forSettings(App app, MailDesk desk) {
        return app.settings()
                .mail()
                .map(m -> sendingEmail(app, desk, m.identity()))
                .orElseGet(() -> tasksOnly(app));
    }

    /** Email through {@code mail} and texts through {@code sms}, each when configured; everything else a task. */
    public static Scheduler forChannels(App app, Optional<MailDesk> mail, Backoffice office) {
        return forChannels(app, mail, office, office.collector());
    }

    /** {@link #forChannels(App, Optional, Backoffice)} worded as {@code identity}. */
    public static Scheduler forChannels(
            App app, Optional<MailDesk> mail, Backoffice office, dev.aragent.agent.conversation.MailSettings identity) {
        return forChannels(app, mail, office, app.collector(identity));
    }

    private static Scheduler forChannels(
            App app, Optional<MailDesk> mail, Backoffice office, dev.aragent.agent.conversation.Collector collector) {
        Outreacher outreacher = mail.isEmpty() && office.sms().isEmpty()
                ? Outreacher.tasksOnly(app.ledger(), app.outreachLog(), app.clock())
                : Outreacher.withChannels(app.ledger(), app.outreachLog(), mail, office.sms(), collector, app.clock());
        return new Scheduler(
                app,
                outreacher.calling((customer, invoices) ->
                        office.places() ? Optional.of(office.callAbout(customer, invoices)) : Optional.empty()));
    }

    /** The week's likely write-offs in a few lines for AR staff's channel. */
    static String writeOffNotice(dev.aragent.agent.report.Portfolio.Report report, java.nio.file.Path file) {
        var list = report.likelyWriteOffs();
        StringBuilder b = new StringBuilder("Likely write-offs this week: " + report.likelyWriteOffInvoices()
                + " invoices of " + report.likelyWriteOffAccounts() + " accounts, "
                + report.likelyWriteOffTotal().format()
                + (list.isEmpty()
                        ? "."
                        : " (over 60 days, risk ≥ 0.7; " + dev.aragent.agent.risk.Assessment.FRAMING + ")"));
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
        return b.append("\nReport: ").append(file.toAbsolutePath()).toString();
    }

    /** What one pass did: the batch report and, when one was due, the retrained model. */
    public record Pass(BatchRun.Report report, Optional<RiskModel> retrained, int newOutcomes) {}

    /** One pass now. */
    public Pass runOnce(TenantId tenant, boolean dryRun, int max) {
        Instant now = app.clock().instant();
        // the book is read once: the queue is planned from it and the outcomes since the model was trained counted in
        // it
        List<AccountRecord> accounts = app.accountRecords(tenant);
        BatchRun.Report report = batch.run(tenant, Optional.of(accounts), now, max, dryRun);
        if (dryRun) {
            return new Pass(report, Optional.empty(), 0);
        }
        Optional<RiskModel> current = app.riskModel(tenant);
        Instant since = current.map(m -> m.info().trainedAt()).orElse(Instant.EPOCH);
        int outcomes = RiskTrainer.newOutcomes(accounts, since);
        if (outcomes >= RETRAIN_AFTER) {
            RiskTrainer.Trained t = app.trainRisk(
                    tenant, current.map(m -> m.info().horizonDays()).orElse(30), RiskLearner.Settings.defaults());
            LOG.atInfo()
                    .addKeyValue("version", t.model().info().version())
                    .addKeyValue("newOutcomes", outcomes)
                    .log("risk model retrained");
            return new Pass(report, Optional.of(t.model()), outcomes);
        }
        return new Pass(report, Optional.empty(), outcomes);
    }

    /**
     * Writes the week's portfolio report with its likely-write-off list (DATA_DIR/reports/report-TENANT-DATE.html) on
     * the week's first run day, once.
     */
    void weeklyReport(TenantId tenant, java.time.LocalDate day) {
        QueueRules rules = app.queueRules(tenant);
        java.time.DayOfWeek first = rules.runDays().stream()
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow();
        if (day.getDayOfWeek() != first) {
            return;
        }
        java.nio.file.Path file =
                app.settings().dataDir().resolve("reports").resolve("report-" + tenant + "-" + day + ".html");
        if (java.nio.file.Files.exists(file)) {
            return;
        }
        try {
            var report = app.report(tenant);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, dev.aragent.server.http.ReportPage.page(tenant.value(), report));
            LOG.atInfo().addKeyValue("file", file).log("weekly report written");
            app.approvalBook()
                    .notice(
                            tenant,
                            "likely_write_offs",
                            day.toString(),
                            writeOffNotice(report, file),
                            app.clock().instant());
        } catch (java.io.IOException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("could not write the weekly report");
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

    /** Runs the schedule on a virtual thread until {@code stopping}. */
    public void start(TenantId tenant, AtomicBoolean stopping) {
        Thread.ofVirtual().name("scheduler-" + tenant).start(() -> {
            while (!stopping.get()) {
                try {
                    QueueRules rules = app.queueRules(tenant);
                    Instant now = app.clock().instant();
                    ZonedDateTime next = nextRun(rules, now);
                    ZonedDateTime local = now.atZone(rules.defaultZone());
                    boolean runDay = rules.runDays().contains(local.getDayOfWeek())
                            && !local.toLocalTime().isBefore(rules.runAt());
                    if (runDay) {
                        weeklyReport(tenant, local.toLocalDate());
                        Pass pass = runOnce(tenant, false, MAX_ACTIONS);
                        LOG.atInfo()
                                .addKeyValue("executed", pass.report().executed())
                                .addKeyValue("waitingForWindow", pass.report().notYetInWindow())
                                .log("batch pass");
                        sleep(Duration.ofMinutes(15), stopping);
                    } else {
                        sleep(Duration.between(now, next.toInstant()), stopping);
                    }
                } catch (RuntimeException e) {
                    LOG.atWarn().addKeyValue("error", e.toString()).log("batch pass failed; retrying in 15 minutes");
                    sleep(Duration.ofMinutes(15), stopping);
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
}
