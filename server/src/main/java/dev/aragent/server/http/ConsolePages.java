package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.app.Workbench;
import dev.aragent.console.Account;
import dev.aragent.console.Accounts;
import dev.aragent.console.Pages;
import dev.aragent.console.Today;
import dev.aragent.console.Who;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The AR team's console ({@code console} renders, this serves): the worklist at {@code /} behind a session, and the
 * pages' assets from our jar. Every page carries a strict Content-Security-Policy and is never cached.
 */
final class ConsolePages {
    private static final int QUEUE = 100;

    private final Workbench work;
    private final Gate gate;

    ConsolePages(Workbench work, Gate gate) {
        this.work = work;
        this.gate = gate;
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", gate.page(Permission.READ, this::today))
                .get("/accounts", gate.page(Permission.READ, this::accounts))
                .get("/accounts/{key}", gate.page(Permission.READ, this::account))
                .get("/assets/{name}", this::asset)
                // browsers ask for it on every page (the report, sign-in): nothing, rather than a 404 in their console
                .get(
                        "/favicon.ico",
                        (req, res) -> res.status(Status.NO_CONTENT_204).send());
    }

    private void today(Principal who, ServerRequest req, ServerResponse res) {
        var w = work.today(who.tenant(), QUEUE);
        page(res, Pages.today(Today.of(who, Gate.csrf(req).orElse(""), w.plan(), w.people(), w.day())));
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
