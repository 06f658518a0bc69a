package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "test", "serve", "import", "queue", "reply-text", "threads", "bench", "ask"})
    void everyCommandShouldHaveCleanHelp(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith(Main.commandLine()
                        .getSubcommands()
                        .get(command)
                        .getCommandSpec()
                        .usageMessage()
                        .header()[0])
                .contains("Usage: ar-agent " + command)
                .doesNotContain("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    void theRootHelpShouldListTheCommands(String arg) {
        CliRun run = CliRun.of(arg);

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("demo", "test", "serve", "import", "queue")
                .doesNotContain("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--no-such-flag"})
    void anUnknownCommandOrOptionShouldSaySoAndFail(String arg) {
        CliRun run = CliRun.of(arg);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).containsAnyOf("Unmatched argument", "Unknown option");
    }
}
