package dev.aragent.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.Tenancy;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP route that reads or changes a book × every role (signed in through the login page) and a scoped token ×
 * own and other tenant: the status each gets, and that nothing changed where one was refused.
 */
class AccessMatrixIT {
    private static final TenantId NORTH = TenantId.of("matrix-north");
    private static final TenantId SOUTH = TenantId.of("matrix-south");
    private static final String PASSWORD = "a long enough password";
    private static final String NORTH_ONLY = "Northwind Only Bistro";
    private static final String NORTH_INVOICE = "NORTH-ONLY-1";
    private static final String AGING = """
            customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency
            C-1,%s,%s,2026-09-01,2026-10-01,1200.00,1200.00,USD
            """;

    private static App app;
    private static WebServer server;
    /** Session cookie and CSRF token per role in the north tenant. */
    private static final Map<Role, Session> NORTH_SESSIONS = new LinkedHashMap<>();

    private static Session southAdmin;

    record Session(String cookie, String csrf) {}

    /** One route: its method, path, body, and the permission it needs (empty: answers everyone). */
    record Route(String method, String path, String body, Optional<Permission> needs, boolean page) {
        static Route read(String path) {
            return new Route("GET", path, "", Optional.of(Permission.READ), false);
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/health", "", Optional.empty(), false),
            // the console's assets hold no book data: anyone may load them, as the sign-in page does
            new Route("GET", "/assets/console.css", "", Optional.empty(), false),
            new Route("GET", "/assets/htmx.min.js", "", Optional.empty(), false),
            new Route("GET", "/metrics", "", Optional.of(Permission.ADMIN), false),
            Route.read("/api/me"),
            Route.read("/api/invoices?status=open"),
            Route.read("/api/summary"),
            Route.read("/api/queue"),
            Route.read("/api/report"),
            new Route("GET", "/", "", Optional.of(Permission.READ), true),
            new Route("GET", "/accounts?q=Diner", "", Optional.of(Permission.READ), true),
            new Route("GET", "/accounts/C-77", "", Optional.of(Permission.READ), true),
            new Route("POST", "/tasks/" + UUID.randomUUID(), "outcome=done", Optional.of(Permission.WORK), true),
            new Route("POST", "/tasks/" + UUID.randomUUID() + "/take", "mine=true", Optional.of(Permission.WORK), true),
            new Route("GET", "/approvals", "", Optional.of(Permission.READ), true),
            new Route("POST", "/accounts/C-77/hold", "action=release", Optional.of(Permission.WORK), true),
            new Route("POST", "/accounts/C-NONE/note", "text=hello", Optional.of(Permission.WORK), true),
            new Route("POST", "/accounts/C-NONE/log", "outcome=no_answer", Optional.of(Permission.WORK), true),
            new Route("POST", "/accounts/C-NONE/statement", "", Optional.of(Permission.WORK), true),
            new Route(
                    "POST", "/accounts/C-NONE/contact", "email=li%40north.example", Optional.of(Permission.WORK), true),
            new Route("GET", "/imports", "", Optional.of(Permission.IMPORT), true),
            new Route(
                    "POST",
                    "/imports/check?kind=customers",
                    "customer_id,name\nC-78,Checked Diner\n",
                    Optional.of(Permission.IMPORT),
                    true),
            new Route(
                    "POST",
                    "/imports/apply?kind=customers&filename=console.csv",
                    "customer_id,name\nC-79,Console Diner\n",
                    Optional.of(Permission.IMPORT),
                    true),
            new Route(
                    "POST",
                    "/imports/check?kind=bank&filename=ops.csv",
                    "date,amount,currency,name,account,text,reference\n2026-11-20,10.00,USD,Diner,,INV-1,B-1\n",
                    Optional.of(Permission.IMPORT),
                    true),
            new Route("GET", "/cash", "", Optional.of(Permission.READ), true),
            new Route("POST", "/cash/987654", "action=aside&reason=refund", Optional.of(Permission.CASH), true),
            new Route(
                    "POST",
                    "/approvals/" + UUID.randomUUID(),
                    "decision=approve",
                    Optional.of(Permission.APPROVE),
                    true),
            new Route("GET", "/rules", "", Optional.of(Permission.READ), true),
            new Route("GET", "/workflow", "", Optional.of(Permission.READ), true),
            new Route("GET", "/report", "", Optional.of(Permission.READ), true),
            new Route("GET", "/rules/history", "", Optional.of(Permission.READ), true),
            new Route("POST", "/rules/preview", "caps.email.max=2", Optional.of(Permission.RULES), true),
            new Route("POST", "/rules/projection", "caps.email.max=99", Optional.of(Permission.RULES), true),
            new Route("GET", "/rules/projection/" + UUID.randomUUID(), "", Optional.of(Permission.RULES), true),
            new Route("POST", "/rules", "based-on=0&caps.email.max=99", Optional.of(Permission.RULES), true),
            Route.read("/api/approvals"),
            Route.read("/api/approvals/" + UUID.randomUUID()),
            new Route(
                    "POST",
                    "/api/approvals/" + UUID.randomUUID(),
                    "{\"decision\":\"approve\"}",
                    Optional.of(Permission.APPROVE),
                    false),
            new Route(
                    "POST",
                    "/api/imports?filename=customers.csv",
                    "customer_id,name\nC-77,Matrix Import Diner\n",
                    Optional.of(Permission.IMPORT),
                    false),
            new Route(
                    "POST",
                    "/api/imports?kind=bank&filename=api.csv",
                    "date,amount,currency,name,account,text,reference\n2026-11-20,10.00,USD,Diner,,INV-1,B-9\n",
                    Optional.of(Permission.CASH),
                    false));

    @BeforeAll
    static void start() throws Exception {
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", NORTH.value()));
        app = App.with(
                settings, Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC), TestDatabase.fresh());
        Tenancy office = app.tenancy(app.replyDesk(), app.turnTaker(app.identity()));
        server = ServeCommand.start(app, Optional.of(office), "127.0.0.1", 0);
        for (Role r : Role.values()) {
            enroll(r.code() + "@north.example", r, NORTH);
            NORTH_SESSIONS.put(r, signIn(r.code() + "@north.example"));
        }
        enroll("admin@south.example", Role.ADMIN, SOUTH);
        southAdmin = signIn("admin@south.example");
        String northImport = app.access()
                .issue("admin@north.example", NORTH, "seed", EnumSet.of(Permission.IMPORT), Duration.ofDays(1), "t")
                .secret();
        assertThat(send(
                                "POST",
                                "/api/imports?filename=north.csv&kind=aging",
                                AGING.formatted(NORTH_ONLY, NORTH_INVOICE),
                                bearer(northImport))
                        .statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
    }

    private static void enroll(String login, Role role, TenantId tenant) {
        app.access().enroll(login, login, role, tenant, Optional.empty(), Optional.of(PASSWORD.toCharArray()), "test");
    }

    /** Signs in through the login form; the CSRF token comes from {@code /api/me}, as a page's script gets it. */
    private static Session signIn(String login) throws Exception {
        HttpResponse<String> r = send(
                "POST",
                "/login",
                "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2F",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.statusCode()).as("sign-in of %s", login).isEqualTo(303);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        String value = cookie.substring(0, cookie.indexOf(';'));
        String me = send("GET", "/api/me", "", Map.of("Cookie", value)).body();
        String csrf = me.replaceAll("(?s).*\"csrf\" : \"([^\"]+)\".*", "$1");
        return new Session(value, csrf);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> headers(Session s) {
        return Map.of("Cookie", s.cookie(), Gate.CSRF_HEADER, s.csrf());
    }

    static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return Requests.send(server.port(), method, path, body, headers);
    }

    /** What north's book looks like to its admin, and how many audit rows it has: compared before and after. */
    private static String northState() throws Exception {
        return send("GET", "/api/invoices?status=open", "", headers(NORTH_SESSIONS.get(Role.ADMIN)))
                        .body()
                + app.database()
                        .jdbi()
                        .withHandle(h -> h.createQuery("select count(*) from audit_log where tenant_id = :t")
                                .bind("t", NORTH.value())
                                .mapTo(Long.class)
                                .one());
    }

    @Test
    void everyRouteAnswersEachRoleAsItsPermissionsSayAndRefusalsChangeNothing() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Role role : Role.values()) {
                String before = northState();
                int status = send(route.method(), route.path(), route.body(), headers(NORTH_SESSIONS.get(role)))
                        .statusCode();
                boolean allowed = route.needs().map(role::allows).orElse(true);
                if (allowed ? (status == 401 || status == 403) : status != 403) {
                    wrong.add(route.method() + " " + route.path() + " as " + role.code() + ": " + status);
                }
                if (!allowed && !before.equals(northState())) {
                    wrong.add(route.method() + " " + route.path() + " as " + role.code() + " changed the book");
                }
            }
            String before = northState();
            int anonymous =
                    send(route.method(), route.path(), route.body(), Map.of()).statusCode();
            int expected = route.needs().isEmpty() ? 200 : route.page() ? 303 : 401;
            if (anonymous != expected) {
                wrong.add(route.method() + " " + route.path() + " anonymous: " + anonymous + ", expected " + expected);
            }
            if (route.needs().isPresent() && !before.equals(northState())) {
                wrong.add(route.method() + " " + route.path() + " anonymous changed the book");
            }
            int forged = send(route.method(), route.path(), route.body(), bearer("art_forged"))
                    .statusCode();
            if (route.needs().isPresent() && forged != 401) {
                wrong.add(route.method() + " " + route.path() + " with a forged token: " + forged);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTokenIsLimitedToItsScopes() throws Exception {
        String readOnly = app.access()
                .issue("admin@north.example", NORTH, "reader", EnumSet.of(Permission.READ), Duration.ofDays(1), "t")
                .secret();
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            String before = northState();
            int status = send(route.method(), route.path(), route.body(), bearer(readOnly))
                    .statusCode();
            boolean allowed = route.needs().map(p -> p == Permission.READ).orElse(true);
            if (allowed ? (status == 401 || status == 403) : status != 403) {
                wrong.add(route.method() + " " + route.path() + " with a read token: " + status);
            }
            if (!allowed && !before.equals(northState())) {
                wrong.add(route.method() + " " + route.path() + " with a read token changed the book");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherTenantsCredentialSeesAndChangesOnlyItsOwnBook() throws Exception {
        String before = northState();
        for (Route route : ROUTES) {
            HttpResponse<String> r = send(route.method(), route.path(), route.body(), headers(southAdmin));
            assertThat(r.body())
                    .as(route.path())
                    .doesNotContain(NORTH_ONLY)
                    .doesNotContain(NORTH_INVOICE)
                    .doesNotContain(NORTH.value());
        }
        assertThat(send("GET", "/api/invoices?status=open", "", headers(southAdmin))
                        .body())
                .contains("\"tenant\" : \"" + SOUTH.value() + "\"");
        assertThat(northState()).isEqualTo(before);
        assertThat(send("GET", "/api/invoices?status=open", "", headers(NORTH_SESSIONS.get(Role.VIEWER)))
                        .body())
                .contains(NORTH_INVOICE);
    }

    @Test
    void aSessionMustSendItsCsrfTokenToChangeAnything() throws Exception {
        Session manager = NORTH_SESSIONS.get(Role.AR_MANAGER);
        String before = northState();
        String path = "/api/imports?filename=csrf.csv&kind=aging";
        String body = AGING.formatted("Csrf Forged Diner", "CSRF-1");

        HttpResponse<String> none = send("POST", path, body, Map.of("Cookie", manager.cookie()));
        HttpResponse<String> wrongToken =
                send("POST", path, body, Map.of("Cookie", manager.cookie(), Gate.CSRF_HEADER, "guess"));
        HttpResponse<String> otherSessions = send(
                "POST",
                path,
                body,
                Map.of(
                        "Cookie",
                        manager.cookie(),
                        Gate.CSRF_HEADER,
                        NORTH_SESSIONS.get(Role.ADMIN).csrf()));

        assertThat(List.of(none.statusCode(), wrongToken.statusCode(), otherSessions.statusCode()))
                .containsOnly(403);
        assertThat(none.body()).contains("CSRF");
        assertThat(northState()).isEqualTo(before);
    }

    @Test
    void publicRoutesAreFewAndWebhooksAreNotOpenedByTheGate() throws Exception {
        Set<String> open = Set.of("/health", "/login");
        for (String p : open) {
            assertThat(send("GET", p, "", Map.of()).statusCode()).as(p).isEqualTo(200);
        }
        // webhooks answer by their vendor's signature (503 unconfigured here), never by a session or token
        assertThat(send("POST", "/webhooks/slack/interactions", "payload=x", headers(NORTH_SESSIONS.get(Role.ADMIN)))
                        .statusCode())
                .isEqualTo(503);
    }
}
