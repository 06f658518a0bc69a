package dev.aragent.console;

import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portfolio report as one self-contained HTML page with inline SVG charts (no script, no network). */
public final class ReportPage {
    private ReportPage() {}

    public static String page(String tenant, Portfolio.Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AR portfolio — ")
                .append(esc(tenant))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}"
                        + ".tiles{display:flex;gap:1rem;flex-wrap:wrap}.tile{border:1px solid #ddd;border-radius:8px;"
                        + "padding:.8rem 1.2rem;min-width:150px}.tile b{display:block;font-size:1.6rem}"
                        + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 8px;"
                        + "text-align:left;font-size:.9rem}.num{text-align:right}.note{color:#666;font-size:.85rem}"
                        + "section{margin-top:2rem}</style></head><body>");
        h.append("<h1>AR portfolio — ")
                .append(esc(tenant))
                .append(", ")
                .append(r.day())
                .append("</h1>");
        h.append("<div class=\"tiles\">");
        tile(h, "Open receivables", r.open().format());
        tile(h, "DSO", fmt(r.dso(), "%.1f days") + (r.caveat().isPresent() ? " *" : ""));
        tile(h, "CEI (30 days)", fmt(r.cei(), "%.1f %%"));
        tile(h, "Promise-to-pay conversion", fmt(r.promiseConversion().map(x -> x * 100), "%.0f %%"));
        tile(h, "Promises kept", fmt(r.promisesKept().map(x -> x * 100), "%.0f %%"));
        tile(h, "Write-off exposure", fmt(r.writeOffExposure().map(x -> x * 100), "%.2f %%"));
        h.append("</div>");
        r.caveat()
                .ifPresent(c -> h.append("<p class=\"note\">* ").append(esc(c)).append(".</p>"));
        h.append("<section><h2>Aging</h2>").append(agingChart(r)).append("</section>");
        h.append("<section><h2>Risk across open invoices</h2><p class=\"note\">Risk = 1 − probability of being paid"
                        + " within the horizon; a ")
                .append(Assessment.FRAMING)
                .append(". Model: ")
                .append(esc(r.model().kind()))
                .append(" v")
                .append(r.model().version())
                .append(": ")
                .append(esc(r.model().why()))
                .append(".</p>")
                .append(histogram(r.riskHistogram()))
                .append("</section>");
        r.model()
                .test()
                .ifPresent(m -> h.append("<section><h2>Calibration on held-out invoices</h2><p class=\"note\">")
                        .append(String.format(
                                Locale.ROOT,
                                "AUC %.3f (aging alone %.3f), log loss %.3f.",
                                m.auc(),
                                r.model().baselineTest().map(Metrics::auc).orElse(Double.NaN),
                                m.logLoss()))
                        .append("</p>")
                        .append(calibration(m))
                        .append("</section>"));
        h.append("<section><h2>Likely write-offs this week</h2><p class=\"note\">")
                .append(r.likelyWriteOffInvoices())
                .append(" open invoices of ")
                .append(r.likelyWriteOffAccounts())
                .append(" accounts, ")
                .append(esc(r.likelyWriteOffTotal().format()))
                .append(" in all: over ")
                .append(Portfolio.WRITE_OFF_DAYS)
                .append(" days past due with risk ≥ ")
                .append(Portfolio.WRITE_OFF_RISK)
                .append(". One row per account, largest first")
                .append(
                        r.likelyWriteOffAccounts() > r.likelyWriteOffs().size()
                                ? " (the first " + r.likelyWriteOffs().size() + ")"
                                : "")
                .append(".</p><table><tr><th>Customer</th><th>Invoices</th><th class=\"num\">Open</th>"
                        + "<th class=\"num\">Oldest (days)</th><th class=\"num\">Risk</th><th>Why</th></tr>");
        for (Portfolio.WriteOff w : r.likelyWriteOffs()) {
            h.append("<tr><td>")
                    .append(esc(w.customerName()))
                    .append(" (")
                    .append(esc(w.customer()))
                    .append(")</td><td>")
                    .append(esc(w.invoiceList()))
                    .append("</td><td class=\"num\">")
                    .append(esc(w.open().format()))
                    .append("</td><td class=\"num\">")
                    .append(w.daysPastDue())
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f", w.assessment().risk()))
                    .append("</td><td>")
                    .append(esc(String.join(
                            "; ",
                            w.assessment().factors().stream()
                                    .map(dev.aragent.agent.risk.Factor::display)
                                    .toList())))
                    .append("</td></tr>");
        }
        h.append("</table></section></body></html>\n");
        return h.toString();
    }

    static String agingChart(Portfolio.Report r) {
        double max = 0;
        for (AgingBucket b : AgingBucket.values()) {
            max = Math.max(max, r.buckets().get(b).toMajor().doubleValue());
        }
        double top = niceCeiling(max);
        String currency = r.open().currency().getCurrencyCode();
        StringBuilder s = new StringBuilder("<svg width=\"720\" height=\"230\" role=\"img\" aria-label=\"aging\">");
        axes(s, top, ReportPage::shortAmount, "open, " + currency, "days past due");
        int x = PLOT_LEFT + 20;
        for (AgingBucket b : AgingBucket.values()) {
            double v = r.buckets().get(b).toMajor().doubleValue();
            int height = (int) Math.round(v / top * PLOT_HEIGHT);
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"90\" height=\"%d\" fill=\"%s\"/><text x=\"%d\" y=\"%d\""
                            + " font-size=\"12\" text-anchor=\"middle\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"12\""
                            + " text-anchor=\"middle\">%s</text>",
                    x,
                    PLOT_BASE - height,
                    height,
                    b == AgingBucket.CURRENT ? "#4c9a6a" : "#d9822b",
                    x + 45,
                    PLOT_BASE - height - 5,
                    esc(r.buckets().get(b).format()),
                    x + 45,
                    PLOT_BASE + 16,
                    esc(b.label())));
            x += 120;
        }
        return s.append("</svg>").toString();
    }

    static String histogram(double[] counts) {
        double max = 0;
        for (double c : counts) {
            max = Math.max(max, c);
        }
        double top = niceCeiling(Math.max(max, 5));
        StringBuilder s = new StringBuilder("<svg width=\"720\" height=\"230\" role=\"img\" aria-label=\"risk\">");
        axes(s, top, ReportPage::trimmed, "open invoices", "risk (1 − probability paid)");
        for (int i = 0; i < counts.length; i++) {
            int height = (int) Math.round(counts[i] / top * PLOT_HEIGHT);
            int x = PLOT_LEFT + 10 + i * 60;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"56\" height=\"%d\" fill=\"hsl(%d,60%%,50%%)\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.0f</text>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.1f–%.1f</text>",
                    x,
                    PLOT_BASE - height,
                    height,
                    120 - i * 12,
                    x + 28,
                    PLOT_BASE - height - 5,
                    counts[i],
                    x + 28,
                    PLOT_BASE + 16,
                    i / 10.0,
                    (i + 1) / 10.0));
        }
        return s.append("</svg>").toString();
    }

    /**
     * Bars over {@code labels}, each stacked from {@code series} (one value per label each) in its colour, with a
     * legend naming the series: one series is a plain bar chart.
     */
    static String bars(
            String name,
            List<String> labels,
            List<double[]> series,
            List<String> names,
            List<String> colours,
            java.util.function.DoubleFunction<String> tick,
            String yTitle,
            String xTitle) {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            double sum = 0;
            for (double[] v : series) {
                sum += v[i];
            }
            max = Math.max(max, sum);
        }
        double top = niceCeiling(max);
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT, "<svg width=\"720\" height=\"250\" role=\"img\" aria-label=\"%s\">", esc(name)));
        axes(s, top, tick, yTitle, xTitle);
        int slot = PLOT_WIDTH / Math.max(1, labels.size());
        int width = Math.max(4, slot * 7 / 10);
        for (int i = 0; i < labels.size(); i++) {
            int x = PLOT_LEFT + i * slot + (slot - width) / 2;
            double base = 0;
            for (int k = 0; k < series.size(); k++) {
                double v = series.get(k)[i];
                int y0 = PLOT_BASE - (int) Math.round(base / top * PLOT_HEIGHT);
                int y1 = PLOT_BASE - (int) Math.round((base + v) / top * PLOT_HEIGHT);
                if (y0 > y1) {
                    s.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s: %s</title>"
                                    + "</rect>",
                            x,
                            y1,
                            width,
                            y0 - y1,
                            colours.get(k),
                            esc(labels.get(i)),
                            esc(names.get(k)),
                            esc(trimmed(v))));
                }
                base += v;
            }
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    x + width / 2,
                    PLOT_BASE + 14,
                    esc(labels.get(i))));
        }
        if (series.size() > 1) {
            int x = PLOT_LEFT;
            for (int k = 0; k < series.size(); k++) {
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"236\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                                + "<text x=\"%d\" y=\"245\" font-size=\"11\">%s</text>",
                        x,
                        colours.get(k),
                        x + 14,
                        esc(names.get(k))));
                x += 30 + names.get(k).length() * 7;
            }
        }
        return s.append("</svg>").toString();
    }

    private static final int PLOT_LEFT = 80;
    private static final int PLOT_BASE = 180;
    private static final int PLOT_HEIGHT = 140;
    private static final int PLOT_WIDTH = 620;

    /**
     * A bar chart's frame: the zero line, a y axis scaled 0–{@code top} with round ticks, and both axis titles.
     */
    private static void axes(
            StringBuilder s, double top, java.util.function.DoubleFunction<String> tick, String yTitle, String xTitle) {
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>",
                PLOT_LEFT,
                PLOT_BASE,
                PLOT_LEFT + PLOT_WIDTH,
                PLOT_BASE,
                PLOT_LEFT,
                PLOT_BASE,
                PLOT_LEFT,
                PLOT_BASE - PLOT_HEIGHT));
        int steps = tickSteps(top);
        for (int t = 0; t <= steps; t++) {
            double v = top * t / steps;
            int y = PLOT_BASE - PLOT_HEIGHT * t / steps;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    PLOT_LEFT - 5,
                    y,
                    PLOT_LEFT,
                    y,
                    PLOT_LEFT + 1,
                    y,
                    PLOT_LEFT + PLOT_WIDTH,
                    y,
                    PLOT_LEFT - 8,
                    y + 3,
                    esc(tick.apply(v))));
        }
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"14\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s"
                        + "</text><text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                PLOT_BASE - PLOT_HEIGHT / 2,
                PLOT_BASE - PLOT_HEIGHT / 2,
                esc(yTitle),
                PLOT_LEFT + PLOT_WIDTH / 2,
                PLOT_BASE + 40,
                esc(xTitle)));
    }

    /** The smallest 1, 2 or 5 × 10ⁿ at or above {@code max} (1 when there is nothing to draw). */
    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Steps that land on round numbers for a {@link #niceCeiling} top: 2 × 10ⁿ in fours, 1 and 5 × 10ⁿ in fives. */
    static int tickSteps(double top) {
        double leading = top / Math.pow(10, Math.floor(Math.log10(top)));
        return Math.abs(leading - 2) < 1e-9 ? 4 : 5;
    }

    static String shortAmount(double v) {
        if (v >= 1_000_000) {
            return trimmed(v / 1_000_000) + "M";
        }
        if (v >= 1_000) {
            return trimmed(v / 1_000) + "k";
        }
        return trimmed(v);
    }

    static String trimmed(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Predicted against observed, per bin, with both axes scaled 0–1 and the diagonal of perfect calibration: a point
     * below the line means the model was more confident than the outcomes.
     */
    static String calibration(Metrics m) {
        StringBuilder s = new StringBuilder(
                "<svg width=\"300\" height=\"290\" role=\"img\" aria-label=\"calibration\"><rect x=\"50\" y=\"10\""
                        + " width=\"220\" height=\"220\" fill=\"none\" stroke=\"#ccc\"/><line x1=\"50\" y1=\"230\""
                        + " x2=\"270\" y2=\"10\" stroke=\"#999\" stroke-dasharray=\"4\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            double x = 50 + v * 220;
            double y = 230 - v * 220;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"230\" x2=\"%.1f\" y2=\"235\" stroke=\"#666\"/>"
                            + "<text x=\"%.1f\" y=\"247\" font-size=\"10\" text-anchor=\"middle\">%.2f</text>"
                            + "<line x1=\"45\" y1=\"%.1f\" x2=\"50\" y2=\"%.1f\" stroke=\"#666\"/>"
                            + "<text x=\"42\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>",
                    x,
                    x,
                    x,
                    v,
                    y,
                    y,
                    y + 3,
                    v));
        }
        StringBuilder path = new StringBuilder();
        for (Metrics.Bin b : m.bins()) {
            double x = 50 + b.meanPredicted() * 220;
            double y = 230 - b.observed() * 220;
            path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2b6cb0\"/>", x, y));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2b6cb0\"/>");
        s.append("<text x=\"160\" y=\"265\" font-size=\"11\" text-anchor=\"middle\">predicted probability (per bin)"
                + "</text>");
        s.append("<text x=\"12\" y=\"120\" font-size=\"11\" transform=\"rotate(-90 12 120)\" text-anchor=\"middle\">"
                + "observed share</text>");
        s.append("<text x=\"160\" y=\"283\" font-size=\"10\" fill=\"#666\" text-anchor=\"middle\">dashed: perfect"
                + " calibration</text>");
        return s.append("</svg>").toString();
    }

    private static void tile(StringBuilder h, String label, String value) {
        h.append("<div class=\"tile\">")
                .append(esc(label))
                .append("<b>")
                .append(esc(value))
                .append("</b></div>");
    }

    private static String fmt(Optional<Double> v, String pattern) {
        return v.map(x -> String.format(Locale.ROOT, pattern, x)).orElse("n/a");
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
