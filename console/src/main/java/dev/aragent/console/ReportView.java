package dev.aragent.console;

import dev.aragent.agent.app.Reports;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.report.Trends;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Factor;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report page: the figures an AR manager asks for first (open, DSO, CEI, promise-to-pay conversion and kept rate,
 * write-off exposure), the quarter week by week (cash collected, the agent's touches and the team's, promises), aging,
 * risk, and the likely write-offs with the factors behind each. Charts are SVG drawn here, their text escaped.
 */
public record ReportView(
        Who who,
        String day,
        String asOf,
        List<Tile> tiles,
        String caveat,
        String collected,
        String touches,
        String aging,
        String risk,
        String calibration,
        String modelNote,
        List<WeekRow> weeks,
        String totals,
        String writeOffNote,
        List<WriteOffRow> writeOffs) {

    /** A headline figure. */
    public record Tile(String label, String value, String note) {}

    /** One week of the quarter as a table row (the charts' figures, readable without them). */
    public record WeekRow(
            String week,
            String collected,
            int email,
            int sms,
            int call,
            int person,
            int promises,
            int kept,
            int broken) {}

    /** One account's likely write-off. */
    public record WriteOffRow(
            String key, String name, String invoices, String open, long days, String risk, List<String> why) {}

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public static ReportView of(Who who, Reports.Book book, java.time.ZoneId zone) {
        Portfolio.Report r = book.portfolio();
        Trends.Report t = book.trends();
        List<Tile> tiles = List.of(
                new Tile("Open receivables", r.open().format(), ""),
                new Tile("DSO", fmt(r.dso(), "%.1f days") + (r.caveat().isPresent() ? " *" : ""), "last 90 days"),
                new Tile("CEI", fmt(r.cei(), "%.1f %%"), "last 30 days"),
                new Tile(
                        "Promise-to-pay conversion",
                        fmt(r.promiseConversion().map(x -> x * 100), "%.0f %%"),
                        r.accountsPromised() + " of " + r.accountsAnswered() + " accounts that answered"),
                new Tile(
                        "Promises kept",
                        fmt(r.promisesKept().map(x -> x * 100), "%.0f %%"),
                        r.promisesKeptCount() + " kept, " + r.promisesBrokenCount() + " broken"),
                new Tile("Collected this quarter", t.collected().format(), Trends.WEEKS + " weeks"),
                new Tile(
                        "Human touches",
                        String.valueOf(t.humanTouches()),
                        "accounts the agent left to the team; the agent's own: " + t.agentTouches()),
                new Tile(
                        "Write-off exposure",
                        fmt(r.writeOffExposure().map(x -> x * 100), "%.2f %%"),
                        "open over 120 days ÷ invoiced in a year"));
        List<String> labels = t.weeks().stream().map(w -> WEEK.format(w.from())).toList();
        String currency = r.currency().getCurrencyCode();
        String collected = ReportPage.bars(
                "cash collected by week",
                labels,
                List.of(t.weeks().stream()
                        .mapToDouble(w -> w.collected().toMajor().doubleValue())
                        .toArray()),
                List.of("collected"),
                List.of("#4c9a6a"),
                ReportPage::shortAmount,
                "collected, " + currency,
                "week from Monday");
        List<Reach> channels = List.of(Reach.EMAIL, Reach.SMS, Reach.CALL, Reach.HUMAN);
        List<double[]> series = new ArrayList<>();
        for (Reach c : channels) {
            series.add(t.weeks().stream().mapToDouble(w -> w.touches(c)).toArray());
        }
        String touches = ReportPage.bars(
                "touches by week",
                labels,
                series,
                List.of("email", "text", "call", "a person"),
                List.of("#2b6cb0", "#6b46c1", "#d69e2e", "#c05621"),
                ReportPage::trimmed,
                "touches",
                "week from Monday");
        List<WeekRow> weeks = t.weeks().stream()
                .map(w -> new WeekRow(
                        WEEK.format(w.from()),
                        w.collected().format(),
                        w.touches(Reach.EMAIL),
                        w.touches(Reach.SMS),
                        w.touches(Reach.CALL),
                        w.touches(Reach.HUMAN),
                        w.promisesMade(),
                        w.kept(),
                        w.broken()))
                .toList();
        String modelNote = "Risk = 1 − probability of being paid within the horizon; a " + Assessment.FRAMING
                + ". Model: " + r.model().kind() + " v" + r.model().version() + ": "
                + r.model().why() + "."
                + r.model()
                        .test()
                        .map(m ->
                                String.format(Locale.ROOT, " Held-out AUC %.3f, log loss %.3f.", m.auc(), m.logLoss()))
                        .orElse("");
        String writeOffNote = r.likelyWriteOffInvoices() + " open invoices of " + r.likelyWriteOffAccounts()
                + " accounts, " + r.likelyWriteOffTotal().format() + " in all: over " + Portfolio.WRITE_OFF_DAYS
                + " days past due with risk ≥ " + Portfolio.WRITE_OFF_RISK + ". One row per account, largest first"
                + (r.likelyWriteOffAccounts() > r.likelyWriteOffs().size()
                        ? " (the first " + r.likelyWriteOffs().size() + ")"
                        : "")
                + ".";
        List<WriteOffRow> writeOffs = r.likelyWriteOffs().stream()
                .map(w -> new WriteOffRow(
                        w.customer(),
                        w.customerName(),
                        w.invoiceList(),
                        w.open().format(),
                        w.daysPastDue(),
                        Risk.percent(w.assessment().risk()),
                        w.assessment().factors().stream().map(Factor::display).toList()))
                .toList();
        return new ReportView(
                who,
                r.day().toString(),
                TIME.format(book.at().atZone(zone)),
                tiles,
                r.caveat().map(c -> "* " + c + ".").orElse(""),
                collected,
                touches,
                ReportPage.agingChart(r),
                ReportPage.histogram(r.riskHistogram()),
                r.model().test().map(ReportPage::calibration).orElse(""),
                modelNote,
                weeks,
                t.humanTouches() + " human touches and " + t.agentTouches() + " by the agent in " + Trends.WEEKS
                        + " weeks",
                writeOffNote,
                writeOffs);
    }

    private static String fmt(Optional<Double> v, String pattern) {
        return v.map(x -> String.format(Locale.ROOT, pattern, x)).orElse("n/a");
    }
}
