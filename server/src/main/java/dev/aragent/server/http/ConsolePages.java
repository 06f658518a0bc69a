package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.app.AccountSearch;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRisk;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.console.Account;
import dev.aragent.console.Accounts;
import dev.aragent.console.Pages;
import dev.aragent.console.Today;
import dev.aragent.console.Who;
import dev.aragent.server.App;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The AR team's console ({@code console} renders, this serves): the worklist at {@code /} behind a session, and the
 * pages' assets from our jar. Every page carries a strict Content-Security-Policy and is never cached.
 */
final class ConsolePages {
    private static final int QUEUE = 100;

    private final App app;
    private final Gate gate;

    ConsolePages(App app, Gate gate) {
        this.app = app;
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
        TenantId tenant = who.tenant();
        int people = (int) app.access().members(tenant).stream()
                .filter(m -> !m.person().disabled() && m.membership().role().allows(Permission.WORK))
                .filter(m -> m.membership().role() != Role.ADMIN)
                .count();
        LocalDate day = app.clock()
                .instant()
                .atZone(app.queueRules(tenant).defaultZone())
                .toLocalDate();
        page(
                res,
                Pages.today(Today.of(who, Gate.csrf(req).orElse(""), app.queue().plan(tenant, QUEUE), people, day)));
    }

    private void accounts(Principal who, ServerRequest req, ServerResponse res) {
        String q = req.query().first("q").orElse("");
        page(
                res,
                Pages.accounts(Accounts.of(
                        Who.of(who, Gate.csrf(req).orElse("")),
                        q,
                        AccountSearch.create(app.ledger()).find(who.tenant(), q, 50))));
    }

    private void account(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        String key = req.path().pathParameters().get("key");
        Optional<AccountRecord> found;
        try {
            found = app.accountRecord(tenant, CustomerKey.of(key));
        } catch (IllegalArgumentException e) {
            found = Optional.empty(); // not a key at all
        }
        if (found.isEmpty()) {
            res.status(Status.NOT_FOUND_404)
                    .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .send("No such account.");
            return;
        }
        Instant now = app.clock().instant();
        LocalDate today = now.atZone(app.queueRules(tenant).defaultZone()).toLocalDate();
        var risk = AccountRisk.of(
                Scoring.of(app.riskModel(tenant), List.of(found.get()), Tone.lexicon(), now), found.get(), today);
        page(res, Pages.account(Account.of(Who.of(who, Gate.csrf(req).orElse("")), found.get(), risk, today)));
    }

    private void asset(ServerRequest req, ServerResponse res) {
        Pages.asset(req.path().pathParameters().get("name"))
                .ifPresentOrElse(
                        a -> res.header(HeaderNames.CONTENT_TYPE, a.mediaType())
                                .header(HeaderNames.CACHE_CONTROL, "public, max-age=3600")
                                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                                .send(a.bytes()),
                        () -> res.status(Status.NOT_FOUND_404).send());
    }

    static void page(ServerResponse res, String html) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .header(HeaderNames.create("Content-Security-Policy"), Pages.CONTENT_SECURITY_POLICY)
                .header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .send(html);
    }
}
