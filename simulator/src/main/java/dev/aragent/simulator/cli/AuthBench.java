package dev.aragent.simulator.cli;

import dev.aragent.agent.access.Access;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.access.SignIn;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Progress;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ar-agent bench auth}: what checking a session or an API token costs each request. */
@Command(
        name = "auth",
        mixinStandardHelpOptions = true,
        header = "Time session and token checks per request (goal ≤ 1 ms p99) and sign-ins.",
        description = {
            "On an embedded PostgreSQL with N people (each with a session and a token), times the check every request"
                    + " through the gate makes — the credential's hash looked up, expiry and idle time, the person"
                    + " still enabled and a member of the tenant — for random sessions and tokens; then a whole"
                    + " GET /api/me over loopback HTTP with each, beside GET /health (no check) for the server's own"
                    + " cost; then Argon2id sign-ins.",
            "Figures: auth.session.check.p50|p99.ms, auth.token.check.p50|p99.ms, auth.http.me.*, auth.http.health.*,"
                    + " auth.sign_in.p50.ms."
        })
public final class AuthBench implements Callable<Integer> {
    @Option(names = "--people", paramLabel = "N", defaultValue = "200", description = "default: ${DEFAULT-VALUE}")
    int people = 200;

    @Option(names = "--checks", paramLabel = "N", defaultValue = "20000", description = "default: ${DEFAULT-VALUE}")
    int checks = 20_000;

    @Override
    public Integer call() throws Exception {
        if (people < 1 || checks < 100) {
            throw new IllegalArgumentException("--people must be at least 1 and --checks at least 100");
        }
        TenantId tenant = TenantId.of("bench-auth");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        Settings settings = Settings.load(Path.of("absent.yaml"), Map.of("AR_TENANT", tenant.value()));
        Progress progress = new Progress(System.err, 3);
        progress.step("enrolling " + people + " people");
        try (App app = App.with(settings, clock, Database.throwaway())) {
            Access access = app.access();
            String password = "bench password long enough";
            List<String> cookies = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            List<Double> signIns = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String login = "person" + i + "@bench.example";
                access.enroll(
                        login,
                        "Person " + i,
                        Role.values()[i % Role.values().length],
                        tenant,
                        Optional.empty(),
                        Optional.of(password.toCharArray()),
                        "bench");
                long t0 = System.nanoTime();
                SignIn in = access.signIn(login, password.toCharArray(), Optional.empty());
                signIns.add((System.nanoTime() - t0) / 1e6);
                cookies.add(((SignIn.SignedIn) in).cookie());
                tokens.add(
                        access.issue(login, tenant, "bench", EnumSet.of(Permission.READ), Duration.ofDays(1), "bench")
                                .secret());
            }
            progress.advance("enrolled");
            progress.step("checking " + checks + " sessions and tokens");
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            double[] session = time(
                    checks,
                    () -> access.session(cookies.get(random.nextInt(cookies.size())))
                            .isPresent());
            double[] token = time(
                    checks,
                    () -> access.bearer(tokens.get(random.nextInt(tokens.size())))
                            .isPresent());
            progress.advance("checked");
            progress.step("timing requests over loopback HTTP");
            var server = ServeCommand.start(app, "127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            URI me = URI.create("http://127.0.0.1:" + server.port() + "/api/me");
            URI health = URI.create("http://127.0.0.1:" + server.port() + "/health");
            int requests = Math.max(100, checks / 10);
            double[] healthMs = time(requests, () -> get(http, health, Map.of()) == 200);
            double[] meToken = time(
                    requests,
                    () -> get(http, me, Map.of("Authorization", "Bearer " + tokens.get(random.nextInt(tokens.size()))))
                            == 200);
            double[] meSession = time(
                    requests,
                    () -> get(http, me, Map.of("Cookie", "ar_session=" + cookies.get(random.nextInt(cookies.size()))))
                            == 200);
            server.stop();
            progress.advance("done");
            progress.finish("done");
            print("auth.session.check", session);
            print("auth.token.check", token);
            print("auth.http.health", healthMs);
            print("auth.http.me.token", meToken);
            print("auth.http.me.session", meSession);
            double[] s =
                    signIns.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "auth.sign_in.p50.ms: %.1f ms%n", percentile(s, 0.50));
            System.out.printf(Locale.ROOT, "auth.sign_in.p99.ms: %.1f ms%n", percentile(s, 0.99));
            System.out.printf(
                    Locale.ROOT,
                    "auth.goal: %s (session and token check ≤ 1 ms p99)%n",
                    percentile(session, 0.99) <= 1.0 && percentile(token, 0.99) <= 1.0 ? "met" : "not met");
        }
        return 0;
    }

    private static int get(HttpClient http, URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each call's time in ms, sorted; a warm-up of a tenth first. Every call must succeed. */
    /** {@code n} timed calls after {@code n / 10} to warm up, in milliseconds, sorted; a call that fails stops it. */
    static double[] time(int n, Supplier<Boolean> call) {
        for (int i = 0; i < n / 10; i++) {
            if (!call.get()) {
                throw new IllegalStateException("a call the bench made failed");
            }
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            boolean ok = call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (!ok) {
                throw new IllegalStateException("a call the bench made failed");
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String name, double[] sorted) {
        System.out.printf(Locale.ROOT, "%s.p50.ms: %.3f ms%n", name, percentile(sorted, 0.50));
        System.out.printf(Locale.ROOT, "%s.p99.ms: %.3f ms%n", name, percentile(sorted, 0.99));
        System.out.printf(Locale.ROOT, "%s.max.ms: %.3f ms%n", name, sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
