package dev.aragent.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.server.App;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API over a real socket, on an embedded PostgreSQL. */
class HttpApiIT {
    private static final String AGING = """
            customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency
            C-1,Blue Fern Bistro,INV-1,2026-09-01,2026-10-01,1200.00,1200.00,USD
            C-2,Harbor Hotel,INV-2,2026-11-01,2026-12-01,300.00,300.00,USD
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static App app;
    private static WebServer server;
    /** An admin's token scoped to read, import and admin (metrics): every call below carries it. */
    private static String token;

    @BeforeAll
    static void start() {
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", "http-test"));
        app = App.with(
                settings, Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZoneOffset.UTC), TestDatabase.fresh());
        server = ServeCommand.start(app, "127.0.0.1", 0);
        app.access()
                .enroll(
                        "ops@http-test.example",
                        "Ops",
                        dev.aragent.agent.access.Role.ADMIN,
                        app.settings().tenant(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "test");
        token = app.access()
                .issue(
                        "ops@http-test.example",
                        app.settings().tenant(),
                        "http-test",
                        java.util.EnumSet.of(
                                dev.aragent.agent.access.Permission.READ,
                                dev.aragent.agent.access.Permission.IMPORT,
                                dev.aragent.agent.access.Permission.ADMIN),
                        java.time.Duration.ofDays(1),
                        "test")
                .secret();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One raw HTTP/1.1 request with the Host header given (the JDK client will not send a forged one). */
    private static String raw(String method, String path, String host, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // the status line is all a test needs; a server that keeps the connection open must not hang it
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedAndChangesNothing() throws Exception {
        // DNS rebinding: a page on evil.example resolves to this machine and posts to it from a staff browser
        String before = get("/api/summary").body();
        String answer = raw("POST", "/api/imports", "evil.example", "customer_id,amount\nC-9,1.00\n");
        assertThat(answer).startsWith("HTTP/1.1 421");
        assertThat(get("/api/summary").body()).isEqualTo(before);
        assertThat(raw("GET", "/health", "localhost:" + server.port(), "")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aPostFromAnotherSitesPageIsRefusedAndChangesNothing() throws Exception {
        // cross-site request forgery: a text/plain form post from a page on evil.example, in a staff browser
        String before = get("/api/summary").body();
        HttpResponse<String> forged = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/imports"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", "https://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString("customer_id,amount\nC-9,1.00\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/api/summary").body()).isEqualTo(before);
    }

    @Test
    void everyAnswerForbidsSniffingFramingAndForeignContent() throws Exception {
        HttpResponse<String> page = get("/api/summary");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'", "frame-ancestors 'none'"));
    }

    @Test
    void healthShouldCheckTheDatabase() throws Exception {
        HttpResponse<String> res = get("/health");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).get("database").asText()).isEqualTo("UP");
    }

    @Test
    void importingShouldReturnTheReportThenBeIdempotentAndListOpenInvoices() throws Exception {
        HttpResponse<String> first = post("/api/imports?profile=generic&filename=aging.csv", AGING);
        HttpResponse<String> again = post("/api/imports?profile=generic&filename=aging.csv", AGING);
        HttpResponse<String> open = get("/api/invoices?status=open");

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode applied = JSON.readTree(first.body());
        assertThat(applied.get("outcome").asText()).isEqualTo("applied");
        assertThat(applied.at("/report/verdict").asText()).isEqualTo("clean");
        assertThat(applied.at("/report/kind").asText()).isEqualTo("aging");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("outcome").asText()).isEqualTo("unchanged");
        JsonNode invoices = JSON.readTree(open.body());
        assertThat(invoices.get("count").asInt()).isEqualTo(2);
        assertThat(invoices.at("/invoices/0/number").asText()).isEqualTo("INV-1");
        assertThat(invoices.at("/invoices/0/open_balance/amount").asText()).isEqualTo("1200.00");
        assertThat(invoices.at("/invoices/0/open_balance/currency").asText()).isEqualTo("USD");
        JsonNode summary = JSON.readTree(get("/api/summary").body());
        assertThat(summary.at("/currencies/0/buckets/31-60/balance").asText()).isEqualTo("1200.00");
        JsonNode queue = JSON.readTree(get("/api/queue").body());
        assertThat(queue.at("/entries/0/invoices/0").asText()).isEqualTo("INV-1");
        assertThat(queue.at("/entries/0/account").asText()).isEqualTo("C-1");
        assertThat(queue.at("/entries/0/action/channel").asText()).isIn("email", "sms", "call", "human");
        assertThat(queue.at("/entries/0/risk_note").asText()).isEqualTo("probability indicator, not a verdict");
        assertThat(queue.at("/entries/0/factors").size()).isPositive();
        assertThat(queue.at("/entries/0/notes/0").asText()).startsWith("priority = $");
        assertThat(queue.at("/model/kind").asText()).isEqualTo("aging-baseline");
        JsonNode report = JSON.readTree(get("/api/report").body());
        assertThat(report.at("/open/amount").asText()).isEqualTo("1500.00");
        assertThat(report.at("/risk_note").asText()).isEqualTo("probability indicator, not a verdict");
        HttpResponse<String> page = get("/report");
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("style-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.body()).contains("<svg", "<h1>Report, ", "Cash collected by week", "Likely write-offs");
        assertThat(page.body())
                .as("the aging chart has a scaled y axis and both axis titles")
                .contains(">open, USD</text>", ">days past due</text>", ">1.5k</text>", ">2k</text>", ">0</text>");
    }

    @Test
    void aBrokenUploadShouldBe422WithTheReportAndWriteNothing() throws Exception {
        HttpResponse<String> res = post("/api/imports?filename=bad.csv&kind=aging", """
                customer_id,customer_name,invoice_number,invoice_date,due_date,amount,open_balance,currency
                C-9,Nine,INV-9,not-a-date,2026-10-01,1.00,1.00,USD
                """);

        assertThat(res.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(res.body());
        assertThat(body.get("outcome").asText()).isEqualTo("rejected");
        assertThat(body.at("/report/problems/0/line").asInt()).isEqualTo(2);
        assertThat(body.at("/report/problems/0/field").asText()).isEqualTo("invoice_date");
        assertThat(JSON.readTree(get("/api/invoices?status=open&limit=1000").body())
                        .toString())
                .doesNotContain("INV-9");
    }

    @Test
    void badRequestsShouldSayWhatIsWrong() throws Exception {
        assertThat(post("/api/imports?profile=sage", AGING).statusCode()).isEqualTo(400);
        assertThat(post("/api/imports?kind=widgets", AGING).body()).contains("unknown kind 'widgets'");
        assertThat(post("/api/imports", "").body()).contains("send the CSV file as the request body");
        assertThat(get("/api/invoices?status=lost").statusCode()).isEqualTo(400);
        assertThat(get("/api/invoices?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsShouldBePrometheusText() throws Exception {
        post("/api/imports?filename=customers.csv", "customer_id,name\nC-50,Fifty Diner\n");
        HttpResponse<String> res = get("/metrics");

        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(res.body())
                .contains("ar_imports_total{")
                .contains("ar_database_up 1.0")
                .contains("jvm_memory_used_bytes")
                .contains("ar_http_requests_seconds_count{");
    }
}
