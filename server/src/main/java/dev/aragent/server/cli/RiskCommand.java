package dev.aragent.server.cli;

import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Dataset;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.RiskTrainer;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.RiskLearner;
import dev.aragent.console.TextReports;
import dev.aragent.imports.HistoryCsv;
import dev.aragent.server.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent risk train | eval}: the payment-risk model ({@code risk sample-history} comes with the simulator). */
@Command(
        name = "risk",
        mixinStandardHelpOptions = true,
        header = "Train and evaluate the payment-risk model.",
        description = "The model (LightGBM) gives each open invoice the probability it is paid within the horizon"
                + " without escalation, with its top factors; the queue orders accounts by it. Scores are a "
                + Assessment.FRAMING + ".",
        subcommands = {RiskCommand.Train.class, RiskCommand.Eval.class})
public final class RiskCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println(
                "Name a subcommand: ./ar-agent risk train | eval [--history FILE.csv] | sample-history FILE");
        return 2;
    }

    /** Options of how the model is fitted. */
    static final class Fit {
        @Option(
                names = "--horizon",
                paramLabel = "DAYS",
                defaultValue = "30",
                description = "paid within (default: 30)")
        int horizon = 30;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "400", description = "most boosting rounds")
        int rounds = 400;

        @Option(names = "--leaves", paramLabel = "N", defaultValue = "15", description = "leaves per tree")
        int leaves = 15;

        RiskLearner.Settings settings() {
            if (horizon < 1 || rounds < 1 || leaves < 2) {
                throw new IllegalArgumentException("--horizon and --rounds must be ≥ 1, --leaves ≥ 2");
            }
            RiskLearner.Settings d = RiskLearner.Settings.defaults();
            return new RiskLearner.Settings(
                    rounds, leaves, d.learningRate(), d.minRowsPerLeaf(), d.patience(), d.seed(), d.threads());
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            header = "Train a risk model on the tenant's book and make it the one the queue uses.",
            description = "Rows: every invoice open at the start of each week of the book's history, labelled by"
                    + " whether it was paid within the horizon without a dispute; features use only what was known"
                    + " that day. The earliest 80%% train (the last fifth of those stops boosting and fits the"
                    + " calibration), the latest 20%% are held out. The model is saved as"
                    + " DATA_DIR/models/TENANT/risk-model-vNNNN.json with its figures.")
    static final class Train implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        Fit fit = new Fit();

        @Override
        public Integer call() {
            try (App app = common.start()) {
                var tenant = app.settings().tenant();
                long t0 = System.nanoTime();
                RiskTrainer.Trained trained = app.trainRisk(tenant, fit.horizon, fit.settings());
                if (trained.train().rows() == 0) {
                    System.out.println("No invoice history for tenant '" + tenant
                            + "': import invoices and payments first (./ar-agent import FILE.csv).");
                    return 1;
                }
                TextReports.riskModel(System.out, trained.model());
                System.out.printf(Locale.ROOT, "risk.train.seconds: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                System.out.println("saved: "
                        + app.modelFiles(tenant)
                                .dir()
                                .resolve(String.format(
                                        Locale.ROOT,
                                        "risk-model-v%04d.json",
                                        trained.model().info().version())));
                return 0;
            }
        }
    }

    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            header = "Evaluate the risk model on a time split, against an aging-only baseline.",
            description = {
                "Without --history: trains on the earliest 80%% of the tenant's book (weekly snapshots) and reports on"
                        + " the latest 20%%, without saving.",
                "With --history FILE.csv: a historical-invoice file with the header"
                        + " customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed (ISO dates;"
                        + " amount with a decimal point; settled_date empty while open; disputed true/false or"
                        + " yes/no) and any further columns as extra numeric or categorical features. Each invoice is"
                        + " scored on its invoice date from the customer's earlier invoices only; the earliest 70%% by"
                        + " invoice date train, the rest report the AUC of predicting 'settled after the due date'."
            })
    static final class Eval implements Callable<Integer> {
        @Option(names = "--history", paramLabel = "FILE.csv", description = "a historical-invoice CSV file")
        Optional<Path> history = Optional.empty();

        @Option(
                names = "--currency",
                paramLabel = "CODE",
                defaultValue = "USD",
                description = "currency of the history file's amounts")
        String currency = "USD";

        @Mixin
        CommonOptions common;

        @Mixin
        Fit fit = new Fit();

        @Override
        public Integer call() throws IOException {
            if (history.isPresent()) {
                return history(history.get());
            }
            try (App app = common.start()) {
                var tenant = app.settings().tenant();
                var accounts = app.accountRecords(tenant);
                Features features = Features.forAccounts(accounts, Tone.lexicon());
                Dataset data = RiskTrainer.snapshots(accounts, features, LocalDate.now(app.clock()), fit.horizon, 7);
                if (data.rows() == 0) {
                    System.out.println("No invoice history for tenant '" + tenant + "'.");
                    return 1;
                }
                try (RiskModel model = new RiskTrainer(app.learner(), app.clock())
                        .train(data, 0.8, fit.horizon, 0, fit.settings())
                        .model()) {
                    TextReports.riskModel(System.out, model);
                }
                return 0;
            }
        }

        private int history(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            long t0 = System.nanoTime();
            HistoryCsv.History h = HistoryCsv.read(Files.readAllBytes(file), Currency.getInstance(currency));
            Features features = Features.forAccounts(h.accounts(), Tone.lexicon());
            Dataset data = RiskTrainer.atIssue(h.accounts(), features, h.end());
            System.out.printf(
                    Locale.ROOT,
                    "history: %s — %,d invoices of %,d customers, %,d with an outcome, extra columns %s%n",
                    file.getFileName(),
                    h.invoices(),
                    h.accounts().size(),
                    data.rows(),
                    h.extraColumns());
            RiskTrainer.Trained trained = new RiskTrainer(dev.aragent.server.App.newLearner(), Clock.systemUTC())
                    .train(data, 0.7, 0, 0, fit.settings());
            try (RiskModel model = trained.model()) {
                System.out.println("target: settled after the due date (late); AUC of risk = 1 − P(on time)");
                TextReports.riskModel(System.out, model);
            }
            System.out.printf(Locale.ROOT, "risk.eval.seconds: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
