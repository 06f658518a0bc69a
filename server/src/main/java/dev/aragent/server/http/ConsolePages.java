package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.app.TaskDesk;
import dev.aragent.agent.app.Workbench;
import dev.aragent.console.Account;
import dev.aragent.console.Accounts;
import dev.aragent.console.Pages;
import dev.aragent.console.TaskRow;
import dev.aragent.console.Today;
import dev.aragent.console.Who;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The AR team's console ({@code console} renders, this serves): the worklist at {@code /} behind a session, and the
 * pages' assets from our jar. Every page carries a strict Content-Security-Policy and is never cached.
 */
final class ConsolePages {
    private static final int QUEUE = 100;

    private final Workbench work;
    private final TaskDesk desk;
    private final Gate gate;

    ConsolePages(Workbench work, TaskDesk desk, Gate gate) {
        this.work = work;
        this.desk = desk;
        this.gate = gate;
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", gate.page(Permission.READ, this::today))
                .get("/accounts", gate.page(Permission.READ, this::accounts))
                .get("/accounts/{key}", gate.page(Permission.READ, this::account))
                .post("/tasks/{id}", gate.page(Permission.WORK, this::closeTask))
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

    /** A task closed from the worklist: its row again, closed, or with why nothing changed. */
    private void closeTask(Principal who, ServerRequest req, ServerResponse res) {
        Map<String, String> f;
        try {
            f = Forms.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            Replies.text(res, Status.BAD_REQUEST_400, "The form could not be read.");
            return;
        }
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
