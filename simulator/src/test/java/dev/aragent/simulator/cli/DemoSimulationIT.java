package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.cli.CliRun;
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
                .contains("report: " + report.toAbsolutePath());
        assertThat(html).contains("<svg").endsWith("</html>\n");
        assertThat(second.exit()).isZero();
        assertThat(figures(second.out())).as("same seed, same figures").isEqualTo(figures(first.out()));
        assertThat(figures(first.out())).hasSizeGreaterThan(20);
    }

    /** The demo.* lines but the timings. */
    private static List<String> figures(String out) {
        return out.lines()
                .filter(l -> l.startsWith("demo.") && !l.startsWith("demo.seconds"))
                .toList();
    }
}
