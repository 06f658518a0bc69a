package dev.aragent.console;

import dev.aragent.agent.access.Member;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.AgingSummary;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.risk.Metrics;
import dev.aragent.agent.risk.RiskModel;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The human-readable reports the CLI prints: data health, import outcome, AR summary, the queue. */
public final class TextReports {
    private static final int MAX_PROBLEMS = 25;

    private TextReports() {}

    public static void health(PrintStream out, DataHealthReport r) {
        out.printf(
                Locale.ROOT,
                "Data health: %s (%s, profile %s)%n",
                r.source(),
                r.kind().description(),
                r.profile());
        out.printf(Locale.ROOT, "  verdict: %s%n", verdict(r.verdict()));
        if (r.headerLine() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  header on line %d; %,d data rows, %,d valid, %,d invalid; required cells empty: %.1f%%%n",
                    r.headerLine(),
                    r.rows(),
                    r.validRows(),
                    r.invalidRows(),
                    r.requiredMissingRatio() * 100);
        }
        for (DataHealthReport.SchemaProblem p : r.schemaProblems()) {
            out.printf(Locale.ROOT, "  %s %s%n", p.fatal() ? "SCHEMA:" : "note:", p.message());
        }
        List<DataHealthReport.FieldHealth> gaps = r.fields().stream()
                .filter(f -> f.missing() > 0 || f.invalid() > 0)
                .toList();
        if (!gaps.isEmpty()) {
            out.println("  fields with gaps:");
            out.printf(Locale.ROOT, "    %-18s %-9s %9s %8s %8s%n", "field", "", "missing", "%", "invalid");
            for (DataHealthReport.FieldHealth f : gaps) {
                out.printf(
                        Locale.ROOT,
                        "    %-18s %-9s %,9d %7.1f%% %,8d%n",
                        f.field(),
                        f.required() ? "required" : "optional",
                        f.missing(),
                        f.missingRatio() * 100,
                        f.invalid());
            }
        }
        if (!r.problems().isEmpty()) {
            out.println("  invalid rows:");
            r.problems().stream()
                    .limit(MAX_PROBLEMS)
                    .forEach(p -> out.printf(
                            Locale.ROOT,
                            "    line %d, %s%s: %s%n",
                            p.line(),
                            p.field(),
                            p.value().isEmpty() ? "" : " '" + p.value() + "'",
                            p.reason()));
            if (r.problems().size() > MAX_PROBLEMS) {
                out.printf(
                        Locale.ROOT,
                        "    … and %,d more (use --json for all)%n",
                        r.problems().size() - MAX_PROBLEMS);
            }
        }
        r.notes().forEach(n -> out.println("  note: " + n));
    }

    private static String verdict(DataHealthReport.Verdict v) {
        return switch (v) {
            case CLEAN -> "clean: every row is valid";
            case INVALID_ROWS -> "some rows are invalid";
            case BLOCKED_MISSING_DATA -> "BLOCKED: more than 10% of required cells are empty";
            case SCHEMA_MISMATCH -> "SCHEMA MISMATCH: the columns cannot be mapped";
            case EMPTY -> "empty: no data rows";
        };
    }

    public static void outcome(PrintStream out, ImportOutcome outcome) {
        switch (outcome) {
            case ImportOutcome.Applied a ->
                out.println("Imported: " + changes(a.changes())
                        + (a.acceptedWithProblems() ? " (invalid rows skipped: report accepted)" : ""));
            case ImportOutcome.Unchanged u ->
                out.println("No changes: the book already matches this file; nothing was written.");
            case ImportOutcome.Rejected r -> out.println("Rejected, nothing was written: " + r.reason());
        }
    }

    /** What taking a bank file did: its statements and entries, what was new, applied, and left for a person. */
    public static void bankFile(PrintStream out, dev.aragent.agent.app.CashDesk.Taken t) {
        var file = t.file();
        long in = file.statements().stream()
                .flatMap(st -> st.entries().stream())
                .filter(dev.aragent.agent.cash.BankTransaction::credit)
                .count();
        out.printf(
                Locale.ROOT,
                "Bank file %s (%s): %,d statement%s, %,d entries (%,d in, %,d out).%n",
                file.source(),
                file.format(),
                file.statements().size(),
                file.statements().size() == 1 ? "" : "s",
                file.entries(),
                in,
                file.entries() - in);
        if (t.unchanged()) {
            out.println(Imports.BankCheck.unchanged(t));
            return;
        }
        long receipts = t.filed().added().stream()
                .filter(l -> l.state() == dev.aragent.agent.cash.BankLine.State.OPEN)
                .count();
        out.printf(
                Locale.ROOT,
                "Imported: %,d new entries (%,d receipts), %,d already in the cash book.%n"
                        + "Applied by the agent: %,d. Waiting in the unapplied-cash queue: %,d.%n",
                t.filed().added().size(),
                receipts,
                t.filed().known(),
                t.applied(),
                t.waiting());
    }

    public static String changes(Changes c) {
        return String.format(
                Locale.ROOT,
                "%,d new, %,d updated, %,d unchanged, %,d closed",
                c.inserted(),
                c.updated(),
                c.unchanged(),
                c.closed());
    }

    public static void summary(PrintStream out, AgingSummary summary) {
        out.println("AR summary as of " + summary.asOf());
        if (summary.currencies().isEmpty()) {
            out.println("  no open invoices");
        }
        for (AgingSummary.CurrencyAging c : summary.currencies()) {
            out.printf(Locale.ROOT, "  %s%n", c.currency().getCurrencyCode());
            out.printf(Locale.ROOT, "    %-10s %18s %9s %7s%n", "bucket", "open balance", "invoices", "share");
            for (AgingBucket b : AgingBucket.values()) {
                double share = c.totalOpen().isZero()
                        ? 0
                        : 100.0 * c.balance().get(b).minor() / c.totalOpen().minor();
                out.printf(
                        Locale.ROOT,
                        "    %-10s %18s %,9d %6.1f%% %s%n",
                        b.label(),
                        c.balance().get(b).format(),
                        c.count().get(b),
                        share,
                        "█".repeat((int) Math.round(share / 4)));
            }
            out.printf(
                    Locale.ROOT, "    %-10s %18s %,9d%n", "total", c.totalOpen().format(), c.openInvoices());
            out.printf(
                    Locale.ROOT,
                    "    DSO: %s (open AR %s ÷ %s invoiced in the last %d days × %d)%n",
                    c.dso().map(d -> d + " days").orElse("n/a (no sales in the period)"),
                    c.totalOpen().format(),
                    c.salesInPeriod().format(),
                    AgingSummary.DSO_PERIOD_DAYS,
                    AgingSummary.DSO_PERIOD_DAYS);
        }
    }

    public static void queue(PrintStream out, List<QueueEntry> entries) {
        out.printf(
                Locale.ROOT,
                "  %4s  %-30s %5s %13s %4s %5s %9s  %-6s %-22s %s%n",
                "rank",
                "account",
                "inv",
                "amount",
                "days",
                "risk",
                "priority",
                "via",
                "strategy",
                "when (debtor's time)");
        for (QueueEntry e : entries) {
            out.printf(
                    Locale.ROOT,
                    "  %4d  %-30s %5d %13s %4d %5.2f %,9.0f  %-6s %-22s %s%n",
                    e.rank(),
                    cut(e.customerName(), 30),
                    e.invoices().size(),
                    e.amount().format(),
                    e.daysOverdue(),
                    e.risk(),
                    e.priority(),
                    e.action().channel().code(),
                    e.action().strategy().words(),
                    e.action().when().format(WHEN));
        }
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM d HH:mm zzz", Locale.US);

    /** The why of one entry: risk factors in words, the priority arithmetic and the rules applied. */
    public static void why(PrintStream out, QueueEntry e) {
        out.printf(
                Locale.ROOT,
                "  #%d %s (%s), invoices %s: risk %.2f (%s)%n",
                e.rank(),
                e.customerName(),
                e.customer().value(),
                String.join(", ", e.invoiceNumbers()),
                e.risk(),
                dev.aragent.agent.risk.Assessment.FRAMING);
        for (var f : e.factors()) {
            out.println("      factor: " + f.display());
        }
        for (String n : e.notes()) {
            out.println("      " + n);
        }
    }

    public static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** An approval card in a few lines: what is asked, of whom, against which policy; {@code full} adds the reply. */
    public static void approval(PrintStream out, ApprovalCard card, boolean full) {
        Approval a = card.approval();
        out.printf(
                Locale.ROOT,
                "%s  %s  %s (%s, %s)%n",
                a.id(),
                a.status().code().toUpperCase(Locale.ROOT),
                a.customerName(),
                a.customer().value(),
                a.channel().code());
        out.println("  total open on the account " + card.openBalance().format() + "; proposed "
                + a.proposed().describe());
        out.println("  " + card.whose());
        card.stale().ifPresent(why -> out.println("  STALE: " + why));
        out.println("  against policy: " + String.join("; ", a.reasons()));
        if (!card.limits().isBlank()) {
            out.println("  " + card.limits());
        }
        card.agentOffered().ifPresent(o -> out.println("  the agent offered them: " + o.describe()));
        a.debtorWords().forEach(w -> out.println("  they wrote " + w.strip().replaceAll("\\s+", " ")));
        a.fallback().ifPresent(f -> out.println("  agent may offer alone: " + f.describe()));
        card.risk()
                .ifPresent(r -> out.printf(
                        Locale.ROOT,
                        "  risk %.2f (%s): %s%n",
                        r,
                        Assessment.FRAMING,
                        String.join(", ", card.riskFactors())));
        if (a.debtorWords().isEmpty()) {
            a.debtorText()
                    .ifPresent(t -> out.println("  they wrote: " + t.strip().replaceAll("\\s+", " ")));
        }
        if (full) {
            card.draftedReply().ifPresent(t -> out.println("  reply on approval:\n    " + t.replace("\n", "\n    ")));
            a.citations().forEach(c -> out.println("  cited: " + c));
        }
        if (a.status() == Approval.Status.PENDING) {
            out.println("  decide by " + card.deadline() + " (approver: " + a.approver() + ")");
        } else {
            out.println("  " + a.status().code()
                    + a.decidedBy().map(b -> " by " + b).orElse("")
                    + a.decidedAt().map(t -> " at " + t).orElse("")
                    + a.note().map(n -> ": " + n).orElse(""));
        }
    }

    /** A tenant's people as {@code users list} shows them: login, name, role, Slack user, and whether they may sign in. */
    public static void people(PrintStream out, List<Member> members, Instant now) {
        out.printf(Locale.ROOT, "%-36s %-24s %-11s %-12s %s%n", "login", "name", "role", "slack", "state");
        for (Member m : members) {
            out.printf(
                    Locale.ROOT,
                    "%-36s %-24s %-11s %-12s %s%n",
                    m.person().login(),
                    m.person().name(),
                    m.membership().role().code(),
                    m.membership().slackUser().orElse("-"),
                    m.person().disabled()
                            ? "disabled"
                            : m.person().lockedAt(now)
                                    ? "locked until " + m.person().lockedUntil().orElseThrow()
                                    : "active");
        }
    }

    /** What a decision on an approval came to: the reply queued for the debtor, why nothing changed, or (to err) why not. */
    public static void decision(PrintStream out, PrintStream err, Outcome outcome) {
        switch (outcome) {
            case Outcome.Decided d -> {
                out.println("Decided: " + d.approval().status().code() + ". Reply queued for the debtor:");
                out.println(d.reply().map(r -> "  " + r.replace("\n", "\n  ")).orElse("  (none)"));
            }
            case Outcome.Unchanged u -> out.println(u.message());
            case Outcome.Refused r -> err.println(r.message());
        }
    }

    /** The model's figures, one {@code name: value} line each, then its calibration table. */
    public static void riskModel(PrintStream out, RiskModel model) {
        RiskModel.Info i = model.info();
        out.printf(
                Locale.ROOT,
                "risk.model: %s v%d (%d rounds), horizon %d days%n",
                i.kind(),
                i.version(),
                i.rounds(),
                i.horizonDays());
        out.printf(Locale.ROOT, "risk.rows.train: %d (%s)%n", i.trainRows(), i.trainSpan());
        out.printf(Locale.ROOT, "risk.rows.test: %d (%s)%n", i.testRows(), i.testSpan());
        i.test().ifPresent(m -> figures(out, "risk.model", m));
        for (RiskModel.Candidate c : i.candidates()) {
            out.printf(
                    Locale.ROOT,
                    "risk.candidate.%s.auc: %.4f (calibration error %.4f; %s)%n",
                    c.name().replace(RiskModel.RULE_PREFIX, "rule_"),
                    c.test().auc(),
                    c.test().ece(),
                    c.description());
        }
        out.println("risk.orders_queue: " + i.kind());
        out.println("risk.why: " + i.why());
        i.test().ifPresent(m -> {
            out.println("calibration on held-out rows (predicted vs observed share paid in time):");
            for (Metrics.Bin b : m.bins()) {
                out.printf(
                        Locale.ROOT,
                        "  %.1f–%.1f  %6d rows  predicted %.3f  observed %.3f  %s%n",
                        b.from(),
                        b.to(),
                        b.count(),
                        b.meanPredicted(),
                        b.observed(),
                        "#".repeat((int) Math.round(b.observed() * 30)));
            }
        });
    }

    private static void figures(PrintStream out, String name, Metrics m) {
        out.printf(Locale.ROOT, "%s.auc: %.4f%n", name, m.auc());
        out.printf(Locale.ROOT, "%s.log_loss: %.4f%n", name, m.logLoss());
        out.printf(Locale.ROOT, "%s.brier: %.4f%n", name, m.brier());
        out.printf(Locale.ROOT, "%s.calibration_error: %.4f%n", name, m.ece());
    }
}
