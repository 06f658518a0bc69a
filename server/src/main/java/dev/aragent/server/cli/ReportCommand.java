package dev.aragent.server.cli;

import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.console.TextReports;
import dev.aragent.console.Views;
import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent report}: portfolio figures and the weekly likely-write-off list. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        header = "Portfolio figures and the likely-write-off list.",
        description = {
            "Figures: DSO, CEI, promise-to-pay conversion, promises kept, write-off exposure, aging.",
            "Likely write-offs: open invoices over 60 days past due whose risk is at least 0.7 (a " + Assessment.FRAMING
                    + "), largest first, each with its top factors.",
            "Writes an HTML page with charts too (default DATA_DIR/reports/report-TENANT-DATE.html)."
        })
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the report as JSON (the same document as GET /api/report)")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "where to write the HTML page")
    Optional<Path> html = Optional.empty();

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        try (App app = common.start()) {
            var tenant = app.settings().tenant();
            Portfolio.Report r = app.reports().portfolio(tenant);
            if (json) {
                System.out.println(HttpApi.write(Views.report(r)));
                return 0;
            }
            text(System.out, tenant.value(), r);
            Path page = html.orElse(
                    app.settings().dataDir().resolve("reports").resolve("report-" + tenant + "-" + r.day() + ".html"));
            if (page.getParent() != null) {
                Files.createDirectories(page.getParent());
            }
            Files.writeString(page, dev.aragent.console.ReportPage.page(tenant.value(), r));
            System.out.println("\nHTML report with charts: " + page);
            return 0;
        }
    }

    static void text(PrintStream out, String tenant, Portfolio.Report r) {
        out.printf(
                Locale.ROOT,
                "Portfolio of %s on %s (%s)%n",
                tenant,
                r.day(),
                r.currency().getCurrencyCode());
        out.printf(Locale.ROOT, "report.open: %s%n", r.open().toPlainString());
        out.printf(Locale.ROOT, "report.dso: %s days%n", fmt(r.dso(), "%.1f"));
        out.printf(Locale.ROOT, "report.cei_30d: %s %%%n", fmt(r.cei(), "%.1f"));
        out.printf(
                Locale.ROOT,
                "report.promise_to_pay_conversion: %s (%d of %d accounts that answered promised or agreed a plan)%n",
                fmt(r.promiseConversion(), "%.3f"),
                r.accountsPromised(),
                r.accountsAnswered());
        out.printf(
                Locale.ROOT,
                "report.promises_kept: %s (%d kept, %d broken)%n",
                fmt(r.promisesKept(), "%.3f"),
                r.promisesKeptCount(),
                r.promisesBrokenCount());
        out.printf(
                Locale.ROOT,
                "report.write_off_exposure: %s (open > 120 days ÷ invoiced in the last 365 days)%n",
                fmt(r.writeOffExposure(), "%.4f"));
        out.println("aging:");
        for (AgingBucket b : AgingBucket.values()) {
            out.printf(
                    Locale.ROOT, "  %-8s %16s%n", b.label(), r.buckets().get(b).format());
        }
        r.caveat().ifPresent(c -> out.println("note: " + c));
        out.printf(
                Locale.ROOT,
                "%nLikely write-offs this week (over %d days past due, risk ≥ %.1f — a %s): %d invoices of %d accounts,"
                        + " %s%n",
                Portfolio.WRITE_OFF_DAYS,
                Portfolio.WRITE_OFF_RISK,
                Assessment.FRAMING,
                r.likelyWriteOffInvoices(),
                r.likelyWriteOffAccounts(),
                r.likelyWriteOffTotal().format());
        out.printf(Locale.ROOT, "report.likely_write_offs.invoices: %d%n", r.likelyWriteOffInvoices());
        out.printf(Locale.ROOT, "report.likely_write_offs.accounts: %d%n", r.likelyWriteOffAccounts());
        out.printf(
                Locale.ROOT,
                "report.likely_write_offs.open: %s%n",
                r.likelyWriteOffTotal().toPlainString());
        for (Portfolio.WriteOff w : r.likelyWriteOffs().stream().limit(15).toList()) {
            out.printf(
                    Locale.ROOT,
                    "  %-22s %-30s %12s %4d days  risk %.2f  %s%n",
                    TextReports.cut(w.invoiceList(), 22),
                    TextReports.cut(w.customerName(), 30),
                    w.open().format(),
                    w.daysPastDue(),
                    w.assessment().risk(),
                    w.assessment().factors().isEmpty()
                            ? ""
                            : w.assessment().factors().getFirst().display());
        }
    }

    private static String fmt(Optional<Double> v, String pattern) {
        return v.map(x -> String.format(Locale.ROOT, pattern, x)).orElse("n/a");
    }
}
