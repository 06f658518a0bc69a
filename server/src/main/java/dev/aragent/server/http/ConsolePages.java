package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.console.Pages;
import dev.aragent.console.Screens;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * The AR team's console ({@code console} answers, this serves): its pages behind a session, role and tenant, the
 * forms they post, and the pages' assets from our jar. Every page carries a strict Content-Security-Policy.
 */
final class ConsolePages {
    private final Screens screens;
    private final Gate gate;

    ConsolePages(Screens screens, Gate gate) {
        this.screens = screens;
        this.gate = gate;
    }

    void routing(HttpRouting.Builder routing) {
        routing.get("/", gate.page(Permission.READ, this::today))
                .get("/accounts", gate.page(Permission.READ, this::accounts))
                .get("/accounts/{key}", gate.page(Permission.READ, this::account))
                .post("/tasks/{id}", form(Permission.WORK, "id", screens::closeTask))
                .post("/tasks/{id}/take", form(Permission.WORK, "id", screens::takeTask))
                .post("/accounts/{key}/hold", form(Permission.WORK, "key", screens::hold))
                .post("/accounts/{key}/note", form(Permission.WORK, "key", screens::note))
                .post("/accounts/{key}/log", form(Permission.WORK, "key", screens::logCall))
                .post("/accounts/{key}/statement", form(Permission.WORK, "key", screens::statement))
                .post("/accounts/{key}/contact", form(Permission.WORK, "key", screens::contact))
                .get("/approvals", gate.page(Permission.READ, this::approvals))
                .post("/approvals/{id}", form(Permission.APPROVE, "id", screens::decide))
                .get(
                        "/imports",
                        gate.page(Permission.IMPORT, (who, req, res) -> send(res, screens.imports(who, csrf(req)))))
                .post(
                        "/imports/check",
                        gate.page(Permission.IMPORT, (who, req, res) -> importFile(who, req, res, false)))
                .post(
                        "/imports/apply",
                        gate.page(Permission.IMPORT, (who, req, res) -> importFile(who, req, res, true)))
                .get("/cash", gate.page(Permission.READ, (who, req, res) -> send(res, screens.cash(who, csrf(req)))))
                .post("/cash/{id}", form(Permission.CASH, "id", screens::decideCash))
                .get(
                        "/report",
                        gate.page(Permission.READ, (who, req, res) -> send(res, screens.report(who, csrf(req)))))
                .get(
                        "/workflow",
                        gate.page(Permission.READ, (who, req, res) -> send(res, screens.workflow(who, csrf(req)))))
                .get("/rules", gate.page(Permission.READ, (who, req, res) -> send(res, screens.rules(who, csrf(req)))))
                .get(
                        "/rules/history",
                        gate.page(Permission.READ, (who, req, res) -> send(res, screens.rulesHistory(who, csrf(req)))))
                .post("/rules/preview", form(Permission.RULES, "", screens::previewRules))
                .post("/rules/projection", form(Permission.RULES, "", screens::projectRules))
                .get(
                        "/rules/projection/{id}",
                        gate.page(
                                Permission.RULES,
                                (who, req, res) -> send(res, screens.projection(who, csrf(req), param(req, "id")))))
                .post("/rules", form(Permission.RULES, "", screens::saveRules))
                .get("/assets/{name}", this::asset)
                // browsers ask for it on every page (the report, sign-in): nothing, rather than a 404 in their console
                .get(
                        "/favicon.ico",
                        (req, res) -> res.status(Status.NO_CONTENT_204).send());
    }

    private void today(Principal who, ServerRequest req, ServerResponse res) {
        send(res, screens.today(who, csrf(req)));
    }

    private void accounts(Principal who, ServerRequest req, ServerResponse res) {
        send(res, screens.accounts(who, csrf(req), req.query().first("q").orElse("")));
    }

    private void account(Principal who, ServerRequest req, ServerResponse res) {
        send(res, screens.account(who, csrf(req), param(req, "key")));
    }

    private void approvals(Principal who, ServerRequest req, ServerResponse res) {
        send(res, screens.approvals(who, csrf(req)));
    }

    /** {@code check} reads and judges the file sent as the body; {@code apply} imports it. */
    private void importFile(Principal who, ServerRequest req, ServerResponse res, boolean apply) {
        var q = req.query();
        send(
                res,
                screens.importFile(
                        who,
                        q.first("filename").orElse(""),
                        q.first("profile").orElse("generic"),
                        q.first("kind").orElse("auto"),
                        req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0],
                        apply,
                        q.first("accept").map(Boolean::parseBoolean).orElse(false)));
    }

    /** A form posted to a page about the thing path parameter {@code key} names; {@code work} answers it. */
    private Handler form(Permission permission, String key, Screens.Posted work) {
        return gate.page(
                permission, (who, req, res) -> posted(req, res, f -> work.answer(who, csrf(req), param(req, key), f)));
    }

    private static String csrf(ServerRequest req) {
        return Gate.csrf(req).orElse("");
    }

    private static String param(ServerRequest req, String name) {
        return name.isEmpty() ? "" : req.path().pathParameters().get(name);
    }

    /** A posted form handed to {@code work}; a body that is no form is refused as such. */
    private static void posted(
            ServerRequest req,
            ServerResponse res,
            java.util.function.Function<Map<String, String>, Screens.Reply> work) {
        Map<String, String> form;
        try {
            form = Forms.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            Replies.text(res, Status.BAD_REQUEST_400, "The form could not be read.");
            return;
        }
        send(res, work.apply(form));
    }

    private static void send(ServerResponse res, Screens.Reply reply) {
        if (reply.html()) {
            page(res, reply.body());
        } else {
            Replies.text(res, Status.create(reply.status()), reply.body());
        }
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
