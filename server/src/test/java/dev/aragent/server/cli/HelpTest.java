package dev.aragent.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.server.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clean help for every command of the CLI on the class path (the simulator reruns it with its own commands added). */
public class HelpTest {

    /** Every command and subcommand, as the words typed after {@code ar-agent} (e.g. "risk train"). */
    public static java.util.stream.Stream<String> commands() {
        java.util.List<String> out = new java.util.ArrayList<>();
        collect(Main.commandLine(), "", out);
        return out.stream();
    }

    private static void collect(picocli.CommandLine line, String prefix, java.util.List<String> out) {
        line.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String path = (prefix + " " + name).strip();
            out.add(path);
            collect(sub, path, out);
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("commands")
    public void everyCommandShouldHaveCleanHelp(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        CliRun run = CliRun.of(args);

        picocli.CommandLine line = Main.commandLine();
        for (String w : words) {
            line = line.getSubcommands().get(w);
        }
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .startsWith(line.getCommandSpec().usageMessage().header()[0])
                .contains("Usage: ar-agent " + command)
                .doesNotContain("WARN");
    }

    @org.junit.jupiter.api.Test
    public void theNewCommandsAreListed() {
        assertThat(commands()).contains("risk train", "risk eval", "batch", "report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help"})
    public void theRootHelpShouldListTheCommands(String arg) {
        CliRun run = CliRun.of(arg);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("test", "serve", "import", "queue").doesNotContain("WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--no-such-flag"})
    public void anUnknownCommandOrOptionShouldSaySoAndFail(String arg) {
        CliRun run = CliRun.of(arg);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).containsAnyOf("Unmatched argument", "Unknown option");
    }
}
