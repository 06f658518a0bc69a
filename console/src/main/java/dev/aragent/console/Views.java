package dev.aragent.console;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.imports.Changes;
import dev.aragent.agent.imports.DataHealthReport;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import dev.aragent.agent.ledger.AgingBucket;
import dev.aragent.agent.ledger.AgingSummary;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of the API and of {@code --json} output, built as ordered maps so the wire format is stated here
 * and not left to reflection. Money is a decimal string with its currency; dates are ISO.
 */
public final class Views {
    private Views() {}

    public static Map<String, Object> money(Money m) {
        return ordered("amount", m.toPlainString(), "currency", m.currency().getCurrencyCode());
    }

    public static Map<String, Object> outcome(ImportOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (outcome) {
            case ImportOutcome.Applied a -> {
                out.put("outcome", "applied");
                out.put("changes", changes(a.changes()));
                out.put("accepted_with_problems", a.acceptedWithProblems());
            }
            case ImportOutcome.Unchanged u -> out.put("outcome", "unchanged");
            case ImportOutcome.Rejected r -> {
                out.put("outcome", "rejected");
                out.put("reason", r.reason());
            }
        }
        out.put("report", report(outcome.report()));
        return out;
    }

    private static Map<String, Object> changes(Changes c) {
        return ordered(
                "inserted", c.inserted(), "updated", c.updated(), "unchanged", c.unchanged(), "closed", c.closed());
    }

    /** What taking a bank file did, for {@code --json} and the API. */
    public static Map<String, Object> taken(dev.aragent.agent.app.CashDesk.Taken t) {
        return ordered(
                "outcome", t.unchanged() ? "unchanged" : "imported",
                "source", t.file().source(),
                "format", t.file().format(),
                "sha256", t.file().sha256(),
                "statements", t.file().statements().size(),
                "entries", t.file().entries(),
                "added", t.filed().added().size(),
                "known", t.filed().known(),
                "same_file", t.filed().sameFile(),
                "applied", t.applied(),
                "waiting", t.waiting());
    }

    public static Map<String, Object> report(DataHealthReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", r.source());
        out.put("kind", r.kind().code());
        out.put("profile", r.profile());
        out.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        out.put("header_line", r.headerLine());
        out.put("rows", r.rows());
        out.put("valid_rows", r.validRows());
        out.put("invalid_rows", r.invalidRows());
        out.put("required_missing_pct", Math.round(r.requiredMissingRatio() * 1000) / 10.0);
        out.put(
                "fields",
                r.fields().stream()
                        .map(f -> ordered(
                                "field",
                                f.field(),
                                "required",
                                f.required(),
                                "missing",
                                f.missing(),
                                "missing_pct",
                                Math.round(f.missingRatio() * 1000) / 10.0,
                                "invalid",
                                f.invalid()))
                        .toList());
        out.put(
                "schema_problems",
                r.schemaProblems().stream()
                        .map(p -> ordered(
                                "column",
                                p.column(),
                                "message",
                                p.message(),
                                "renamed_to",
                                p.renamedTo().orElse(null),
                                "fatal",
                                p.fatal()))
                        .toList());
        out.put(
                "problems",
                r.problems().stream()
                        .map(p ->
                                ordered("line", p.line(), "field", p.field(), "value", p.value(), "reason", p.reason()))
                        .toList());
        out.put("notes", r.notes());
        return out;
    }

    public static Map<String, Object> invoice(Invoice i) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", i.number());
        out.put("customer", i.customer().value());
        out.put("po_number", i.poNumber().orElse(null));
        out.put("issue_date", i.issueDate().toString());
        out.put("due_date", i.dueDate().toString());
        out.put("amount", money(i.amount()));
        out.put("open_balance", money(i.openBalance()));
        out.put("status", i.status().code());
        out.put("settled_date", i.settledDate().map(Object::toString).orElse(null));
        out.put("disputed", i.disputed());
        return out;
    }

    public static Map<String, Object> summary(AgingSummary s) {
        return ordered(
                "as_of",
                s.asOf().toString(),
                "currencies",
                s.currencies().stream()
                        .map(c -> {
                            Map<String, Object> buckets = new LinkedHashMap<>();
                            for (AgingBucket b : AgingBucket.values()) {
                                buckets.put(
                                        b.label(),
                                        ordered(
                                                "balance",
                                                c.balance().get(b).toPlainString(),
                                                "invoices",
                                                c.count().get(b)));
                            }
                            return ordered(
                                    "currency",
                                    c.currency().getCurrencyCode(),
                                    "total_open",
                                    c.totalOpen().toPlainString(),
                                    "open_invoices",
                                    c.openInvoices(),
                                    "buckets",
                                    buckets,
                                    "sales_last_90_days",
                                    c.salesInPeriod().toPlainString(),
                                    "dso_days",
                                    c.dso().map(Object::toString).orElse(null));
                        })
                        .toList());
    }

    /** Today's queue for a tenant, with the reason scoring is blocked when it is. */
    public static Map<String, Object> queue(
            TenantId tenant, Optional<String> scoringBlocked, dev.aragent.agent.queue.ActionQueue.Plan plan) {
        List<Map<String, Object>> rows = plan.entries().stream()
                .map(e -> ordered(
                        "rank",
                        e.rank(),
                        "account",
                        e.customer().value(),
                        "customer",
                        e.customerName(),
                        "contact",
                        e.contact()
                                .map(c -> ordered(
                                        "name",
                                        c.name(),
                                        "email",
                                        c.email().orElse(null),
                                        "phone",
                                        c.phone().orElse(null)))
                                .orElse(null),
                        "invoices",
                        e.invoiceNumbers(),
                        "amount",
                        money(e.amount()),
                        "days_overdue",
                        e.daysOverdue(),
                        "time_zone",
                        e.timeZone().getId(),
                        "priority",
                        Math.round(e.priority() * 100) / 100.0,
                        "risk",
                        Math.round(e.risk() * 1000) / 1000.0,
                        "risk_note",
                        dev.aragent.agent.risk.Assessment.FRAMING,
                        "factors",
                        e.factors().stream()
                                .map(f -> ordered(
                                        "factor",
                                        f.column(),
                                        "words",
                                        f.words(),
                                        "contribution",
                                        Math.round(f.contribution() * 1000) / 1000.0))
                                .toList(),
                        "action",
                        ordered(
                                "channel",
                                e.action().channel().code(),
                                "strategy",
                                e.action().strategy().code(),
                                "when",
                                e.action().when().toOffsetDateTime().toString(),
                                "cadence_step",
                                e.action().step()),
                        "notes",
                        e.notes()))
                .toList();
        return ordered(
                "tenant",
                tenant.value(),
                "ordering",
                "expected value of acting now: amount x risk x recoverable share, with the AR manager's rules",
                "model",
                ordered(
                        "kind",
                        plan.model().kind(),
                        "version",
                        plan.model().version(),
                        "trained_at",
                        plan.model().trainedAt().toString(),
                        "test_auc",
                        plan.model()
                                .test()
                                .map(m -> Math.round(m.auc() * 1000) / 1000.0)
                                .orElse(null),
                        "why",
                        plan.model().why()),
                "scoring_blocked",
                scoringBlocked.orElse(null),
                "accounts_with_open_invoices",
                plan.accountsWithOpenInvoices(),
                "waiting_for_next_step",
                plan.waiting(),
                "skipped",
                plan.skipped().stream()
                        .map(k -> ordered("account", k.customer().value(), "customer", k.name(), "reason", k.reason()))
                        .toList(),
                "entries",
                rows);
    }

    /** Portfolio figures and the likely-write-off list, as {@code ar-agent report --json} and {@code /api/report}. */
    public static Map<String, Object> report(dev.aragent.agent.report.Portfolio.Report r) {
        Map<String, Object> buckets = new java.util.LinkedHashMap<>();
        r.buckets().forEach((b, m) -> buckets.put(b.label(), money(m)));
        return ordered(
                "as_of",
                r.day().toString(),
                "currency",
                r.currency().getCurrencyCode(),
                "open",
                money(r.open()),
                "buckets",
                buckets,
                "dso_days",
                round(r.dso(), 10),
                "caveat",
                r.caveat().orElse(null),
                "cei_percent_30_days",
                round(r.cei(), 10),
                "promise_to_pay_conversion",
                round(r.promiseConversion(), 1000),
                "promises_kept",
                round(r.promisesKept(), 1000),
                "write_off_exposure",
                round(r.writeOffExposure(), 1000),
                "accounts_answered",
                r.accountsAnswered(),
                "accounts_promised",
                r.accountsPromised(),
                "promises_kept_count",
                r.promisesKeptCount(),
                "promises_broken_count",
                r.promisesBrokenCount(),
                "risk_note",
                dev.aragent.agent.risk.Assessment.FRAMING,
                "model",
                ordered(
                        "kind",
                        r.model().kind(),
                        "version",
                        r.model().version(),
                        "why",
                        r.model().why()),
                "likely_write_off_invoices",
                r.likelyWriteOffInvoices(),
                "likely_write_off_accounts",
                r.likelyWriteOffAccounts(),
                "likely_write_off_open",
                money(r.likelyWriteOffTotal()),
                "likely_write_offs",
                r.likelyWriteOffs().stream()
                        .map(w -> ordered(
                                "account",
                                w.customer(),
                                "customer",
                                w.customerName(),
                                "invoices",
                                w.invoices(),
                                "open",
                                money(w.open()),
                                "oldest_days_past_due",
                                w.daysPastDue(),
                                "risk",
                                Math.round(w.assessment().risk() * 1000) / 1000.0,
                                "factors",
                                w.assessment().factors().stream()
                                        .map(dev.aragent.agent.risk.Factor::display)
                                        .toList()))
                        .toList());
    }

    private static @org.jspecify.annotations.Nullable Double round(Optional<Double> v, int scale) {
        return v.map(x -> Math.round(x * scale) / (double) scale).orElse(null);
    }

    /** A reading of a debtor's message, as {@code classify} prints it and the API returns it. */
    public static Map<String, Object> understanding(Understanding u) {
        return ordered(
                "intent",
                u.intent().code(),
                "confidence",
                u.confidence(),
                "also",
                u.alsoMentioned().stream().map(Intent::code).toList(),
                "amounts",
                u.amounts().stream().map(Amount::display).toList(),
                "dates",
                u.dates().stream().map(LocalDate::toString).toList(),
                "invoices",
                u.invoiceNumbers(),
                "new_email",
                u.newEmail().orElse(null),
                "new_phone",
                u.newPhone().orElse(null),
                "contact_name",
                u.contactName().orElse(null),
                "dispute_reason",
                u.disputeReason().orElse(null),
                "injection",
                u.injection(),
                "reader",
                u.reader());
    }

    /** An insertion-ordered map from alternating keys and values; null values are kept as JSON null. */
    public static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
    /** The JSON of an approval card. */
    public static Map<String, Object> approval(ApprovalCard card) {
        Approval a = card.approval();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("status", a.status().code());
        m.put("customer", a.customer().value());
        m.put("customer_name", a.customerName());
        m.put("channel", a.channel().code());
        m.put("open_balance", money(card.openBalance()));
        m.put("proposed", terms(a.proposed()));
        m.put("debtors_own", a.debtorsOwn());
        m.put("whose", card.whose());
        m.put("limits", card.limits());
        m.put("agent_offered", card.agentOffered().map(Views::terms).orElse(null));
        m.put("stale", card.stale().orElse(null));
        m.put("debtor_words", a.debtorWords());
        m.put("against_policy", a.reasons());
        m.put("approver", a.approver());
        m.put("fallback", a.fallback().map(Views::terms).orElse(null));
        m.put("risk", card.risk().orElse(null));
        m.put("risk_factors", card.riskFactors());
        m.put("risk_note", dev.aragent.agent.risk.Assessment.FRAMING);
        m.put("debtor_text", a.debtorText().orElse(null));
        m.put("drafted_reply", card.draftedReply().orElse(null));
        m.put("citations", a.citations());
        m.put("requested_at", a.requestedAt().toString());
        m.put("decide_by", card.deadline().toString());
        m.put("decided_at", a.decidedAt().map(Instant::toString).orElse(null));
        m.put("decided_by", a.decidedBy().orElse(null));
        m.put("note", a.note().orElse(null));
        m.put("agreed", a.agreed().map(Views::terms).orElse(null));
        return m;
    }

    private static Map<String, Object> terms(Terms t) {
        List<Object> list = new ArrayList<>();
        for (Installment i : t.installments()) {
            list.add(ordered("due", i.due().toString(), "amount", i.amount().toPlainString()));
        }
        return ordered("balance", money(t.balance()), "discount_percent", t.discountPercent(), "installments", list);
    }
}
