package dev.aragent.server.http;

import dev.aragent.agent.access.Access;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Secrets;
import dev.aragent.console.Views;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The lock on every route that reads or changes a book. A request proves who it is with {@code Authorization: Bearer}
 * (an API token) or the session cookie; its tenant is the credential's. Without one it gets 401 (a page: a redirect to
 * sign in); without the permission, 403. A state-changing request on a session must also carry the session's CSRF
 * token ({@code X-CSRF-Token}, or the {@code csrf} field of a form), so a page elsewhere cannot act with the cookie.
 */
final class Gate {
    static final String COOKIE = "ar_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** A route's work once the gate has let the request through. */
    @FunctionalInterface
    interface Guarded {
        void handle(Principal who, ServerRequest req, ServerResponse res);
    }

    /** A signed-in request: who, and the session's CSRF token when it came with a session. */
    record Caller(Principal who, Optional<String> csrf) {}

    private final Access access;
    private final boolean secureCookies;

    private Gate(Access access, boolean secureCookies) {
        this.access = access;
        this.secureCookies = secureCookies;
    }

    /** {@code secureCookies} when the service is reached over HTTPS (its public URL), so the cookie never goes clear. */
    static Gate create(Access access, boolean secureCookies) {
        return new Gate(access, secureCookies);
    }

    Access access() {
        return access;
    }

    /** An API route: JSON 401/403 when refused. */
    Handler need(Permission permission, Guarded work) {
        return (req, res) -> guard(permission, work, req, res, false);
    }

    /** A page: a browser without a session is sent to sign in and brought back. */
    Handler page(Permission permission, Guarded work) {
        return (req, res) -> guard(permission, work, req, res, true);
    }

    private void guard(Permission permission, Guarded work, ServerRequest req, ServerResponse res, boolean page) {
        Optional<Caller> caller = caller(req);
        if (caller.isEmpty()) {
            if (page && bearer(req).isEmpty()) {
                String next = req.path().rawPath() + req.query().rawValue().transform(q -> q.isEmpty() ? "" : "?" + q);
                res.status(Status.SEE_OTHER_303)
                        .header(HeaderNames.LOCATION, "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                        .send();
                return;
            }
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"ar-agent\"");
            refuse(res, Status.UNAUTHORIZED_401, "sign in, or send an API token as Authorization: Bearer art_…");
            return;
        }
        Caller c = caller.get();
        if (!SAFE.contains(req.prologue().method().text())
                && c.csrf().isPresent()
                && !csrfOk(req, c.csrf().get())) {
            refuse(
                    res,
                    Status.FORBIDDEN_403,
                    "missing or wrong CSRF token (send the session's token as " + CSRF_HEADER + ")");
            return;
        }
        if (!c.who().may(permission)) {
            refuse(
                    res,
                    Status.FORBIDDEN_403,
                    c.who().role().allows(permission)
                            ? "this token is not scoped for " + permission.code()
                            : "a " + c.who().role().title() + " may not " + verb(permission));
            return;
        }
        req.context().register(c);
        work.handle(c.who(), req, res);
    }

    /** The session's CSRF token of a request the gate let through, for a page to put in its forms. */
    static Optional<String> csrf(ServerRequest req) {
        return req.context().get(Caller.class).flatMap(Caller::csrf);
    }

    /** The caller, if the request carries a live credential; for routes that answer everyone (the sign-in page). */
    Optional<Caller> caller(ServerRequest req) {
        Optional<String> bearer = bearer(req);
        if (bearer.isPresent()) {
            return access.bearer(bearer.get()).map(p -> new Caller(p, Optional.empty()));
        }
        return cookie(req)
                .flatMap(access::session)
                .map(c -> new Caller(c.who(), Optional.of(c.session().csrf())));
    }

    private static boolean csrfOk(ServerRequest req, String expected) {
        Optional<String> sent = req.headers().first(HeaderNames.create(CSRF_HEADER));
        return sent.isPresent() && Secrets.same(sent.get(), expected);
    }

    /** The form field {@code csrf} of a posted form against the session's: for pages that post forms. */
    static boolean csrfField(java.util.Map<String, String> form, Caller c) {
        return c.csrf().isEmpty()
                || Secrets.same(form.getOrDefault("csrf", ""), c.csrf().get());
    }

    private static String verb(Permission p) {
        return switch (p) {
            case READ -> "read this book";
            case WORK -> "work accounts";
            case IMPORT -> "import files";
            case APPROVE -> "decide approvals";
            case RULES -> "change the rules";
            case CASH -> "apply cash";
            case ADMIN -> "administer people and tokens";
        };
    }

    static Optional<String> bearer(ServerRequest req) {
        return req.headers()
                .first(HeaderNames.AUTHORIZATION)
                .map(String::strip)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    static Optional<String> cookie(ServerRequest req) {
        return cookie(req, COOKIE);
    }

    /** The value of the cookie {@code name}, if the request carries a non-empty one. */
    static Optional<String> cookie(ServerRequest req, String name) {
        for (String header : req.headers().all(HeaderNames.COOKIE, java.util.List::of)) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return Optional.of(p.substring(name.length() + 1)).filter(v -> !v.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    /** The session cookie: script cannot read it, other sites' requests do not carry it, HTTPS only behind TLS. */
    String setCookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (secureCookies ? "; Secure" : "");
    }

    private static void refuse(ServerResponse res, Status status, String message) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(HttpApi.write(Views.ordered("error", message)));
    }
}
