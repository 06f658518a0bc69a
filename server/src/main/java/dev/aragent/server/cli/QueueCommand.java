package dev.aragent.server.cli;

import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import dev.aragent.server.http.Views;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent queue}: today's action queue with reasons. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        header = "Show today's action queue with reasons.",
        description = "Past-due invoices: who to contact, through which channel, and why. Ordered by open amount ×"
                + " days past due, the reference customer's manual ordering (the risk model replaces it).")
public final class QueueCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the queue as JSON")
    boolean json;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "how many entries (default: ${DEFAULT-VALUE})")
    int limit = 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        try (App app = common.start()) {
            var tenant = app.settings().tenant();
            List<QueueEntry> entries = app.queue().today(tenant, limit);
            var blocked = app.ledger().scoringBlockedReason(tenant);
            if (json) {
                System.out.println(HttpApi.write(Views.queue(tenant, blocked, entries)));
                return 0;
            }
            blocked.ifPresent(
                    b -> System.out.println("warning: " + b + "; the queue may miss invoices until the data is fixed"));
            if (entries.isEmpty()) {
                System.out.println("No past-due invoices for tenant '" + tenant
                        + "'. Import an AR aging first: ./ar-agent import FILE.csv");
                return 0;
            }
            System.out.println("Action queue for " + tenant + ", " + java.time.LocalDate.now(app.clock())
                    + " (open amount × days past due):");
            TextReports.queue(System.out, entries);
            System.out.println();
            entries.stream().limit(3).forEach(e -> System.out.println("  #" + e.rank() + " " + e.reason()));
            return 0;
        }
    }
}
