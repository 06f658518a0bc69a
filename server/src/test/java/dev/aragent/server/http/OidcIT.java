package dev.aragent.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.server.App;
import dev.aragent.server.OidcConfig;
import dev.aragent.server.Settings;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.TestDatabase;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Single sign-on through a loopback OpenID provider: the code flow with PKCE, and every bad token refused. */
class OidcIT {
    private static final TenantId TENANT = TenantId.of("sso");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static FakeOidcProvider provider;
    private static App app;
    private static WebServer server;

    @BeforeAll
    static void start() {
        provider = FakeOidcProvider.start();
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", TENANT.value()))
                .withOidc(new OidcConfig(provider.issuer(), FakeOidcProvider.CLIENT, FakeOidcProvider.SECRET));
        app = App.with(
                settings, Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC), TestDatabase.fresh());
        app.access()
                .enroll(
                        "dana@north.example",
                        "Dana Reyes",
                        Role.AR_MANAGER,
                        TENANT,
                        Optional.empty(),
                        Optional.empty(),
                        "test");
        server = ServeCommand.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
        provider.close();
    }

    @BeforeEach
    void behave() {
        provider.mode = FakeOidcProvider.Mode.GOOD;
        provider.user = "dana@north.example";
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse("");
    }

    /** The browser's round trip: to us, to the provider, back to our callback; what the callback answered. */
    private static HttpResponse<String> roundTrip(boolean sameBrowser) throws Exception {
        HttpResponse<String> start = get(base() + "/login/oidc?next=%2Freport", Map.of());
        assertThat(start.statusCode()).isEqualTo(303);
        String bound = cookie(start, "ar_oidc");
        assertThat(bound).startsWith("ar_oidc=");
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(provider.issuer() + "/authorize?")
                .contains("code_challenge_method=S256")
                .contains("nonce=")
                .contains("state=");
        HttpResponse<String> atProvider = get(authorize, Map.of());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        String callback = atProvider.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base() + "/login/oidc/callback?code=");
        return get(callback, sameBrowser ? Map.of("Cookie", bound) : Map.of());
    }

    @Test
    void aPersonTheProviderVouchesForIsSignedInAsThemselves() throws Exception {
        HttpResponse<String> back = roundTrip(true);

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("url=/report");
        String session = cookie(back, "ar_session");
        assertThat(session).startsWith("ar_session=ars_");
        HttpResponse<String> me = get(base() + "/api/me", Map.of("Cookie", session));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"login\" : \"dana@north.example\"").contains("\"role\" : \"ar_manager\"");
    }

    @ParameterizedTest
    @EnumSource(
            value = FakeOidcProvider.Mode.class,
            names = {"WRONG_AUDIENCE", "EXPIRED", "BAD_NONCE", "BAD_SIGNATURE", "UNVERIFIED_EMAIL"})
    void aTokenThatFailsItsChecksSignsNobodyIn(FakeOidcProvider.Mode mode) throws Exception {
        provider.mode = mode;

        HttpResponse<String> back = roundTrip(true);

        assertThat(back.statusCode()).isEqualTo(401);
        assertThat(back.body()).contains("Single sign-on failed");
        assertThat(cookie(back, "ar_session")).isEmpty();
    }

    @Test
    void aCallbackInAnotherBrowserOrUsedTwiceOrForSomeoneUnknownSignsNobodyIn() throws Exception {
        HttpResponse<String> elsewhere = roundTrip(false);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.body()).contains("not started in this browser");

        provider.user = "eve@north.example";
        HttpResponse<String> stranger = roundTrip(true);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("No one signs in here as eve@north.example");
        assertThat(cookie(stranger, "ar_session")).isEmpty();
    }

    @Test
    void theSignInPageOffersTheCompanyAccount() throws Exception {
        assertThat(get(base() + "/login", Map.of()).body()).contains("Sign in with your company account");
    }
}
