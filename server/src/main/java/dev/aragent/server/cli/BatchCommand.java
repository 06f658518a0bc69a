package dev.aragent.server.cli;

import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.server.App;
import dev.aragent.server.Scheduler;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent batch}: one scheduler pass now. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        header = "Run one scheduler pass now: execute the due queue actions.",
        description = {
            "`serve` runs this on the rules' schedule (default Monday and Thursday 07:00 tenant time, then every"
                    + " quarter hour that day for debtors whose contact window opens later). Each action is claimed"
                    + " before it is executed, so a repeated pass never repeats one. Afterwards the risk model is"
                    + " retrained when enough new outcomes (settled invoices, resolved promises) have accumulated.",
            "Emails are drafted (templates, or the LLM when configured), checked by the guardrails and sent through"
                    + " the configured mailbox (AR_MAIL_*); without one — and for SMS, calls and people until those"
                    + " channels are connected — the action becomes a task for the AR team."
        })
public final class BatchCommand implements Callable<Integer> {
    @Option(names = "--dry-run", description = "show what would be done, change nothing")
    boolean dryRun;

    @Option(names = "--max", paramLabel = "N", defaultValue = "500", description = "most actions (default: 500)")
    int max = 500;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (max < 1) {
            throw new IllegalArgumentException("--max must be at least 1");
        }
        try (App app = common.start()) {
            var tenant = app.settings().tenant();
            Optional<MailDesk> desk = app.settings().mail().map(m -> app.mailDesk(m, app.turnTaker(m.identity())));
            dev.aragent.agent.app.Schedule.Pass pass = desk.map(d -> Scheduler.forSettings(app, d))
                    .orElseGet(() -> Scheduler.tasksOnly(app))
                    .runOnce(tenant, dryRun, max);
            var r = pass.report();
            pass.report().lines().forEach(l -> System.out.println("  " + l));
            int sent = dryRun ? 0 : desk.map(d -> d.dispatch(tenant, 1_000)).orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "batch.planned: %d%nbatch.%s: %d%nbatch.already_done: %d%nbatch.waiting_for_window: %d%n"
                            + "batch.by_channel: %s%nbatch.emails_sent: %d%n",
                    r.planned(),
                    dryRun ? "would_execute" : "executed",
                    r.executed(),
                    r.alreadyDone(),
                    r.notYetInWindow(),
                    r.byChannel(),
                    sent);
            if (!dryRun) {
                System.out.println("batch.new_outcomes_since_model: " + pass.newOutcomes()
                        + pass.retrained()
                                .map(m -> " (retrained: risk model v" + m.info().version() + ")")
                                .orElse(" (retrain at " + dev.aragent.agent.app.Schedule.RETRAIN_AFTER + ")"));
            }
            return 0;
        }
    }
}
