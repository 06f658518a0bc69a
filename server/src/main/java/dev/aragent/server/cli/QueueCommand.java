package dev.aragent.server.cli;

import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.console.TextReports;
import dev.aragent.console.Views;
import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent queue}: today's action queue with reasons. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        header = "Show today's action queue with reasons.",
        description = {
            "One entry per account with invoices due a touch in the cadence: channel, strategy and when (inside the"
                    + " debtor's local contact window), ordered by the expected value of acting now (open amount ×"
                    + " risk × share still recoverable at that age). Risk comes from the trained model (`ar-agent"
                    + " risk train`) or, before one exists, from aging alone.",
            "Rules: DATA_DIR/queue-rules/TENANT.yaml (see queue-rules.example.yaml): contact window, caps per"
                    + " channel, cadence, segment and customer rules, exclusions, weights."
        })
public final class QueueCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the queue as JSON (the same document as GET /api/queue)")
    boolean json;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "how many entries (default: ${DEFAULT-VALUE})")
    int limit = 20;

    @Option(names = "--why", paramLabel = "N", defaultValue = "3", description = "explain the first N (default: 3)")
    int why = 3;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        try (App app = common.start()) {
            var tenant = app.settings().tenant();
            ActionQueue.Plan plan = app.queue().plan(tenant, limit);
            var blocked = app.ledger().scoringBlockedReason(tenant);
            if (json) {
                System.out.println(HttpApi.write(Views.queue(tenant, blocked, plan)));
                return 0;
            }
            blocked.ifPresent(
                    b -> System.out.println("warning: " + b + "; the queue may miss invoices until the data is fixed"));
            if (plan.entries().isEmpty()) {
                System.out.println("Nothing to do today for tenant '" + tenant + "' (" + plan.accountsWithOpenInvoices()
                        + " accounts with open invoices, " + plan.waiting() + " waiting for their next step, "
                        + plan.skipped().size() + " left out by rules). Import an AR aging first if the book is"
                        + " empty: ./ar-agent import FILE.csv");
                return 0;
            }
            System.out.println(header(app, tenant, plan));
            TextReports.queue(System.out, plan.entries());
            System.out.println();
            plan.entries().stream().limit(Math.max(0, why)).forEach(e -> TextReports.why(System.out, e));
            System.out.printf(
                    Locale.ROOT,
                    "%n%d accounts with open invoices; %d waiting for their next cadence step; %d left out by rules"
                            + " (%s).%n",
                    plan.accountsWithOpenInvoices(),
                    plan.waiting(),
                    plan.skipped().size(),
                    Files.isRegularFile(app.queueRulesFile(tenant))
                            ? app.queueRulesFile(tenant).toString()
                            : "default rules; edit " + app.queueRulesFile(tenant) + " to change them");
            return 0;
        }
    }

    public static String header(App app, dev.aragent.agent.ledger.TenantId tenant, ActionQueue.Plan plan) {
        var m = plan.model();
        String model = m.kind().equals("lightgbm") || m.ruleWon()
                ? String.format(
                        Locale.ROOT,
                        "risk model v%d (%s, held-out AUC %.3f; %s)",
                        m.version(),
                        m.ruleWon() ? "a simple rule" : "LightGBM",
                        m.test().map(t -> t.auc()).orElse(Double.NaN),
                        m.why())
                : "no trained model yet: risk from aging alone (train one with ./ar-agent risk train)";
        return "Action queue for " + tenant + ", " + java.time.LocalDate.now(app.clock()) + " — " + model
                + ". Risk is a " + Assessment.FRAMING + ".";
    }
}
