package dev.aragent.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ar-agent test}: documented here for {@code --help}; the launcher script runs it from the source checkout. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole test suite (unit tests, integration tests on embedded PostgreSQL, format and",
            "dependency checks): ./mvnw verify. Run it as ./ar-agent test from the source checkout."
        })
public final class TestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("The test suite runs from the source checkout: ./ar-agent test (it runs ./mvnw verify).");
        return 1;
    }
}
