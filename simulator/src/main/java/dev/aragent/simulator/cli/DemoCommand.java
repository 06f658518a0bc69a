package dev.aragent.simulator.cli;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.console.Progress;
import dev.aragent.console.TextReports;
import dev.aragent.imports.Profile;
import dev.aragent.server.App;
import dev.aragent.server.cli.CommonOptions;
import dev.aragent.server.cli.QueueCommand;
import dev.aragent.simulator.book.SampleBook;
import dev.aragent.simulator.book.SampleBookWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ar-agent demo}: the main job — a quarter of collections on the sample distributor's book against simulated
 * debtors, the agent measured against plain dunning ({@link SimulationRun}). {@code --tour} instead walks through each
 * part on one book in the embedded database: import with data health, the risk model, the AR summary and today's
 * queue, negotiations by email and SMS, Slack approvals, calls, grounding and the CRM write-back.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run the main job: a simulated quarter of collections in three arms.",
        description = {
            "Generates a realistic AR book (a wholesale distributor on Net-30, six months of history, new invoices"
                    + " every day at each account's rhythm), imports it into a throwaway embedded PostgreSQL and runs"
                    + " --days of virtual time against simulated debtors who read real email (an in-process mail"
                    + " server) and texts (a loopback Twilio), take calls over the voice bridge, answer in varied words"
                    + " and pay by bank transfer or pay-now link: with the agent (risk-ordered queue, negotiation"
                    + " inside policy, follow-ups, approvals clicked in Slack by a simulated AR manager, an AR team"
                    + " with a capacity), under plain dunning (reminders at -7/0/+7/+14/+30 days, replies unread), and"
                    + " with the AR team alone (calls by amount x days past due), on the same seed. Shows progress by"
                    + " simulated day, prints the three arms side by side (cash, DSO and CEI month by month,"
                    + " write-offs, promises, the team's load, messages, opt-outs), every behavioural assumption with"
                    + " its source, demo.agent.* / demo.baseline.* / demo.team.* lines, and writes an HTML report.",
            "--tour walks through each part on one book instead: import with data-health checks, the risk model,"
                    + " the AR summary and today's queue, negotiations by email and SMS, Slack approvals, a call over"
                    + " each voice path, grounding and the CRM write-back (its files are kept under DATA-DIR/demo;"
                    + " running it again changes nothing in the book)."
        })
public final class DemoCommand implements Callable<Integer> {
    /**
     * Imports the sample book's files into {@code tenant} in the order they build on each other (customers, aging,
     * history, payments, notes), one progress step each.
     */
    static List<ImportOutcome> importBook(
            App app, TenantId tenant, SampleBookWriter.Files5 files, Progress progress, String actor)
            throws IOException {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < ORDER.size(); i++) {
            Path file = files.inImportOrder().get(i);
            progress.step("importing " + file.getFileName());
            outcomes.add(app.importFile(
                    tenant,
                    file.getFileName().toString(),
                    Files.readAllBytes(file),
                    Profile.GENERIC,
                    Optional.of(ORDER.get(i)),
                    false,
                    actor));
            progress.advance("imported " + file.getFileName());
        }
        return outcomes;
    }

    private static final List<ImportKind> ORDER =
            List.of(ImportKind.CUSTOMERS, ImportKind.AGING, ImportKind.HISTORY, ImportKind.PAYMENTS, ImportKind.NOTES);

    @Mixin
    SimulationOptions simulation;

    @Option(
            names = "--tour",
            description = "walk through each part on one book instead of simulating a quarter (the options below"
                    + " apply to the tour)")
    boolean tour;

    @Option(
            names = "--console",
            description = "after the quarter, keep the AR team's console up on its book (the agent's side) with a"
                    + " demo login printed, until Ctrl-C")
    boolean console;

    @Option(
            names = "--console-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "where the console listens with --console (default: ${DEFAULT-VALUE})")
    int consolePort = 8080;

    @Option(
            names = "--emails",
            paramLabel = "N",
            defaultValue = "8",
            description =
                    "how many debtors at the top of the queue get a reminder and negotiate by email (0 skips the email"
                            + " step; 8 shows every persona;"
                            + " default: ${DEFAULT-VALUE})")
    int emails = 8;

    @Option(
            names = "--texts",
            paramLabel = "N",
            defaultValue = "3",
            description = "how many debtors negotiate by SMS, with approvals decided in Slack (0 skips; default:"
                    + " ${DEFAULT-VALUE})")
    int texts = 3;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException, jakarta.mail.MessagingException {
        if (!tour) {
            return SimulationRun.run(
                    simulation,
                    System.out,
                    console ? Optional.of(app -> SimulationRun.serve(app, consolePort, System.out)) : Optional.empty());
        }
        long seed = simulation.seed;
        int accounts = simulation.accounts;
        if (accounts < 1 || accounts > 200_000) {
            throw new IllegalArgumentException("--accounts must be 1-200000");
        }
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        var settings = common.settings();
        TenantId tenant = common.tenant.map(TenantId::of).orElse(TenantId.of("demo-" + Math.abs(seed)));
        out.printf(
                Locale.ROOT,
                "ar-agent demo: the AR book of a wholesale distributor (%,d accounts, Net-30), imported and ordered%n",
                accounts);
        out.println();
        Progress progress = new Progress(out, 3 + ORDER.size());
        progress.step("starting the database");
        settings = withDemoWording(settings);
        // one virtual clock for the whole tour: what it stores "a week later" carries that week, not today's time
        try (App app = App.start(settings.withTenant(tenant), new dev.aragent.loopback.DemoClock(common.clock()))) {
            progress.advance("database ready");
            LocalDate today = LocalDate.now(app.clock());
            SampleBook book = SampleBook.generate(seed, today, accounts);
            Path dir = settings.dataDir().resolve("demo").resolve("seed-" + seed + "-" + today);
            var files = SampleBookWriter.writeGeneric(book, dir);
            progress.advance("sample book written to " + dir);
            List<ImportOutcome> outcomes = importBook(app, tenant, files, progress, "cli:demo");
            progress.step("training the payment-risk model (LightGBM) on the book's history");
            var trained = app.trainRisk(tenant, 30, dev.aragent.agent.spi.RiskLearner.Settings.defaults());
            progress.advance("risk model v" + trained.model().info().version() + " trained");
            progress.finish("done");
            out.println();
            healthTable(out, outcomes);
            out.println();
            TextReports.riskModel(out, trained.model());
            out.println();
            TextReports.summary(out, app.reports().summary(tenant));
            out.println();
            var plan = app.queue().plan(tenant, 20);
            List<QueueEntry> top = plan.entries();
            out.println(QueueCommand.header(app, tenant, plan));
            out.println(
                    "Top 20 accounts to work today, by expected value of acting now (amount × risk × recoverable):");
            TextReports.queue(out, top);
            out.println();
            top.stream().limit(3).forEach(e -> TextReports.why(out, e));
            out.printf(
                    Locale.ROOT,
                    "  (%,d accounts with open invoices; %,d waiting for their next cadence step; %,d left out by rules,"
                            + " e.g. %s)%n",
                    plan.accountsWithOpenInvoices(),
                    plan.waiting(),
                    plan.skipped().size(),
                    plan.skipped().isEmpty()
                            ? "none"
                            : plan.skipped().getFirst().reason());
            out.println();
            if (emails > 0) {
                DemoEmail.run(out, app, tenant, top, seed, emails);
                out.println();
            }
            Optional<String> crm = Optional.empty();
            if (texts > 0) {
                crm = DemoChannels.run(out, app, tenant, top, texts);
                out.println();
            }
            if (!top.isEmpty()) {
                DemoGrounding.run(out, app, tenant, top);
                out.println();
            }
            out.printf(
                    Locale.ROOT,
                    "Book: %,d accounts, %,d open invoices, %,d settled invoices, %,d payments, %,d notes and tickets.%n",
                    book.customers().size(),
                    book.openInvoices().size(),
                    book.history().size(),
                    book.payments().size(),
                    book.notes().size());
            crm.ifPresent(out::println);
            out.printf(
                    Locale.ROOT,
                    "Tenant '%s' in %s. Finished in %.1f s.%n",
                    tenant,
                    app.database().description(),
                    (System.nanoTime() - t0) / 1e9);
            String login = "demo@" + tenant + ".ar-agent.invalid";
            var demoLogin = app.access()
                    .enroll(
                            login,
                            "Demo AR manager",
                            dev.aragent.agent.access.Role.ADMIN,
                            tenant,
                            Optional.empty(),
                            Optional.empty(),
                            "demo");
            String password =
                    demoLogin.generatedPassword().orElseGet(() -> app.access().reset(login, "demo"));
            out.println("Demo login (admin of '" + tenant + "'): " + login + "  password: " + password);
            out.println("Next: ./ar-agent queue --tenant " + tenant + "   |   ./ar-agent report --tenant " + tenant
                    + "   |   ./ar-agent approvals --tenant " + tenant + "   |   ./ar-agent serve --tenant " + tenant
                    + "  then sign in at http://localhost:8080/login with the demo login");
            boolean rejected = outcomes.stream().anyMatch(o -> o instanceof ImportOutcome.Rejected);
            return rejected ? 2 : 0;
        }
    }

    private static void healthTable(PrintStream out, List<ImportOutcome> outcomes) {
        out.println("Data health of the imported files:");
        out.printf(
                Locale.ROOT,
                "  %-14s %-10s %9s %9s %10s  %-9s %s%n",
                "file",
                "kind",
                "rows",
                "invalid",
                "req. empty",
                "verdict",
                "result");
        for (ImportOutcome o : outcomes) {
            var r = o.report();
            String result =
                    switch (o) {
                        case ImportOutcome.Applied a ->
                            String.format(
                                    Locale.ROOT,
                                    "%,d new, %,d updated, %,d closed",
                                    a.changes().inserted(),
                                    a.changes().updated(),
                                    a.changes().closed());
                        case ImportOutcome.Unchanged u -> "unchanged (already imported)";
                        case ImportOutcome.Rejected x -> "REJECTED: " + x.reason();
                    };
            out.printf(
                    Locale.ROOT,
                    "  %-14s %-10s %,9d %,9d %9.1f%%  %-9s %s%n",
                    r.source(),
                    r.kind().code(),
                    r.rows(),
                    r.invalidRows(),
                    r.requiredMissingRatio() * 100,
                    r.verdict().name().toLowerCase(Locale.ROOT),
                    result);
        }
    }

    /**
     * The demo company's wording when the settings give none: a consequence that states its own condition (stated only
     * to accounts it holds for), a footer fit for business accounts (email unsubscribes by List-Unsubscribe, not by
     * a "STOP" reply), how to pay and the number to call. The tour and the simulation both use it.
     */
    static dev.aragent.server.Settings withDemoWording(dev.aragent.server.Settings settings) {
        if (!settings.agent().consequences().isEmpty()
                || !settings.agent().disclosures().isEmpty()) {
            return settings;
        }
        return settings.withAgent(settings.agent()
                .with(
                        List.of("Under our terms, accounts more than 60 days past due may be placed on credit hold,"
                                + " which pauses new orders until the balance is current."),
                        List.of("Northwind Wholesale, 100 Harbor Way, Springfield. This message concerns a business"
                                + " account."),
                        "Pay by ACH to Northwind Wholesale, or by check to 100 Harbor Way, Springfield.",
                        "+1 (555) 010-4400"));
    }
}
