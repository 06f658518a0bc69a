package dev.aragent.console;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.app.AccountActions;
import dev.aragent.agent.app.CashDesk;
import dev.aragent.agent.app.ImportFiles;
import dev.aragent.agent.app.Office;
import dev.aragent.agent.app.RulesDesk;
import dev.aragent.agent.app.TaskDesk;
import dev.aragent.agent.app.Workbench;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.rules.RuleSheet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each console page answers, free of any web server: a request's person, the session's CSRF token and the
 * fields it sent, in; a page or a fragment (or a plain "no such …" with its status), out. The server routes to these
 * behind its gate; the use cases they call are the application layer's.
 */
public final class Screens {
    /** Accounts the worklist lists at most, and tasks. */
    static final int QUEUE = 100;

    private final Workbench work;
    private final TaskDesk desk;
    private final ImportFiles files;
    private final AccountActions actions;
    private final Function<TenantId, Optional<Office>> offices;
    private final RulesDesk rules;
    private final dev.aragent.agent.app.Reports reports;
    private final Function<TenantId, CashDesk> cash;

    private Screens(
            Workbench work,
            TaskDesk desk,
            ImportFiles files,
            AccountActions actions,
            Function<TenantId, Optional<Office>> offices,
            RulesDesk rules,
            dev.aragent.agent.app.Reports reports,
            Function<TenantId, CashDesk> cash) {
        this.cash = cash;
        this.rules = rules;
        this.reports = reports;
        this.work = work;
        this.desk = desk;
        this.files = files;
        this.actions = actions;
        this.offices = offices;
    }

    /**
     * {@code offices}: the tenant's back office, when this service runs it (approvals live there); {@code cash}: the
     * tenant's cash application.
     */
    public static Screens create(
            Workbench work,
            TaskDesk desk,
            ImportFiles files,
            AccountActions actions,
            Function<TenantId, Optional<Office>> offices,
            RulesDesk rules,
            dev.aragent.agent.app.Reports reports,
            Function<TenantId, CashDesk> cash) {
        return new Screens(work, desk, files, actions, offices, rules, reports, cash);
    }

    /** What a page answers a form posted to it: as {@code who}, about the thing {@code key} names, with its fields. */
    @FunctionalInterface
    public interface Posted {
        Reply answer(Principal who, String csrf, String key, Map<String, String> fields);
    }

    /** An answer: HTML (a page or a fragment) with 200, or a plain sentence with another status. */
    public record Reply(int status, String body) {
        static Reply html(String body) {
            return new Reply(200, body);
        }

        static Reply missing(String what) {
            return new Reply(404, "No such " + what + ".");
        }

        public boolean html() {
            return status == 200;
        }
    }

    public Reply today(Principal who, String csrf) {
        var w = work.today(who.tenant(), QUEUE);
        return Reply.html(Pages.today(Today.of(who, csrf, w)));
    }

    public Reply accounts(Principal who, String csrf, String query) {
        return Reply.html(Pages.accounts(Accounts.of(Who.of(who, csrf), query, work.find(who.tenant(), query, 50))));
    }

    public Reply account(Principal who, String csrf, String key) {
        return work.account(who.tenant(), key)
                .map(a -> Reply.html(Pages.account(Account.of(Who.of(who, csrf), a))))
                .orElse(Reply.missing("account"));
    }

    /** An account paused, taken over, resumed or handed back: its collection section again. */
    public Reply hold(Principal who, String csrf, String key, Map<String, String> f) {
        var zone = work.day(who.tenant()).zone();
        return switch (actions.act(who, key, f.get("action"), f.get("reason"))) {
            case AccountActions.Result.Done d -> {
                work.changed(who.tenant()); // the worklist leaves the account out, or takes it back
                yield Reply.html(Pages.hold(HoldView.of(key, d.hold(), Optional.empty(), zone, csrf)));
            }
            case AccountActions.Result.Refused r ->
                Reply.html(Pages.hold(HoldView.of(key, r.hold(), Optional.of(r.reason()), zone, csrf)));
            case AccountActions.Result.Unknown u -> Reply.missing("account");
        };
    }

    /** A note written on an account: its timeline again, the note on top (or why it was refused). */
    public Reply note(Principal who, String csrf, String key, Map<String, String> f) {
        var result = actions.note(who, key, f.get("text"));
        return timeline(who, csrf, key, result instanceof AccountActions.Result.Refused r ? r.reason() : "");
    }

    /** The account's timeline section again, with why the last thing asked of it was refused ("": it was not). */
    private Reply timeline(Principal who, String csrf, String key, String refused) {
        return work.account(who.tenant(), key)
                .map(a -> Reply.html(Pages.timeline(Account.of(Who.of(who, csrf), a), refused)))
                .orElse(Reply.missing("account"));
    }

    /** A call or an outcome logged on an account: its timeline again, the outcome on top (or why it was refused). */
    public Reply logCall(Principal who, String csrf, String key, Map<String, String> f) {
        var result = actions.log(who, key, f.get("outcome"), f.get("on"), f.get("note"));
        if (result instanceof AccountActions.Logged.Unknown) {
            return Reply.missing("account");
        }
        if (result instanceof AccountActions.Logged.Done) {
            work.changed(who.tenant()); // a dated outcome takes the account off the queue until then
        }
        return timeline(who, csrf, key, result instanceof AccountActions.Logged.Refused r ? r.reason() : "");
    }

    /** A contact changed or added on an account: its contacts again (or why nothing changed). */
    public Reply contact(Principal who, String csrf, String key, Map<String, String> f) {
        var result = actions.contact(who, key, f);
        if (result instanceof AccountActions.Changed.Unknown) {
            return Reply.missing("account");
        }
        String refused = result instanceof AccountActions.Changed.Refused r ? r.reason() : "";
        return work.account(who.tenant(), key)
                .map(a -> Reply.html(Pages.contacts(Account.of(Who.of(who, csrf), a), refused)))
                .orElse(Reply.missing("account"));
    }

    /** A statement emailed to the account now: its timeline again, the queued email on top (or why not). */
    public Reply statement(Principal who, String csrf, String key, Map<String, String> f) {
        Optional<Workbench.AccountPage> page = work.account(who.tenant(), key);
        if (page.isEmpty()) {
            return Reply.missing("account");
        }
        String refused = offices.apply(who.tenant())
                .map(o -> o.statement(who, page.get().record(), page.get().today()))
                .map(s -> s instanceof Office.Statement.Refused r ? r.reason() : "")
                .orElse("this service sends no email for this tenant: no mailbox is configured");
        return timeline(who, csrf, key, refused);
    }

    /** A task closed from the worklist: its row again, closed, or with why nothing changed. */
    public Reply closeTask(Principal who, String csrf, String id, Map<String, String> f) {
        var result = desk.close(who, id, f.get("outcome"), f.get("on"), f.get("note"));
        Workbench.Day day = work.day(who.tenant());
        Optional<TaskRow> row =
                switch (result) {
                    case TaskDesk.Result.Done d -> {
                        work.changed(who.tenant()); // a dated outcome takes the account off the queue
                        yield Optional.of(TaskRow.of(
                                d.task(), d.closing(), Optional.empty(), day.date(), day.zone(), csrf, who.login()));
                    }
                    case TaskDesk.Result.Refused r ->
                        r.task()
                                .map(t -> TaskRow.of(
                                        t,
                                        Optional.empty(),
                                        Optional.of(r.reason()),
                                        day.date(),
                                        day.zone(),
                                        csrf,
                                        who.login()));
                };
        return row.map(r -> Reply.html(Pages.taskRow(r))).orElse(Reply.missing("task"));
    }

    /** The imports page: the upload form and the history. */
    public Reply imports(Principal who, String csrf) {
        return Reply.html(Pages.imports(Imports.of(
                Who.of(who, csrf),
                work.imports(who.tenant(), 50),
                cash.apply(who.tenant()).files(who.tenant(), 50),
                work.day(who.tenant()).zone())));
    }

    /**
     * A file checked ({@code apply} false: its health report, nothing written) or imported as the person chose
     * ({@code accept}: only its valid rows).
     */
    public Reply importFile(
            Principal who, String source, String profile, String kind, byte[] content, boolean apply, boolean accept) {
        if (content.length == 0) {
            return new Reply(400, "Choose a file: this one is empty.");
        }
        String name = source.isBlank() ? "upload.csv" : source;
        String query = "filename=" + enc(name) + "&profile=" + enc(profile) + "&kind=" + enc(kind);
        if (kind.strip().equalsIgnoreCase("bank")) {
            return bankFile(who, name, content, apply, query);
        }
        try {
            if (!apply) {
                return Reply.html(Pages.importCheck(
                        Imports.Check.of(files.check(who.tenant(), name, content, profile, kind), query)));
            }
            var outcome = files.apply(who.tenant(), name, content, profile, kind, accept, who.actor());
            work.changed(who.tenant());
            return Reply.html(Pages.importCheck(Imports.Check.of(outcome, query)));
        } catch (IllegalArgumentException e) {
            return new Reply(400, "The file could not be read: " + e.getMessage());
        }
    }

    /** A bank file read (nothing written) or taken into the cash book; a file its reader refuses changes nothing. */
    private Reply bankFile(Principal who, String name, byte[] content, boolean apply, String query) {
        try {
            if (!apply) {
                return Reply.html(
                        Pages.bankCheck(Imports.BankCheck.read(files.readBank(who.tenant(), name, content), query)));
            }
            if (!who.may(Permission.CASH)) {
                return new Reply(403, "Taking a bank file in applies receipts: your role may not apply cash.");
            }
            var taken = files.takeBank(who.tenant(), name, content, who.actor());
            work.changed(who.tenant());
            return Reply.html(Pages.bankCheck(Imports.BankCheck.taken(taken, query)));
        } catch (IllegalArgumentException e) {
            return new Reply(400, "The bank file was refused, nothing was written: " + e.getMessage());
        }
    }

    /** The unapplied-cash page. */
    public Reply cash(Principal who, String csrf) {
        CashDesk desk = cash.apply(who.tenant());
        return Reply.html(Pages.cash(CashView.of(
                Who.of(who, csrf),
                desk.tally(who.tenant()),
                desk.waiting(who.tenant(), QUEUE),
                desk.threshold(),
                who.may(Permission.CASH))));
    }

    /**
     * A receipt decided from its row ({@code action}: {@code candidate} with its {@code rank}, {@code apply} with a
     * {@code customer} and {@code invoices}, {@code aside} with a {@code reason}): its row again, closed, or with why
     * nothing changed.
     */
    public Reply decideCash(Principal who, String csrf, String id, Map<String, String> f) {
        long line;
        try {
            line = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Reply.missing("receipt");
        }
        CashDesk desk = cash.apply(who.tenant());
        TenantId t = who.tenant();
        CashDesk.Decided decided =
                switch (f.getOrDefault("action", "")) {
                    case "candidate" -> {
                        try {
                            yield desk.applyCandidate(
                                    t, line, Integer.parseInt(f.getOrDefault("rank", "")), who.actor());
                        } catch (NumberFormatException e) {
                            yield new CashDesk.Decided.Refused("choose one of the ways proposed");
                        }
                    }
                    case "apply" -> {
                        String customer = f.getOrDefault("customer", "").strip();
                        if (customer.isEmpty()) {
                            yield new CashDesk.Decided.Refused("name the customer");
                        }
                        List<String> invoices = java.util.Arrays.stream(
                                        f.getOrDefault("invoices", "").split("[,;\\s]+"))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList();
                        yield desk.apply(
                                t, line, dev.aragent.agent.ledger.CustomerKey.of(customer), invoices, who.actor());
                    }
                    case "aside" -> desk.setAside(t, line, f.getOrDefault("reason", ""), who.actor());
                    default -> new CashDesk.Decided.Refused("choose to apply the receipt or to set it aside");
                };
        if (decided instanceof CashDesk.Decided.Done) {
            work.changed(t);
        }
        String result =
                switch (decided) {
                    case CashDesk.Decided.Done d -> "Done: " + d.outcome() + ".";
                    case CashDesk.Decided.Closed c ->
                        "Someone closed this receipt first (" + c.state().code() + "); nothing changed.";
                    case CashDesk.Decided.Refused r -> "Not applied: " + r.reason() + ".";
                };
        return desk.waiting(t, line)
                .map(w -> Reply.html(Pages.cashRow(CashView.row(
                        w, result, !(decided instanceof CashDesk.Decided.Done), who.may(Permission.CASH), csrf))))
                .orElse(Reply.missing("receipt"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A task taken ({@code mine} "true") or given back: its row again. */
    public Reply takeTask(Principal who, String csrf, String id, Map<String, String> f) {
        Workbench.Day day = work.day(who.tenant());
        return switch (desk.take(who, id, "true".equals(f.get("mine")))) {
            case TaskDesk.Result.Done d ->
                Reply.html(Pages.taskRow(TaskRow.of(d.task(), day.date(), day.zone(), csrf, who.login())));
            case TaskDesk.Result.Refused r ->
                r.task()
                        .map(t -> Reply.html(Pages.taskRow(TaskRow.of(
                                t,
                                Optional.empty(),
                                Optional.of(r.reason()),
                                day.date(),
                                day.zone(),
                                csrf,
                                who.login()))))
                        .orElse(Reply.missing("task"));
        };
    }

    /** What waits for a decision and what was decided lately. */
    public Reply approvals(Principal who, String csrf) {
        TenantId tenant = who.tenant();
        var zone = work.day(tenant).zone();
        Optional<Office> office = offices.apply(tenant);
        Function<List<Approval>, List<ApprovalView>> cards = list -> list.stream()
                .map(a -> ApprovalView.of(office.get().card(tenant, a), zone, csrf))
                .toList();
        var book = office.map(Office::approvals);
        return Reply.html(Pages.approvals(new Approvals(
                Who.of(who, csrf),
                office.isPresent(),
                book.map(d -> cards.apply(d.pending(tenant))).orElse(List.of()),
                book.map(d -> cards.apply(d.recent(tenant, 20).stream()
                                .filter(a -> a.status() != Approval.Status.PENDING)
                                .toList()))
                        .orElse(List.of()))));
    }

    /** An approval decided from its card: the card again, decided, or with why nothing changed. */
    public Reply decide(Principal who, String csrf, String id, Map<String, String> fields) {
        TenantId tenant = who.tenant();
        Optional<Office> office = offices.apply(tenant);
        if (office.isEmpty()) {
            return Reply.missing("approval");
        }
        Outcome o = office.get().decide(who, id, fields);
        if (o instanceof Outcome.Decided) {
            work.changed(tenant);
        }
        Optional<Approval> a =
                switch (o) {
                    case Outcome.Decided d -> Optional.of(d.approval());
                    case Outcome.Unchanged u -> Optional.of(u.approval());
                    case Outcome.Refused r -> office.get().find(tenant, id);
                };
        return a.map(x -> Reply.html(Pages.approvalCard(ApprovalView.of(
                        office.get().card(tenant, x),
                        Optional.of(o),
                        work.day(tenant).zone(),
                        csrf))))
                .orElse(Reply.missing("approval"));
    }

    /** The rules in force as a form. */
    public Reply rules(Principal who, String csrf) {
        RulesDesk.Rules r = rules.current(who.tenant());
        return Reply.html(Pages.rules(RulesView.of(
                Who.of(who, csrf),
                r,
                r.sheet(),
                List.of(),
                who.may(Permission.RULES),
                work.day(who.tenant()).zone())));
    }

    /** A draft posted from the rules form: what is wrong with it, what it changes, today's queue under it. */
    public Reply previewRules(Principal who, String csrf, String key, Map<String, String> form) {
        RuleSheet draft = RuleForm.draft(rules.current(who.tenant()).sheet(), form);
        return Reply.html(Pages.rulesAnswer(RuleAnswers.Answer.preview(rules.preview(who.tenant(), draft))));
    }

    /** A draft saved as the next version (or why it was not). */
    public Reply saveRules(Principal who, String csrf, String key, Map<String, String> form) {
        RuleSheet draft = RuleForm.draft(rules.current(who.tenant()).sheet(), form);
        RulesDesk.Saved saved = rules.save(who, RuleForm.basedOn(form), draft, form.getOrDefault("comment", ""));
        if (saved instanceof RulesDesk.Saved.Done) {
            work.changed(who.tenant()); // the worklist plans with the new rules at once
        }
        return Reply.html(Pages.rulesAnswer(RuleAnswers.Answer.saved(saved)));
    }

    /** The quarter projected under a draft and under the rules in force: started, its first progress. */
    public Reply projectRules(Principal who, String csrf, String key, Map<String, String> form) {
        RuleSheet draft = RuleForm.draft(rules.current(who.tenant()).sheet(), form);
        var started = rules.project(who.tenant(), draft);
        if (started.getKey().isEmpty()) {
            return Reply.html(Pages.rulesAnswer(RuleAnswers.Answer.preview(
                    new RulesDesk.Preview(started.getValue(), List.of(), Optional.empty()))));
        }
        return projection(who, csrf, started.getKey().get().toString());
    }

    /** How far a projection is, or what it came to. */
    public Reply projection(Principal who, String csrf, String id) {
        return rules.projection(who.tenant(), id)
                .map(p -> Reply.html(Pages.rulesProjection(RuleAnswers.Projection.of(p))))
                .orElse(Reply.missing("projection"));
    }

    /** The versions of the rules, each with what it changed. */
    public Reply rulesHistory(Principal who, String csrf) {
        return Reply.html(Pages.rulesHistory(RuleAnswers.History.of(
                Who.of(who, csrf),
                rules.history(who.tenant(), 50),
                work.day(who.tenant()).zone())));
    }

    /** The report of the tenant's book on its day. */
    public Reply report(Principal who, String csrf) {
        var zone = work.day(who.tenant()).zone();
        return Reply.html(Pages.report(ReportView.of(Who.of(who, csrf), reports.book(who.tenant(), zone), zone)));
    }

    /** The last batch run as its steps. */
    public Reply workflow(Principal who, String csrf) {
        return Reply.html(Pages.workflow(WorkflowView.of(
                Who.of(who, csrf),
                work.lastRun(who.tenant()),
                work.day(who.tenant()).zone())));
    }
}
