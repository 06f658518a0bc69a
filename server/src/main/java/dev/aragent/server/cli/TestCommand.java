package dev.aragent.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ar-agent test}: documented here for {@code --help}; the launcher script runs it from the source checkout. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        header = "Run the whole test suite (from the source checkout).",
        description = "Unit tests, integration tests on an embedded PostgreSQL, formatting and dependency checks:"
                + " ./mvnw verify. The ./ar-agent launcher runs it; extra arguments go to Maven.")
public final class TestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("The test suite runs from the source checkout: ./ar-agent test (it runs ./mvnw verify).");
        return 1;
    }
}
