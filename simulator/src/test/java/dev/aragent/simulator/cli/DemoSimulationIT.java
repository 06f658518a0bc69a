package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.cli.CliRun;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ar-agent demo}'s main job on a small book: a simulated stretch of days, reported, reproducible from its seed. */
class DemoSimulationIT {

    @Test
    void theDemoSimulatesTheAgentAgainstPlainDunningAndTheSameSeedGivesTheSameFigures(@TempDir Path dir)
            throws Exception {
        Path report = dir.resolve("report.html");
        String[] args = {"demo", "--accounts", "60", "--days", "4", "--seed", "11", "--report", report.toString()};

        CliRun first = CliRun.of(args);
        String html = Files.readString(report);
        CliRun second = CliRun.of(args);

        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out())
                .contains("day 4/4", "plain dunning", "demo.agent.collected: ", "demo.baseline.dso: ", "demo.fee: ")
                .contains("report: " + report.toAbsolutePath())
                .contains("./ar-agent demo --console");
        assertThat(html).contains("<svg").endsWith("</html>\n");
        assertThat(second.exit()).isZero();
        assertThat(figures(second.out())).as("same seed, same figures").isEqualTo(figures(first.out()));
        assertThat(figures(first.out())).hasSizeGreaterThan(20);
    }

    @Test
    void afterTheQuarterTheConsoleOpensOnItsBookWithTheDemoLogin(@TempDir Path dir) throws Exception {
        SimulationOptions options = new SimulationOptions();
        options.accounts = 40;
        options.days = 3;
        options.seed = 5;
        options.report = dir.resolve("report.html");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        List<String> seen = new java.util.ArrayList<>();

        int exit = SimulationRun.run(options, new java.io.PrintStream(printed, true), java.util.Optional.of(app -> {
            try (SimulationRun.OpenConsole console = SimulationRun.console(app, 0)) {
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> signIn = http.send(
                        HttpRequest.newBuilder(URI.create(console.url() + "login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("login="
                                        + URLEncoder.encode(console.login(), StandardCharsets.UTF_8)
                                        + "&password=" + URLEncoder.encode(console.password(), StandardCharsets.UTF_8)
                                        + "&next=%2F"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                seen.add("sign-in " + signIn.statusCode());
                String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
                HttpResponse<String> today = http.send(
                        HttpRequest.newBuilder(URI.create(console.url()))
                                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                seen.add("today " + today.statusCode());
                seen.add(today.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("demo.agent.collected: ");
        assertThat(seen.subList(0, 2)).containsExactly("sign-in 303", "today 200");
        assertThat(seen.get(2))
                .contains("Today, ", "The agent's queue", "Demo AR manager", "AR manager", "sim-agent")
                .contains("Tasks for people");
    }

    /** The demo.* lines but the timings. */
    private static List<String> figures(String out) {
        return out.lines()
                .filter(l -> l.startsWith("demo.") && !l.startsWith("demo.seconds"))
                .toList();
    }
}
