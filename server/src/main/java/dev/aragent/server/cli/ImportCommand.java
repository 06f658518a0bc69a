package dev.aragent.server.cli;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.console.Progress;
import dev.aragent.console.TextReports;
import dev.aragent.console.Views;
import dev.aragent.imports.Profile;
import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ar-agent import FILE.csv}: validate, report, and write all or nothing; {@code --kind bank} takes a bank file
 * (camt.053/054, BAI2, MT940/942, a bank CSV) into the cash book and applies the receipts the agent is sure of.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        header = "Load a CSV export into the book, all or nothing, or take a bank file in.",
        description = "Prints the data-health report: per-field missing %%, every invalid row with its line and reason,"
                + " and missing or renamed columns. Nothing is written unless every row is valid, or you accept the"
                + " report with --accept-health-report (then only the valid rows are written). Re-importing the same"
                + " file changes nothing; an AR aging is a full snapshot, so open invoices absent from it are closed."
                + " With --kind bank, FILE is a bank file (ISO 20022 camt.053/camt.054, BAI2, SWIFT MT940/MT942, or a"
                + " CSV with date,amount,currency,name,account,text,reference columns): each entry is kept once, the"
                + " receipts the agent is sure of are applied, the rest wait in the unapplied-cash queue; a broken"
                + " file is refused whole with its line and reason.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:imported, or unchanged",
            "2:rejected; nothing was written",
            "1:error (file, settings, database)"
        })
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the CSV export, or with --kind bank the bank file")
    Path file;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            defaultValue = "generic",
            description =
                    "generic | quickbooks (A/R Aging Detail) | xero (Aged Receivables Detail); default: ${DEFAULT-VALUE}")
    String profile = "generic";

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            defaultValue = "auto",
            description = "auto | aging | invoices | customers | history | payments | notes | bank; default: taken from"
                    + " the header (invoices, the invoices issued since the last export, only when named)")
    String kind = "auto";

    @Option(
            names = "--accept-health-report",
            description = "write the valid rows even if some rows are invalid or >10%% of required cells are empty")
    boolean accept;

    @Option(names = "--json", description = "print the outcome and full report as JSON")
    boolean json;

    @Option(
            names = "--index",
            description = "after an applied import, refresh the touched accounts' documents in the retrieval index"
                    + " (MiniLM, about 200 documents a second; serve does this in the background)")
    boolean index;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file + " (give the path to a CSV export)", e);
        }
        if (kind.strip().equalsIgnoreCase("bank")) {
            return bank(content);
        }
        Profile p = Profile.fromCode(profile);
        Optional<ImportKind> k = App.kindOption(kind);
        try (App app = common.start()) {
            java.util.Set<dev.aragent.agent.ledger.CustomerKey> touched = new java.util.TreeSet<>(
                    java.util.Comparator.comparing(dev.aragent.agent.ledger.CustomerKey::value));
            app.afterImport((t, accounts) -> touched.addAll(accounts));
            ImportOutcome outcome = app.importFile(
                    app.settings().tenant(), file.getFileName().toString(), content, p, k, accept, "cli:import");
            if (json) {
                System.out.println(HttpApi.write(Views.outcome(outcome)));
            } else {
                TextReports.health(System.out, outcome.report());
                System.out.println();
                TextReports.outcome(System.out, outcome);
            }
            if (index && !touched.isEmpty()) {
                Progress progress = new Progress(System.err, touched.size());
                int docs =
                        app.reindex(app.settings().tenant(), touched, n -> progress.advance(n + " accounts indexed"));
                progress.finish(docs + " documents of " + touched.size() + " accounts indexed");
            }
            return outcome instanceof ImportOutcome.Rejected ? 2 : 0;
        }
    }

    /** A bank file: exit 0 taken (or unchanged), 2 refused with nothing written. */
    private int bank(byte[] content) {
        try (App app = common.start()) {
            dev.aragent.agent.app.CashDesk.Taken taken;
            try {
                taken = app.takeBankFile(
                        app.settings().tenant(), file.getFileName().toString(), content, "cli:import");
            } catch (IllegalArgumentException e) {
                if (json) {
                    System.out.println(HttpApi.write(Views.ordered("outcome", "refused", "reason", e.getMessage())));
                } else {
                    System.out.println("Refused, nothing was written: " + e.getMessage());
                }
                return 2;
            }
            if (json) {
                System.out.println(HttpApi.write(Views.taken(taken)));
            } else {
                TextReports.bankFile(System.out, taken);
            }
            return 0;
        }
    }
}
