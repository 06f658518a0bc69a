package dev.aragent.simulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The simulation's report: the agent and plain dunning side by side in the terminal, the key figures as
 * {@code name: value} lines, and an HTML page with charts (money collected day by day, the outcomes side by side).
 */
public final class SimReport {
    /** How each arm reached the debtors, said in both reports. */
    static final String CHANNELS = "The agent wrote by email and SMS (a loopback Twilio), called over the voice bridge"
            + " and asked its AR manager in Slack; plain dunning emailed.";

    /** What the debtors' behaviour assumes, said under both reports (each parameter is listed with its source). */
    static final String ASSUMPTIONS = "The debtors' behaviour is the simulation's: each parameter, its value and its"
            + " source (the project's brief, the sample book's history, or our assumption) is listed below;"
            + " --assumptions pessimistic|optimistic and --sensitivity show how the figures move with them.";

    private SimReport() {}

    /** One compared figure: its name in the {@code name: value} lines, its label, and how to show a value. */
    private record Row(String key, String label, Function<Simulation.Arm, Double> value, String format) {}

    /**
     * The figures, in the order an AR manager asks for them: cash collected, DSO and CEI month by month, write-offs,
     * promises, the team's load, messages and opt-outs; then the rest.
     */
    private static List<Row> rows(Simulation.Result r) {
        List<Row> out = new ArrayList<>();
        out.add(new Row("collected", "cash collected", a -> a.collected() / 100.0, "$%,.0f"));
        out.add(new Row(
                "collected_share",
                "collected, share of what was owed (opening + invoiced)",
                a -> 100.0 * a.collected() / Math.max(1, a.openAtStart() + r.invoicedMinor()),
                "%.1f%%"));
        int months = r.agent().months().size();
        for (int m = 0; m < months; m++) {
            final int k = m;
            int last = r.agent().months().get(m).lastDay();
            out.add(new Row(
                    "collected_m" + (m + 1),
                    "cash collected, days " + (m * Measures.MONTH + 1) + "-" + last,
                    a -> collectedIn(a, k * Measures.MONTH, last) / 100.0,
                    "$%,.0f"));
            out.add(new Row(
                    "dso_m" + (m + 1),
                    "DSO at day " + last + " (standard: trailing 90 days)",
                    a -> a.months().get(k).dso(),
                    "%.1f"));
            out.add(new Row(
                    "countback_dso_m" + (m + 1),
                    "DSO at day " + last + " (countback)",
                    a -> a.months().get(k).countbackDso(),
                    "%.1f"));
            out.add(new Row(
                    "best_dso_m" + (m + 1),
                    "  best possible DSO (every invoice paid when due)",
                    a -> a.months().get(k).bestPossibleDso(),
                    "%.1f"));
            out.add(new Row(
                    "days_delinquent_m" + (m + 1),
                    "  average days delinquent (DSO − best possible)",
                    a -> a.months().get(k).daysDelinquent(),
                    "%.1f"));
            out.add(new Row(
                    "cei_m" + (m + 1),
                    "CEI, days " + (m * Measures.MONTH + 1) + "-" + last,
                    a -> a.months().get(k).cei(),
                    "%.1f%%"));
        }
        out.add(new Row(
                "write_offs",
                "likely write-offs (over 120 days late, unpaid)",
                a -> a.writeOffMinor() / 100.0,
                "$%,.0f"));
        out.addAll(rest());
        return out;
    }

    /** What an arm collected from day {@code from} (0-based) up to day {@code to} (exclusive). */
    private static long collectedIn(Simulation.Arm a, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += a.collectedByDay()[i];
        }
        return sum;
    }

    private static List<Row> rest() {
        return List.of(
                new Row("dso", "DSO at the end (days)", Simulation.Arm::dso, "%.1f"),
                new Row("promises", "promises to pay (installments)", a -> (double) a.promises(), "%.0f"),
                new Row("ptp_accounts", "accounts that promised", a -> (double) a.accountsPromising(), "%.0f"),
                new Row(
                        "ptp_conversion",
                        "promise-to-pay conversion (of debtors who answered)",
                        a -> 100.0 * a.accountsPromising() / Math.max(1, a.debtorReplies()),
                        "%.1f%%"),
                new Row(
                        "promises_kept",
                        "promises kept / broken (settled so far)",
                        a -> (double) a.promisesKept(),
                        "%.0f"),
                new Row("disputes_surfaced", "disputes surfaced", a -> (double) a.disputesSurfaced(), "%.0f"),
                new Row(
                        "dispute_days",
                        "days from first contact to a surfaced dispute",
                        Simulation.Arm::disputeDaysAfterContact,
                        "%.1f"),
                new Row(
                        "human_touches",
                        "human touches (approvals, calls, tasks)",
                        a -> (double) a.humanTouches(),
                        "%.0f"),
                new Row("emails", "emails to debtors", a -> (double) a.emails(), "%.0f"),
                new Row("texts", "texts to debtors (SMS)", a -> (double) a.texts(), "%.0f"),
                new Row("calls", "calls placed by the agent", a -> (double) a.calls(), "%.0f"),
                new Row("calls_answered", "calls answered by the debtor", a -> (double) a.callsAnswered(), "%.0f"),
                new Row("call_promises", "promises confirmed on calls", a -> (double) a.callPromises(), "%.0f"),
                new Row("debtor_replies", "debtor replies", a -> (double) a.debtorReplies(), "%.0f"),
                new Row("text_replies", "of them by text", a -> (double) a.textReplies(), "%.0f"),
                new Row("replies_read", "replies read and answered", a -> (double) a.repliesRead(), "%.0f"),
                new Row(
                        "after_opt_out",
                        "messages to an opted-out address (beyond a confirmation)",
                        a -> (double) a.contactedAfterOptOut(),
                        "%.0f"),
                new Row(
                        "after_payment",
                        "reminders and texts about an invoice already paid",
                        a -> (double) a.contactedAfterPayment(),
                        "%.0f"),
                new Row("cash_auto", "bank receipts applied by the agent alone", a -> (double) a.cashAuto(), "%.0f"),
                new Row(
                        "cash_person",
                        "bank receipts a person applied (unapplied cash)",
                        a -> (double) a.cashByPerson(),
                        "%.0f"),
                new Row("cash_unapplied", "bank receipts left unapplied", a -> (double) a.cashUnapplied(), "%.0f"),
                new Row(
                        "cash_misapplied",
                        "bank receipts the agent applied otherwise than the payer meant",
                        a -> (double) a.cashMisapplied(),
                        "%.0f"),
                new Row(
                        "days_over_capacity",
                        "days its human touches exceeded the AR team's capacity",
                        a -> (double) a.daysOverCapacity(),
                        "%.0f"),
                new Row("peak_day_touches", "most human touches on one day", a -> (double) a.peakDayTouches(), "%.0f"),
                new Row(
                        "cash_link",
                        "payments through a pay-now link (Stripe's webhook)",
                        a -> (double) a.cashLink(),
                        "%.0f"));
    }

    /** How the three arms are told apart, said in both reports. */
    static final String ARMS = "Three arms met the same accounts, habits and draws: the agent; plain dunning (an email"
            + " 7 days before each due date, on it, and 7, 14 and 30 days after; replies never read); and the AR team"
            + " alone, phoning down the list by amount × days past due as far as its day allows.";

    /** The terminal report and the {@code demo.agent.*}, {@code demo.baseline.*} and {@code demo.team.*} lines. */
    public static void print(PrintStream out, Simulation.Result r) {
        out.printf(
                Locale.ROOT,
                "%n%d simulated days from %s on a book of %d accounts (seed %d), invoices issued every day at the"
                        + " book's own rhythm (%s invoiced over the period). %s %s%n",
                r.settings().days(),
                r.start(),
                r.debtors(),
                r.settings().seed(),
                Simulation.money(r.invoicedMinor()),
                ARMS,
                CHANNELS);
        out.print("  accounts by how they behave: ");
        List<String> mix = new ArrayList<>();
        r.mix().forEach((p, n) -> mix.add(p.label() + " " + n));
        out.println(String.join(", ", mix));
        out.printf(Locale.ROOT, "%n  %-58s %14s %14s %14s%n", "", "agent", "plain dunning", "team alone");
        for (Row row : rows(r)) {
            out.printf(
                    Locale.ROOT,
                    "  %-58s %14s %14s %14s%n",
                    row.label(),
                    shown(row, r.agent()),
                    shown(row, r.dunning()),
                    shown(row, r.team()));
        }
        out.println("\n  " + dsoReading(r));
        out.printf(Locale.ROOT, "%n  collected by persona %37s %16s %12s%n", "agent", "plain dunning", "difference");
        for (Persona p : r.mix().keySet()) {
            long a = r.agent().collectedByPersona().getOrDefault(p, 0L);
            long d = r.dunning().collectedByPersona().getOrDefault(p, 0L);
            out.printf(
                    Locale.ROOT,
                    "  %-52s %16s %16s %12s%n",
                    p.label() + " (" + r.mix().get(p) + ")",
                    Simulation.money(a),
                    Simulation.money(d),
                    (a >= d ? "+" : "-") + Simulation.money(Math.abs(a - d)));
        }
        if (!r.agent().touchesByKind().isEmpty()) {
            out.println("\n  the agent's human touches: " + touches(r.agent()));
        }
        out.printf(
                Locale.ROOT,
                "  the risk model was retrained %d time%s on the quarter's outcomes (paid invoices, promises, disputes)%n",
                r.retrainings(),
                r.retrainings() == 1 ? "" : "s");
        out.printf(
                Locale.ROOT,
                "%n  outcome-based fee: %.1f%% of %s = %s (what the agent collected after its first contact beyond"
                        + " what plain dunning collected from the same debtor; of %s collected after first contact)%n",
                r.settings().feePercent(),
                Simulation.money(r.feeBaseMinor()),
                Simulation.money(r.feeMinor()),
                Simulation.money(r.agent().collectedAfterContact()));
        out.println(
                "  Payments reach the agent only as a real installation learns of them: each day's bank file (what it is"
                        + " not sure of waits in unapplied cash for a simulated cash clerk) and Stripe's signed event when a"
                        + " debtor pays through the link a message gave them (four in ten debtors do when one asks exactly"
                        + " what they pay); debtors write their remittances their own way (the invoices, nothing, a"
                        + " slipped digit, another of their invoices), and one in ten keeps back a small deduction once"
                        + " (a damaged case). Plain dunning and the team alone count payments as they arrive (no bank receipts to"
                        + " apply).");
        out.printf(
                Locale.ROOT,
                "  The AR team: %d people × %d touches a day = %d. For the agent it used %.0f a day on average, %d at"
                        + " most; what did not fit in a day (approvals, tasks, receipts to apply) waited for the next.%n",
                r.settings().people(),
                r.settings().touchesPerPerson(),
                r.settings().capacity(),
                r.agent().touchesByDay().stream()
                        .mapToInt(Integer::intValue)
                        .average()
                        .orElse(0),
                r.agent().peakDayTouches());
        out.println("  DSO: receivables at the day's end ÷ the trailing 90 days' sales × 90 (standard), and the days of"
                + " most recent sales the receivables amount to (countback). CEI: (receivables at the start + sales −"
                + " receivables at the end) ÷ (receivables at the start + sales − current receivables at the end). Best"
                + " possible DSO: the current receivables alone, as standard DSO (what DSO would be were every invoice"
                + " paid on its due date); average days delinquent: DSO less it, the part collection work can move.");
        out.println("  " + ASSUMPTIONS);
        out.printf(
                Locale.ROOT,
                "%n  The debtors' behaviour (assumptions: %s)%n",
                r.settings().assumptions().name());
        for (Assumptions.Line line : r.settings().assumptions().lines()) {
            out.printf(Locale.ROOT, "    %-86s %-22s %s%n", line.parameter(), line.value(), line.source());
        }
        out.println();
        for (Row row : rows(r)) {
            out.printf(
                    Locale.ROOT,
                    "demo.agent.%s: %s%n",
                    row.key(),
                    plain(row.value().apply(r.agent())));
            out.printf(
                    Locale.ROOT,
                    "demo.baseline.%s: %s%n",
                    row.key(),
                    plain(row.value().apply(r.dunning())));
            out.printf(
                    Locale.ROOT,
                    "demo.team.%s: %s%n",
                    row.key(),
                    plain(row.value().apply(r.team())));
        }
        out.printf(Locale.ROOT, "demo.fee: %s%n", plain(r.feeMinor() / 100.0));
        out.printf(Locale.ROOT, "demo.agent.retrainings: %d%n", r.retrainings());
        if (r.audit().messages() > 0) {
            r.audit().violations().stream().limit(20).forEach(v -> out.println("  untrue: " + v));
            out.printf(Locale.ROOT, "demo.audit.messages: %d%n", r.audit().messages());
            out.printf(
                    Locale.ROOT,
                    "demo.audit.violations: %d%n",
                    r.audit().violations().size());
        }
        Measures.Month a = r.agent().months().getLast();
        Measures.Month d = r.dunning().months().getLast();
        out.printf(Locale.ROOT, "demo.dso_vs_baseline: %.3f%n", a.dso() / Math.max(0.01, d.dso()));
        out.printf(
                Locale.ROOT,
                "demo.days_delinquent_vs_baseline: %.3f%n",
                a.daysDelinquent() / Math.max(0.01, d.daysDelinquent()));
        out.printf(Locale.ROOT, "demo.seconds: %.1f%n", r.took().toMillis() / 1000.0);
        r.phases()
                .forEach((k, v) -> out.printf(
                        Locale.ROOT, "demo.seconds.%s: %.1f%n", k.replaceAll("[^a-z]+", "_"), v.toMillis() / 1000.0));
    }

    /**
     * The sensitivity table: the same quarter on each set of assumptions — DSO at the end, write-offs and cash for the
     * three arms, and whether the agent is ahead of both others — with {@code sensitivity.NAME.*} lines.
     */
    public static void sensitivity(PrintStream out, List<Simulation.Result> results) {
        Simulation.Result first = results.getFirst();
        out.printf(
                Locale.ROOT,
                "%nSensitivity: the same %d-day quarter on a book of %d accounts (seed %d) on each set of assumptions."
                        + " Agent / plain dunning / team alone.%n%n",
                first.settings().days(),
                first.debtors(),
                first.settings().seed());
        out.printf(
                Locale.ROOT,
                "  %-12s %-22s %-36s %-44s %s%n",
                "assumptions",
                "DSO at the end",
                "likely write-offs",
                "cash collected",
                "the agent");
        for (Simulation.Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "  %-12s %-22s %-36s %-44s %s%n",
                    r.settings().assumptions().name(),
                    String.format(
                            Locale.ROOT,
                            "%.1f / %.1f / %.1f",
                            r.agent().dso(),
                            r.dunning().dso(),
                            r.team().dso()),
                    Simulation.money(r.agent().writeOffMinor()) + " / "
                            + Simulation.money(r.dunning().writeOffMinor()) + " / "
                            + Simulation.money(r.team().writeOffMinor()),
                    Simulation.money(r.agent().collected()) + " / "
                            + Simulation.money(r.dunning().collected()) + " / "
                            + Simulation.money(r.team().collected()),
                    verdict(r));
        }
        out.println();
        for (Simulation.Result r : results) {
            String n = r.settings().assumptions().name();
            for (var arm : List.of(
                    java.util.Map.entry("agent", r.agent()),
                    java.util.Map.entry("baseline", r.dunning()),
                    java.util.Map.entry("team", r.team()))) {
                out.printf(
                        Locale.ROOT,
                        "sensitivity.%s.%s.dso: %.2f%n",
                        n,
                        arm.getKey(),
                        arm.getValue().dso());
                out.printf(
                        Locale.ROOT,
                        "sensitivity.%s.%s.write_offs: %s%n",
                        n,
                        arm.getKey(),
                        plain(arm.getValue().writeOffMinor() / 100.0));
                out.printf(
                        Locale.ROOT,
                        "sensitivity.%s.%s.collected: %s%n",
                        n,
                        arm.getKey(),
                        plain(arm.getValue().collected() / 100.0));
            }
        }
    }

    /**
     * DSO at the end read as an AR manager would: the agent's against plain dunning's, how much of it no collection
     * work can move (the best possible DSO: invoices not yet due), and the part it can (average days delinquent) — and
     * what a DSO of three quarters of plain dunning's would ask of that part.
     */
    static String dsoReading(Simulation.Result r) {
        Measures.Month a = r.agent().months().getLast();
        Measures.Month d = r.dunning().months().getLast();
        double goal = 0.75 * d.dso();
        return String.format(
                Locale.ROOT,
                "DSO at day %d: the agent %.1f, plain dunning %.1f (%.2f×). Of it, %.1f and %.1f days are invoices not"
                        + " yet due (the best possible DSO, which no collection work moves); the days past due —"
                        + " average days delinquent — are %.1f against %.1f (%.2f×). A DSO of 0.75× plain dunning's"
                        + " (%.1f) would need %.1f days delinquent at most, %.0f %% fewer than plain dunning's.",
                a.lastDay(),
                a.dso(),
                d.dso(),
                a.dso() / Math.max(0.01, d.dso()),
                a.bestPossibleDso(),
                d.bestPossibleDso(),
                a.daysDelinquent(),
                d.daysDelinquent(),
                a.daysDelinquent() / Math.max(0.01, d.daysDelinquent()),
                goal,
                Math.max(0, goal - a.bestPossibleDso()),
                100 * (1 - Math.max(0, goal - a.bestPossibleDso()) / Math.max(0.01, d.daysDelinquent())));
    }

    /** Where the agent stands against the other two arms on DSO and write-offs, said plainly. */
    static String verdict(Simulation.Result r) {
        List<String> behind = new ArrayList<>();
        for (Simulation.Arm other : List.of(r.dunning(), r.team())) {
            if (r.agent().dso() >= other.dso()) {
                behind.add("not ahead of " + other.name() + " on DSO");
            }
            if (r.agent().writeOffMinor() > other.writeOffMinor()) {
                behind.add("more write-offs than " + other.name());
            }
        }
        if (behind.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "ahead of both: DSO %.0f %% of plain dunning's, %.0f %% of the team's",
                    100 * r.agent().dso() / Math.max(0.01, r.dunning().dso()),
                    100 * r.agent().dso() / Math.max(0.01, r.team().dso()));
        }
        return String.join("; ", behind);
    }

    /** What people did for an arm, most frequent first: "approvals decided 1,204, …". */
    static String touches(Simulation.Arm arm) {
        List<String> parts = new ArrayList<>();
        byCount(arm)
                .forEach(e -> parts.add(String.format(Locale.ROOT, "%s %,d", touchLabel(e.getKey()), e.getValue())));
        return String.join(", ", parts);
    }

    private static List<java.util.Map.Entry<String, Integer>> byCount(Simulation.Arm arm) {
        return arm.touchesByKind().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .toList();
    }

    private static String touchLabel(String kind) {
        return switch (kind) {
            case "approval" -> "approvals decided";
            case "call_debtor" -> "calls a person made (asked for or due)";
            case "change_channel" -> "calls a person made (emails unanswered)";
            case "human_review" -> "conversations reviewed";
            case "billing_dispute" -> "billing disputes handled";
            case "verify_payment" -> "payments verified";
            case "answer_question" -> "questions answered";
            case "send_invoice_copy" -> "invoice copies sent";
            case "crm_contact_update" -> "contact changes entered";
            case "find_contact" -> "contacts looked up";
            case "apply_credit_memo" -> "credit memos applied";
            default -> kind.replace('_', ' ');
        };
    }

    /** A figure as shown: kept with broken beside it, a dash where there is nothing to average. */
    private static String shown(Row row, Simulation.Arm arm) {
        if (row.key().equals("dispute_days") && arm.disputesSurfaced() == 0) {
            return "—";
        }
        String v = String.format(Locale.ROOT, row.format(), row.value().apply(arm));
        return row.key().equals("promises_kept") ? v + " / " + arm.promisesBroken() : v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The report as a standalone HTML page with inline SVG charts. */
    public static String html(Simulation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ar-agent simulation</title>")
                .append("<style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}")
                .append("table{border-collapse:collapse;width:100%}td,th{padding:.35rem .6rem;border-bottom:1px")
                .append(" solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".a{color:#1f6feb}.b{color:#999}h1{font-size:1.5rem}small{color:#666}")
                .append("table.words td,table.words th{text-align:left}</style></head><body>");
        b.append("<h1>A quarter of collections: the agent, plain dunning and the AR team alone</h1><p>")
                .append(r.settings().days())
                .append(" simulated days from ")
                .append(r.start())
                .append(" on a book of ")
                .append(r.debtors())
                .append(" accounts, invoices issued every day at the book's rhythm, seed ")
                .append(r.settings().seed())
                .append(". ")
                .append(escape(ARMS))
                .append(" Every figure is counted from the simulation's own events and store. ")
                .append(CHANNELS)
                .append("</p>");
        b.append("<h2>Collected, day by day (cumulative)</h2>").append(cumulative(r));
        b.append("<h2>Side by side</h2><table><tr><th></th><th class=\"a\">agent</th>")
                .append("<th class=\"b\">plain dunning</th><th class=\"b\">team alone</th></tr>");
        for (Row row : rows(r)) {
            b.append("<tr><td>")
                    .append(escape(row.label()))
                    .append("</td><td>")
                    .append(shown(row, r.agent()))
                    .append("</td><td>")
                    .append(shown(row, r.dunning()))
                    .append("</td><td>")
                    .append(shown(row, r.team()))
                    .append("</td></tr>");
        }
        b.append("</table><p>").append(escape(dsoReading(r))).append("</p>");
        b.append("<h2>Outcomes</h2><p><small><span class=\"a\">■ agent</span> &nbsp; <span class=\"b\">■ plain")
                .append(" dunning</span></small></p>")
                .append(bars(r));
        if (!r.agent().touchesByKind().isEmpty()) {
            b.append("<h2>What people did for the agent</h2>")
                    .append(chart(
                            byCount(r.agent()).stream()
                                    .map(e -> new String[] {touchLabel(e.getKey()), "" + e.getValue()})
                                    .toList(),
                            "the agent's human touches by kind"))
                    .append("<p><small>The risk model was retrained ")
                    .append(r.retrainings())
                    .append(" times on the quarter's outcomes.</small></p>");
        }
        b.append(String.format(
                Locale.ROOT,
                "<p>Outcome-based fee: %.1f%% of %s = <b>%s</b> — charged on what the agent collected after its first"
                        + " contact beyond what plain dunning collected from the same debtor.</p>",
                r.settings().feePercent(),
                Simulation.money(r.feeBaseMinor()),
                Simulation.money(r.feeMinor())));
        b.append("<h2>Where the difference comes from</h2><table><tr><th>debtors, by persona</th>")
                .append("<th class=\"a\">agent</th><th class=\"b\">plain dunning</th><th>difference</th></tr>");
        r.mix().forEach((p, n) -> {
            long a = r.agent().collectedByPersona().getOrDefault(p, 0L);
            long d = r.dunning().collectedByPersona().getOrDefault(p, 0L);
            b.append("<tr><td>")
                    .append(escape(p.label()))
                    .append(" (")
                    .append(n)
                    .append(")</td><td>")
                    .append(Simulation.money(a))
                    .append("</td><td>")
                    .append(Simulation.money(d))
                    .append("</td><td>")
                    .append(a >= d ? "+" : "−")
                    .append(Simulation.money(Math.abs(a - d)))
                    .append("</td></tr>");
        });
        b.append(
                        "</table><p><small>DSO: receivables at the day's end ÷ the trailing 90 days' sales × 90 (standard), or")
                .append(" the days of most recent sales they amount to (countback); best possible DSO: the current")
                .append(
                        " receivables alone (every invoice paid when due), and average days delinquent what DSO is above it;")
                .append(" CEI: what of the collectible was")
                .append(
                        " collected, current receivables excepted. Write-offs: invoices more than 120 days past due and")
                .append(" unpaid at the end. Human touches: approvals decided and tasks handled by the AR team.")
                .append(" ")
                .append(escape(ASSUMPTIONS))
                .append("</small></p>");
        b.append("<h2>The debtors' behaviour: every parameter and its source (")
                .append(escape(r.settings().assumptions().name()))
                .append(")</h2><table class=\"words\"><tr><th>parameter</th><th>value</th><th>source</th></tr>");
        for (Assumptions.Line line : r.settings().assumptions().lines()) {
            b.append("<tr><td>")
                    .append(escape(line.parameter()))
                    .append("</td><td>")
                    .append(escape(line.value()))
                    .append("</td><td>")
                    .append(escape(line.source()))
                    .append("</td></tr>");
        }
        b.append("</table></body></html>\n");
        return b.toString();
    }

    private static String cumulative(Simulation.Result r) {
        int w = 900;
        int h = 280;
        int days = r.settings().days();
        long[] a = running(r.agent().collectedByDay());
        long[] d = running(r.dunning().collectedByDay());
        long[] t = running(r.team().collectedByDay());
        long max = Math.max(1, Math.max(a[days - 1], Math.max(d[days - 1], t[days - 1])));
        StringBuilder s = new StringBuilder("<svg viewBox=\"0 0 " + w + " " + (h + 40) + "\" width=\"100%\""
                + " role=\"img\" aria-label=\"money collected by day\">");
        s.append("<line x1=\"60\" y1=\"")
                .append(h)
                .append("\" x2=\"")
                .append(w)
                .append("\" y2=\"")
                .append(h)
                .append("\" stroke=\"#aaa\"/>");
        s.append("<text x=\"0\" y=\"14\" font-size=\"12\">")
                .append(Simulation.money(max))
                .append("</text>");
        s.append("<text x=\"60\" y=\"").append(h + 20).append("\" font-size=\"12\">day 1</text>");
        s.append("<text x=\"")
                .append(w - 60)
                .append("\" y=\"")
                .append(h + 20)
                .append("\" font-size=\"12\">day ")
                .append(days)
                .append("</text>");
        s.append(line(a, max, w, h, "#1f6feb"))
                .append(line(d, max, w, h, "#999"))
                .append(line(t, max, w, h, "#d9822b"));
        s.append("<text x=\"70\" y=\"20\" fill=\"#1f6feb\" font-size=\"13\">agent ")
                .append(Simulation.money(a[days - 1]))
                .append("</text><text x=\"70\" y=\"38\" fill=\"#777\" font-size=\"13\">plain dunning ")
                .append(Simulation.money(d[days - 1]))
                .append("</text><text x=\"70\" y=\"56\" fill=\"#d9822b\" font-size=\"13\">team alone ")
                .append(Simulation.money(t[days - 1]))
                .append("</text></svg>");
        return s.toString();
    }

    private static long[] running(long[] byDay) {
        long[] out = new long[byDay.length];
        long sum = 0;
        for (int i = 0; i < byDay.length; i++) {
            sum += byDay[i];
            out[i] = sum;
        }
        return out;
    }

    private static String line(long[] values, long max, int w, int h, String colour) {
        StringBuilder p = new StringBuilder(
                "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" + " points=\"");
        for (int i = 0; i < values.length; i++) {
            double x = 60 + (w - 70) * (values.length == 1 ? 0 : (double) i / (values.length - 1));
            double y = h - (h - 10) * ((double) values[i] / max);
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return p.append("\"/>").toString();
    }

    private static String bars(Simulation.Result r) {
        List<String[]> items = List.of(
                new String[] {
                    "promises", "" + r.agent().promises(), "" + r.dunning().promises()
                },
                new String[] {
                    "disputes surfaced",
                    "" + r.agent().disputesSurfaced(),
                    "" + r.dunning().disputesSurfaced()
                },
                new String[] {
                    "replies read",
                    "" + r.agent().repliesRead(),
                    "" + r.dunning().repliesRead()
                },
                new String[] {
                    "human touches",
                    "" + r.agent().humanTouches(),
                    "" + r.dunning().humanTouches()
                },
                new String[] {
                    "messages to opted-out addresses",
                    "" + r.agent().contactedAfterOptOut(),
                    "" + r.dunning().contactedAfterOptOut()
                });
        return chart(items, "outcomes side by side");
    }

    /**
     * Horizontal bars, one row per item: {@code {label, agent}} or {@code {label, agent, plain dunning}} (the second
     * series grey, under the first).
     */
    private static String chart(List<String[]> items, String label) {
        double max = 1;
        for (String[] i : items) {
            for (int k = 1; k < i.length; k++) {
                max = Math.max(max, Double.parseDouble(i[k]));
            }
        }
        int series = items.stream().mapToInt(i -> i.length - 1).max().orElse(1);
        int rowH = 8 + 18 * series;
        StringBuilder s = new StringBuilder("<svg viewBox=\"0 0 900 " + (items.size() * rowH + 10)
                + "\" width=\"100%\" role=\"img\" aria-label=\"" + escape(label) + "\">");
        for (int k = 0; k < items.size(); k++) {
            String[] i = items.get(k);
            int y = k * rowH + 6;
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>",
                    y + 13 + 9 * (series - 1),
                    escape(i[0])));
            for (int n = 1; n < i.length; n++) {
                double w = 520 * Double.parseDouble(i[n]) / max; // labels take the first 300
                int top = y + 19 * (n - 1);
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"300\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                                + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>",
                        top,
                        w,
                        n == 1 ? "#1f6feb" : "#bbb",
                        305 + w,
                        top + 13,
                        i[n]));
            }
        }
        return s.append("</svg>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
