package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.cli.CliRun;
import dev.aragent.server.cli.HelpTest;
import org.junit.jupiter.api.Test;

/**
 * The CLI as the runnable jar has it: the service's commands and the simulator's, every one with clean help (the
 * inherited checks rerun over all of them), {@code demo} first.
 */
class SimulatorHelpTest extends HelpTest {

    @Test
    void theSimulatorsCommandsJoinTheCli() {
        assertThat(commands())
                .contains(
                        "demo", "simulate", "bench", "bench queue", "bench auth", "bench mail", "risk sample-history");
    }

    @Test
    void theRootHelpListsTheDemoFirst() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exit()).isZero();
        String commands = run.out().substring(run.out().indexOf("Commands:"));
        assertThat(commands.strip().lines().skip(1).findFirst().orElseThrow().strip())
                .startsWith("demo");
        assertThat(commands).contains("simulate", "bench", "serve");
    }
}
