package dev.aragent.server;

import dev.aragent.agent.app.Schedule;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.conversation.Outreacher;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.BatchRun;
import dev.aragent.agent.spi.RiskLearner;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch's loop ({@link Schedule} decides what a pass does and when it is due): wakes on the rules' run days, passes
 * every quarter hour until the day ends, writes the weekly report file on the week's first run day; and the wiring of a
 * schedule to the channels a tenant has.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int MAX_ACTIONS = 5_000;

    private final App app;
    private final Schedule schedule;

    private Scheduler(App app, Outreacher outreacher) {
        this.app = app;
        this.schedule = Schedule.create(
                new BatchRun(app.queue(), app.outreachLog(), outreacher).recordingIn(app.batchRuns()),
                app::accountRecords,
                app::riskModel,
                (tenant, horizon) -> app.trainRisk(tenant, horizon, RiskLearner.Settings.defaults())
                        .model(),
                app.clock());
    }

    /** A scheduler without a mailbox: every action becomes a task for the AR team. */
    public static Scheduler tasksOnly(App app) {
        return new Scheduler(app, Outreacher.tasksOnly(app.ledger(), app.outreachLog(), app.clock()));
    }

    /** A scheduler that sends email actions through {@code desk}, worded as {@code identity}. */
    public static Scheduler sendingEmail(App app, MailDesk desk, dev.aragent.agent.conversation.MailSettings identity) {
        return new Scheduler(
                app, Outreacher.withEmail(app.ledger(), app.outreachLog(), desk, app.turnTaker(identity), app.clock()));
    }

    /** The scheduler for the settings: email through {@code desk} as the configured mailbox, if there is one. */
    public static Scheduler forSettings(App app, MailDesk desk) {
        return app.settings()
                .mail()
                .map(m -> sendingEmail(app, desk, m.identity()))
                .orElseGet(() -> tasksOnly(app));
    }

    /** Email through {@code mail} and texts through {@code sms}, each when configured; everything else a task. */
    public static Scheduler forChannels(App app, Optional<MailDesk> mail, Tenancy office) {
        return forChannels(app, mail, office, office.office().turnTaker());
    }

    /** {@link #forChannels(App, Optional, Tenancy)} worded as {@code identity}. */
    public static Scheduler forChannels(
            App app, Optional<MailDesk> mail, Tenancy office, dev.aragent.agent.conversation.MailSettings identity) {
        return forChannels(app, mail, office, app.turnTaker(identity));
    }

    private static Scheduler forChannels(
            App app, Optional<MailDesk> mail, Tenancy office, dev.aragent.agent.conversation.TurnTaker turnTaker) {
        Outreacher outreacher = mail.isEmpty() && office.office().sms().isEmpty()
                ? Outreacher.tasksOnly(app.ledger(), app.outreachLog(), app.clock())
                : Outreacher.withChannels(
                        app.ledger(), app.outreachLog(), mail, office.office().sms(), turnTaker, app.clock());
        return new Scheduler(
                app,
                outreacher.calling((customer, invoices) -> office.office().places()
                        ? Optional.of(office.office().callAbout(customer, invoices))
                        : Optional.empty()));
    }

    /** One pass now ({@link Schedule#runOnce}). */
    public Schedule.Pass runOnce(TenantId tenant, boolean dryRun, int max) {
        return schedule.runOnce(tenant, dryRun, max);
    }

    /**
     * Writes the week's portfolio report with its likely-write-off list (DATA_DIR/reports/report-TENANT-DATE.html) on
     * the week's first run day, once.
     */
    void weeklyReport(TenantId tenant, java.time.LocalDate day) {
        if (!Schedule.reportDay(app.queueRules(tenant), day)) {
            return;
        }
        java.nio.file.Path file =
                app.settings().dataDir().resolve("reports").resolve("report-" + tenant + "-" + day + ".html");
        if (java.nio.file.Files.exists(file)) {
            return;
        }
        try {
            var report = app.reports().portfolio(tenant);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, dev.aragent.console.ReportPage.page(tenant.value(), report));
            LOG.atInfo().addKeyValue("file", file).log("weekly report written");
            app.approvalBook()
                    .notice(
                            tenant,
                            "likely_write_offs",
                            day.toString(),
                            Schedule.writeOffNotice(
                                    report, file.toAbsolutePath().toString()),
                            app.clock().instant());
        } catch (java.io.IOException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("could not write the weekly report");
        }
    }

    /** Runs the schedule until {@code stopping} ({@link Schedule#start}), the weekly report written on its day. */
    public void start(TenantId tenant, AtomicBoolean stopping) {
        schedule.start(tenant, () -> app.queueRules(tenant), day -> weeklyReport(tenant, day), MAX_ACTIONS, stopping);
    }
}
