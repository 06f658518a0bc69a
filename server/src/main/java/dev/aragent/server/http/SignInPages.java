package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.SignIn;
import dev.aragent.agent.ledger.TenantId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out in a browser ({@code GET|POST /login}, {@code POST /logout}), the signed-in start page
 * ({@code /}) and {@code GET /api/me} (who the credential is, and the session's CSRF token for scripts on our pages).
 * A sign-in opens a new session (the cookie is never reused across sign-ins) and is throttled per client address on
 * top of the per-person lockout.
 */
final class SignInPages {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    private final Gate gate;
    private final Throttle throttle;

    private SignInPages(Gate gate, Throttle throttle) {
        this.gate = gate;
        this.throttle = throttle;
    }

    static SignInPages create(Gate gate, Throttle throttle) {
        return new SignInPages(gate, throttle);
    }

    void routing(HttpRouting.Builder routing) {
        routing.get(
                        "/login",
                        (req, res) -> form(
                                res, Status.OK_200, req.query().first("next").orElse("/"), ""))
                .post("/login", this::signIn)
                .post("/logout", this::signOut)
                .get("/", gate.page(Permission.READ, this::home))
                .get("/api/me", gate.need(Permission.READ, this::me));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String client = req.remotePeer().host();
        if (throttle.blocked(client)) {
            form(res, Status.TOO_MANY_REQUESTS_429, "/", "Too many failed sign-ins from here; wait a few minutes.");
            return;
        }
        Map<String, String> f;
        try {
            f = Forms.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            form(res, Status.BAD_REQUEST_400, "/", "The form could not be read.");
            return;
        }
        String next = local(f.getOrDefault("next", "/"));
        Optional<TenantId> tenant;
        try {
            tenant = Optional.ofNullable(f.get("tenant"))
                    .filter(t -> !t.isBlank())
                    .map(String::strip)
                    .map(TenantId::of);
        } catch (IllegalArgumentException e) {
            form(res, Status.BAD_REQUEST_400, next, "That is not a company id.");
            return;
        }
        char[] password = f.getOrDefault("password", "").toCharArray();
        SignIn result = gate.access()
                .signIn(
                        f.getOrDefault("login", ""),
                        password,
                        tenant,
                        Optional.ofNullable(f.get("code")).filter(c -> !c.isBlank()));
        java.util.Arrays.fill(password, '\0');
        switch (result) {
            case SignIn.SignedIn s -> {
                throttle.succeeded(client);
                Gate.cookie(req).ifPresent(old -> gate.access().signOut(old));
                res.status(Status.SEE_OTHER_303)
                        .header(
                                HeaderNames.SET_COOKIE,
                                gate.setCookie(
                                        s.cookie(),
                                        s.session().endsAt().getEpochSecond()
                                                - s.session().createdAt().getEpochSecond()))
                        .header(HeaderNames.LOCATION, next)
                        .send();
            }
            case SignIn.Refused r -> {
                throttle.failed(client);
                form(res, Status.UNAUTHORIZED_401, next, r.message());
            }
            case SignIn.Locked l -> {
                throttle.failed(client);
                form(
                        res,
                        Status.TOO_MANY_REQUESTS_429,
                        next,
                        "Too many wrong passwords: signing in is locked until "
                                + HHMM.format(l.until().atOffset(ZoneOffset.UTC)) + ".");
            }
        }
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Optional<Gate.Caller> caller = gate.caller(req);
        Map<String, String> f;
        try {
            f = Forms.parse(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            f = Map.of();
        }
        if (caller.isPresent() && !Gate.csrfField(f, caller.get())) {
            res.status(Status.FORBIDDEN_403).send("missing or wrong CSRF token");
            return;
        }
        Gate.cookie(req).ifPresent(c -> gate.access().signOut(c));
        res.status(Status.SEE_OTHER_303)
                .header(HeaderNames.SET_COOKIE, gate.setCookie("", 0))
                .header(HeaderNames.LOCATION, "/login")
                .send();
    }

    private void home(Principal who, ServerRequest req, ServerResponse res) {
        String csrf = gate.caller(req).flatMap(Gate.Caller::csrf).orElse("");
        String body = "<h1>ar-agent</h1><p>Signed in as <b>" + Html.escape(who.name()) + "</b> ("
                + Html.escape(who.login()) + "), " + Html.escape(who.role().title()) + " of <b>"
                + Html.escape(who.tenant().value()) + "</b>.</p>"
                + "<ul><li><a href=\"/report\">Portfolio report</a></li>"
                + "<li><a href=\"/api/queue\">Today's queue (JSON)</a></li>"
                + "<li><a href=\"/api/approvals\">Approvals (JSON)</a></li></ul>"
                + "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\""
                + Html.escape(csrf) + "\"><button>Sign out</button></form>";
        html(res, Status.OK_200, "ar-agent", body);
    }

    private void me(Principal who, ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(HttpApi.write(Views.ordered(
                        "login",
                        who.login(),
                        "name",
                        who.name(),
                        "tenant",
                        who.tenant().value(),
                        "role",
                        who.role().code(),
                        "scopes",
                        Permission.codes(who.scopes()),
                        "via",
                        who.via(),
                        "csrf",
                        gate.caller(req).flatMap(Gate.Caller::csrf).orElse(null))));
    }

    private static void form(ServerResponse res, Status status, String next, String message) {
        String body = "<h1>Sign in to ar-agent</h1>"
                + (message.isEmpty() ? "" : "<p role=\"alert\" class=\"error\">" + Html.escape(message) + "</p>")
                + "<form method=\"post\" action=\"/login\">"
                + "<label>Email <input name=\"login\" type=\"email\" autocomplete=\"username\" required></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required></label>"
                + "<label>One-time code (if you use an authenticator app) <input name=\"code\""
                + " inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\"></label>"
                + "<label>Company id (if you work for several) <input name=\"tenant\"></label>"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(local(next)) + "\">"
                + "<button>Sign in</button></form>";
        html(res, status, "Sign in — ar-agent", body);
    }

    private static void html(ServerResponse res, Status status, String title, String body) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                        + "</title><style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto}"
                        + "label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem}"
                        + "button{padding:.5rem 1.2rem}.error{color:#a00}</style></head><body>" + body
                        + "</body></html>");
    }

    /** Where to go after signing in: a path on this site only (never {@code //evil.example} or a full URL). */
    static String local(String next) {
        String n = next.strip();
        if (!n.startsWith("/")
                || n.startsWith("//")
                || n.startsWith("/\\")
                || n.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return n;
    }
}
