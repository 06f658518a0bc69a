package dev.aragent.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.demo.DemoClock;
import dev.aragent.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short simulation on a small book: both arms run through the real mail server and imports, the debtors are the same
 * in both, and every figure comes from what happened.
 */
class SimulationIT {
    @TempDir
    Path dir;

    @Test
    void theAgentAndPlainDunningMeetTheSameDebtorsAndTheReportCountsWhatHappened() {
        DemoClock clock = DemoClock.ticking(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);
        Settings settings = Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "sim-agent"))
                .withDataDir(dir);
        List<String> days = new ArrayList<>();
        Simulation.Result r;
        try (App app = App.with(settings, clock, TestDatabase.fresh())) {
            r = Simulation.run(
                    app, new Simulation.Settings(7, 60, 5, 8), clock, dir, (done, of, counts) -> days.add(counts));
        }
        assertThat(days).hasSize(5);
        assertThat(r.debtors()).isGreaterThan(20);
        assertThat(r.mix().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.debtors());
        assertThat(r.mix()).containsKeys(Persona.PAYS_ON_REMINDER, Persona.GHOSTS);

        Simulation.Arm agent = r.agent();
        Simulation.Arm dunning = r.dunning();
        assertThat(agent.emails()).isPositive();
        assertThat(dunning.emails()).isPositive();
        assertThat(agent.repliesRead()).as("the agent reads every answer").isEqualTo(agent.debtorReplies());
        assertThat(dunning.repliesRead()).as("plain dunning reads none").isZero();
        assertThat(dunning.promises()).isZero();
        assertThat(dunning.humanTouches()).isZero();
        assertThat(agent.collected()).isEqualTo(sum(agent.collectedByDay()));
        assertThat(dunning.collected()).isEqualTo(sum(dunning.collectedByDay()));
        assertThat(agent.collectedAfterContact()).isLessThanOrEqualTo(agent.collected());
        assertThat(agent.openAtEnd()).isEqualTo(agent.openAtStart() - agent.collected());
        assertThat(r.feeMinor()).isEqualTo(Math.round(agent.collectedAfterContact() * 0.08));
        assertThat(agent.contactedAfterOptOut()).isLessThanOrEqualTo(dunning.contactedAfterOptOut());

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SimReport.print(new PrintStream(text, true, StandardCharsets.UTF_8), r);
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("demo.agent.dso: ")
                .contains("demo.baseline.dso: ")
                .contains("demo.agent.collected: ")
                .contains("demo.fee: ");
        String html = SimReport.html(r);
        assertThat(html)
                .contains("<svg")
                .contains("<polyline")
                .contains("plain dunning")
                .endsWith("</html>\n");
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedWithTheOptionToFix() {
        assertThatThrownBy(() -> new Simulation.Settings(1, 100, 0, 8)).hasMessageContaining("--days");
        assertThatThrownBy(() -> new Simulation.Settings(1, 5, 10, 8)).hasMessageContaining("--accounts");
        assertThatThrownBy(() -> new Simulation.Settings(1, 100, 10, 90)).hasMessageContaining("--fee-percent");
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }
}
