package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.app.Office;
import dev.aragent.agent.app.TaskDesk;
import dev.aragent.agent.app.Workbench;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.console.Account;
import dev.aragent.console.Accounts;
import dev.aragent.console.ApprovalView;
import dev.aragent.console.Approvals;
import dev.aragent.console.Pages;
import dev.aragent.console.TaskRow;
import dev.aragent.console.Today;
import dev.aragent.console.Who;
import dev.aragent.server.Offices;
import dev.aragent.server.Tenancy;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The AR team's console ({@code console} renders, this serves): the worklist at {@code /} behind a session, and the
 * pages' assets from our jar. Every page carries a strict Content-Security-Policy and is never cached.
 */
final class ConsolePages {
    private static final int QUEUE = 100;

    private final Workbench work;
    private final TaskDesk desk;
    private final Offices offices;
    private final Gate gate;

    ConsolePages(Workbench work, TaskDesk desk, Offices offices, Gate gate) {
        this.work = work;
        this.desk = desk;
        this.offices = offices;
        this.gate = gate;
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", gate.page(Permission.READ, this::today))
                .get("/accounts", gate.page(Permission.READ, this::accounts))
                .get("/accounts/{key}", gate.page(Permission.READ, this::account))
                .post("/tasks/{id}", gate.page(Permission.WORK, this::closeTask))
                .get("/approvals", gate.page(Permission.READ, this::approvals))
                .post("/approvals/{id}", gate.page(Permission.APPROVE, this::decide))
                .get("/assets/{name}", this::asset)
                // browsers ask for it on every page (the report, sign-in): nothing, rather than a 404 in their console
                .get(
                        "/favicon.ico",
                        (req, res) -> res.status(Status.NO_CONTENT_204).send());
    }

    private void today(Principal who, ServerRequest req, ServerResponse res) {
        var w = work.today(who.tenant(), QUEUE);
        page(
                res,
                Pages.today(
                        Today.of(who, Gate.csrf(req).orElse(""), w.tasks(), w.plan(), w.people(), w.day(), w.zone())));
    }

    private void approvals(Principal who, ServerRequest req, ServerResponse res) {
        String csrf = Gate.csrf(req).orElse("");
        var zone = work.day(who.tenant()).zone();
        var office = offices.of(who.tenant()).map(Tenancy::office);
        var approvals = office.map(Office::approvals);
        java.util.function.Function<List<Approval>, List<ApprovalView>> cards = list -> list.stream()
                .map(a -> ApprovalView.of(office.get().card(who.tenant(), a), zone, csrf))
                .toList();
        page(
                res,
                Pages.approvals(new Approvals(
                        Who.of(who, csrf),
                        office.isPresent(),
                        approvals.map(d -> cards.apply(d.pending(who.tenant()))).orElse(List.of()),
                        approvals
                                .map(d -> cards.apply(d.recent(who.tenant(), 20).stream()
                                        .filter(a -> a.status() != Approval.Status.PENDING)
                                        .toList()))
                                .orElse(List.of()))));
    }

    /** An approval decided from its card: the card again, decided, or with why nothing changed. */
    private void decide(Principal who, ServerRequest req, ServerResponse res) {
        Optional<Map<String, String>> f = form(req, res);
        Optional<Office> office = offices.of(who.tenant()).map(Tenancy::office);
        if (f.isEmpty() || office.isEmpty()) {
            f.ifPresent(x -> Replies.text(res, Status.NOT_FOUND_404, "No such approval."));
            return;
        }
        String id = req.path().pathParameters().get("id");
        Outcome o = office.get().decide(who, id, f.get());
        Optional<Approval> a =
                switch (o) {
                    case Outcome.Decided d -> Optional.of(d.approval());
                    case Outcome.Unchanged u -> Optional.of(u.approval());
                    case Outcome.Refused r ->
                        r.kind() == Outcome.Kind.NOT_FOUND
                                ? Optional.empty()
                                : office.get().approvals().find(who.tenant(), UUID.fromString(id));
                };
        a.map(x -> ApprovalView.of(
                        office.get().card(who.tenant(), x),
                        Optional.of(o),
                        work.day(who.tenant()).zone(),
                        Gate.csrf(req).orElse("")))
                .ifPresentOrElse(
                        v -> page(res, Pages.approvalCard(v)),
                        () -> Replies.text(res, Status.NOT_FOUND_404, "No such approval."));
    }

    /** A posted form's fields, or empty after answering 400 when the body is no form. */
    private static Optional<Map<String, String>> form(ServerRequest req, ServerResponse res) {
        try {
            return Optional.of(
                    Forms.parse(req.content().hasEntity() ? req.content().as(String.class) : ""));
        } catch (IllegalArgumentException e) {
            Replies.text(res, Status.BAD_REQUEST_400, "The form could not be read.");
            return Optional.empty();
        }
    }

    /** A task closed from the worklist: its row again, closed, or with why nothing changed. */
    private void closeTask(Principal who, ServerRequest req, ServerResponse res) {
        Optional<Map<String, String>> form = form(req, res);
        if (form.isEmpty()) {
            return;
        }
        Map<String, String> f = form.get();
        var result =
                desk.close(who, req.path().pathParameters().get("id"), f.get("outcome"), f.get("on"), f.get("note"));
        Workbench.Day day = work.day(who.tenant());
        String csrf = Gate.csrf(req).orElse("");
        Optional<TaskRow> row =
                switch (result) {
                    case TaskDesk.Result.Done d ->
                        Optional.of(TaskRow.of(d.task(), d.closing(), Optional.empty(), day.date(), day.zone(), csrf));
                    case TaskDesk.Result.Refused r ->
                        r.task()
                                .map(t -> TaskRow.of(
                                        t, Optional.empty(), Optional.of(r.reason()), day.date(), day.zone(), csrf));
                };
        row.ifPresentOrElse(
                r -> page(res, Pages.taskRow(r)), () -> Replies.text(res, Status.NOT_FOUND_404, "No such task."));
    }

    private void accounts(Principal who, ServerRequest req, ServerResponse res) {
        String q = req.query().first("q").orElse("");
        var hits = work.find(who.tenant(), q, 50);
        page(res, Pages.accounts(Accounts.of(Who.of(who, Gate.csrf(req).orElse("")), q, hits)));
    }

    private void account(Principal who, ServerRequest req, ServerResponse res) {
        work.account(who.tenant(), req.path().pathParameters().get("key"))
                .ifPresentOrElse(
                        a -> page(
                                res,
                                Pages.account(
                                        Account.of(Who.of(who, Gate.csrf(req).orElse("")), a))),
                        () -> Replies.text(res, Status.NOT_FOUND_404, "No such account."));
    }

    private void asset(ServerRequest req, ServerResponse res) {
        Pages.asset(req.path().pathParameters().get("name"))
                .ifPresentOrElse(
                        a -> res.header(HeaderNames.CONTENT_TYPE, a.mediaType())
                                .header(HeaderNames.CACHE_CONTROL, "public, max-age=3600")
                                .send(a.bytes()),
                        () -> res.status(Status.NOT_FOUND_404).send());
    }

    /** A console page under its own Content-Security-Policy (stricter than the walls' default it replaces). */
    static void page(ServerResponse res, String html) {
        res.header(HeaderNames.create("Content-Security-Policy"), Pages.CONTENT_SECURITY_POLICY);
        Replies.html(res, Status.OK_200, html);
    }
}
