package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.SignIn;
import dev.aragent.agent.access.SignInThrottle;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Html;
import dev.aragent.console.SignInHtml;
import dev.aragent.console.Views;
import dev.aragent.identity.OidcSignIn;
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

    private static final String SSO_COOKIE = "ar_oidc";

    private final Gate gate;
    private final SignInThrottle throttle;
    private final Optional<OidcSignIn> sso;
    private final Optional<java.net.URI> publicUrl;

    private SignInPages(
            Gate gate, SignInThrottle throttle, Optional<OidcSignIn> sso, Optional<java.net.URI> publicUrl) {
        this.gate = gate;
        this.throttle = throttle;
        this.sso = sso;
        this.publicUrl = publicUrl;
    }

    /** With {@code sso}, people may also sign in at the company's OpenID provider; {@code publicUrl} is where it returns. */
    static SignInPages create(
            Gate gate, SignInThrottle throttle, Optional<OidcSignIn> sso, Optional<java.net.URI> publicUrl) {
        return new SignInPages(gate, throttle, sso, publicUrl);
    }

    void routing(HttpRouting.Builder routing) {
        routing.get(
                        "/login",
                        (req, res) -> form(
                                res, Status.OK_200, req.query().first("next").orElse("/"), ""))
                .post("/login", this::signIn)
                .get("/login/oidc", this::ssoStart)
                .get("/login/oidc/callback", this::ssoCallback)
                .post("/logout", this::signOut)
                .get("/api/me", gate.need(Permission.READ, this::me));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String client = client(req);
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
        String login = f.getOrDefault("login", "");
        throttle.failed(client); // counted before the check, so parallel guesses cannot outrun it; cleared on success
        SignIn result = gate.access()
                .signIn(
                        login,
                        password,
                        tenant,
                        Optional.ofNullable(f.get("code")).filter(c -> !c.isBlank()));
        java.util.Arrays.fill(password, '\0');
        switch (result) {
            case SignIn.SignedIn s -> {
                throttle.succeeded(client);
                Gate.cookie(req).ifPresent(old -> gate.access().signOut(old));
                res.status(Status.SEE_OTHER_303)
                        .header(HeaderNames.SET_COOKIE, gate.setCookie(s.cookie(), lifeSeconds(s)))
                        .header(HeaderNames.LOCATION, next)
                        .send();
            }
            case SignIn.Refused r -> form(res, Status.UNAUTHORIZED_401, next, r.message(), login);
            case SignIn.Locked l -> {
                form(
                        res,
                        Status.TOO_MANY_REQUESTS_429,
                        next,
                        "Too many wrong passwords: signing in is locked until "
                                + HHMM.format(l.until().atOffset(ZoneOffset.UTC)) + ".",
                        login);
            }
        }
    }

    /**
     * Who is signing in, for the throttle: the peer's address, or — when the peer is a reverse proxy on this machine
     * in front of a public URL — the address the proxy appended last to {@code X-Forwarded-For} (so one attacker
     * cannot block everyone behind the proxy).
     */
    private String client(ServerRequest req) {
        String peer = req.remotePeer().host();
        boolean loopback = peer.equals("127.0.0.1") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1");
        if (loopback && publicUrl.isPresent()) {
            return req.headers()
                    .first(HeaderNames.X_FORWARDED_FOR)
                    .map(v -> v.substring(v.lastIndexOf(',') + 1).strip())
                    .filter(v -> !v.isEmpty())
                    .orElse(peer);
        }
        return peer;
    }

    private void ssoStart(ServerRequest req, ServerResponse res) {
        if (sso.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send("single sign-on is not configured (AR_OIDC_ISSUER)");
            return;
        }
        OidcSignIn.Start start;
        try {
            start = sso.get()
                    .start(
                            OidcSignIn.redirect(publicUrl.map(Object::toString).orElseGet(() -> base(req))),
                            local(req.query().first("next").orElse("/")));
        } catch (IllegalStateException e) {
            form(res, Status.SERVICE_UNAVAILABLE_503, "/", "Your company's sign-in service cannot be reached.");
            return;
        }
        res.status(Status.SEE_OTHER_303)
                .header(HeaderNames.SET_COOKIE, ssoCookie(start.state(), 600))
                .header(HeaderNames.LOCATION, start.authorize().toString())
                .send();
    }

    private void ssoCallback(ServerRequest req, ServerResponse res) {
        if (sso.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send("single sign-on is not configured (AR_OIDC_ISSUER)");
            return;
        }
        String query = req.query().rawValue();
        java.net.URI callback = java.net.URI.create("/login/oidc/callback" + (query.isEmpty() ? "" : "?" + query));
        res.header(HeaderNames.SET_COOKIE, ssoCookie("", 0));
        switch (sso.get().finish(callback, Gate.cookie(req, SSO_COOKIE))) {
            case OidcSignIn.Result.Refused r ->
                form(res, Status.UNAUTHORIZED_401, "/", "Single sign-on failed: " + r.reason());
            case OidcSignIn.Result.Verified v -> {
                switch (gate.access().signInVouched(v.email(), Optional.empty())) {
                    case SignIn.SignedIn s -> {
                        // a page of ours moves on: a cookie set on the provider's redirect is not sent with a
                        // redirect the browser still counts as the provider's (SameSite=Strict)
                        res.header(HeaderNames.SET_COOKIE, gate.setCookie(s.cookie(), lifeSeconds(s)));
                        html(
                                res,
                                Status.OK_200,
                                "Signed in",
                                "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(v.next()) + "\">"
                                        + "<p>Signed in as "
                                        + Html.escape(s.who().login())
                                        + ". <a href=\"" + Html.escape(v.next()) + "\">Continue</a></p>");
                    }
                    case SignIn.Refused r -> form(res, Status.UNAUTHORIZED_401, "/", r.message());
                    case SignIn.Locked l -> form(res, Status.TOO_MANY_REQUESTS_429, "/", "Signing in is locked.");
                }
            }
        }
    }

    private String ssoCookie(String value, int maxAge) {
        // Lax: the provider's redirect back is a top-level navigation from another site
        return SSO_COOKIE + "=" + value + "; Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age=" + maxAge
                + (publicUrl.map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false) ? "; Secure" : "");
    }

    private static long lifeSeconds(SignIn.SignedIn s) {
        return s.session().endsAt().getEpochSecond() - s.session().createdAt().getEpochSecond();
    }

    private static String base(ServerRequest req) {
        return "http://" + req.headers().first(HeaderNames.HOST).orElse("localhost");
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
                        Gate.csrf(req).orElse(null))));
    }

    private void form(ServerResponse res, Status status, String next, String message) {
        form(res, status, next, message, "");
    }

    /** The sign-in form with a message, the email already typed kept in its field. */
    private void form(ServerResponse res, Status status, String next, String message, String login) {
        html(res, status, "Sign in — ar-agent", SignInHtml.form(local(next), message, login, sso.isPresent()));
    }

    private static void html(ServerResponse res, Status status, String title, String body) {
        Replies.html(res, status, SignInHtml.page(title, body));
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
