package dev.aragent.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ar-agent bench NAME}: benchmarks that print figures, one {@code name: value [unit]} per line. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Run a benchmark and print its figures.",
        description = "Each benchmark prints one line per figure, 'name: value [unit]', so scripts can read them.",
        subcommands = {
            MailBench.class,
            RagBench.class,
            NluBench.class,
            QueueBench.class,
            VoiceBench.class,
            AuthBench.class,
            ConsoleBench.class,
            CashBench.class
        })
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println(
                "Name a benchmark: ./ar-agent bench mail | rag | nlu | queue | voice | auth | console   (./ar-agent bench --help lists them)");
        return 2;
    }
}
