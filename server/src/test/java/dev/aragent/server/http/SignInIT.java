package dev.aragent.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in and out in a browser's way, over a real socket: cookies, redirects, lockout, escaping. */
class SignInIT {
    private static final TenantId TENANT = TenantId.of("sign-in");
    private static final String PASSWORD = "a long enough password";
    private static App app;
    private static WebServer server;

    @BeforeAll
    static void start() {
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", TENANT.value()));
        app = App.with(
                settings, Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC), TestDatabase.fresh());
        server = ServeCommand.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
    }

    private static void enroll(String login, String name) {
        app.access()
                .enroll(
                        login,
                        name,
                        Role.AR_MANAGER,
                        TENANT,
                        Optional.empty(),
                        Optional.of(PASSWORD.toCharArray()),
                        "t");
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return Requests.send(server.port(), method, path, body, headers);
    }

    private static HttpResponse<String> signIn(String login, String password, String next) throws Exception {
        return send(
                "POST",
                "/login",
                "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next="
                        + URLEncoder.encode(next, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static String cookie(HttpResponse<String> r) {
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInAndBackAfterwards() throws Exception {
        enroll("dana@sign-in.example", "Dana Reyes");

        HttpResponse<String> report = send("GET", "/report?x=1", "", Map.of());
        assertThat(report.statusCode()).isEqualTo(303);
        assertThat(report.headers().firstValue("Location")).contains("/login?next=%2Freport%3Fx%3D1");
        HttpResponse<String> form = send("GET", "/login?next=%2Freport", "", Map.of());
        assertThat(form.body()).contains("name=\"password\"").contains("value=\"/report\"");

        HttpResponse<String> in = signIn("dana@sign-in.example", PASSWORD, "/report");

        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains("/report");
        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("ar_session=ars_")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .doesNotContain("Secure"); // plain HTTP on loopback; Secure behind an https public URL
        assertThat(send("GET", "/report", "", Map.of("Cookie", cookie(in))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void eachSignInIsANewSessionAndSigningOutEndsIt() throws Exception {
        enroll("sam@sign-in.example", "Sam");
        String first = cookie(signIn("sam@sign-in.example", PASSWORD, "/"));
        String second = cookie(send(
                "POST",
                "/login",
                "login=sam%40sign-in.example&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", first)));

        assertThat(second).isNotEqualTo(first);
        assertThat(send("GET", "/api/me", "", Map.of("Cookie", first)).statusCode())
                .as("the session a new sign-in replaced")
                .isEqualTo(401);
        String me = send("GET", "/api/me", "", Map.of("Cookie", second)).body();
        String csrf = me.replaceAll("(?s).*\"csrf\" : \"([^\"]+)\".*", "$1");

        assertThat(send(
                                "POST",
                                "/logout",
                                "csrf=wrong",
                                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", second))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> out = send(
                "POST",
                "/logout",
                "csrf=" + csrf,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", second));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(send("GET", "/api/me", "", Map.of("Cookie", second)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreRefusedAlikeThenLockThePersonOut() throws Exception {
        enroll("lee@sign-in.example", "Lee");

        HttpResponse<String> unknown = signIn("nobody@sign-in.example", PASSWORD, "/");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body())
                .contains("Wrong email or password.")
                .as("the email typed stays in its field")
                .contains("value=\"nobody@sign-in.example\"");
        assertThat(signIn("\"><script>x</script>", PASSWORD, "/").body())
                .doesNotContain("<script>x")
                .contains("&quot;&gt;&lt;script&gt;");
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = signIn("lee@sign-in.example", "wrong " + i, "/");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("Wrong email or password.");
        }
        HttpResponse<String> fifth = signIn("lee@sign-in.example", "wrong again", "/");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.body()).contains("locked until 15:15 UTC");
        HttpResponse<String> right = signIn("lee@sign-in.example", PASSWORD, "/");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void afterSigningInTheBrowserGoesOnlyToAPageOfThisSite() throws Exception {
        enroll("kim@sign-in.example", "Kim");
        for (String evil :
                new String[] {"//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:x"}) {
            assertThat(signIn("kim@sign-in.example", PASSWORD, evil).headers().firstValue("Location"))
                    .as(evil)
                    .contains("/");
        }
    }

    @Test
    void aNameWithMarkupIsShownAsText() throws Exception {
        enroll("eve@sign-in.example", "<img src=x onerror=alert(1)> Eve");
        String cookie = cookie(signIn("eve@sign-in.example", PASSWORD, "/"));

        String home = send("GET", "/", "", Map.of("Cookie", cookie)).body();

        assertThat(home).contains("&lt;img src=x onerror=alert(1)&gt; Eve").doesNotContain("<img");
        assertThat(home).contains("name=\"csrf\"");
    }

    @Test
    void anApproverWhoseCompanyRequiresCodesSignsInWithTheAppsCode() throws Exception {
        enroll("cody@sign-in.example", "Cody");
        app.access().requireTotp(TENANT, true, "test");
        try {
            HttpResponse<String> refused = signIn("cody@sign-in.example", PASSWORD, "/");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("requires a one-time code").contains("name=\"code\"");
            String secret = app.access().enrolTotp("cody@sign-in.example", "test");
            String code = dev.aragent.agent.access.Totp.code(
                    dev.aragent.agent.access.Totp.unbase32(secret),
                    dev.aragent.agent.access.Totp.step(app.clock().instant()),
                    6);
            HttpResponse<String> in = send(
                    "POST",
                    "/login",
                    "login=cody%40sign-in.example&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                            + "&code=" + code,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(in.statusCode()).isEqualTo(303);
        } finally {
            app.access().requireTotp(TENANT, false, "test");
        }
    }
}
