package dev.aragent.simulator.cli;

import dev.aragent.simulator.book.SampleBook;
import dev.aragent.simulator.book.SampleBookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ar-agent risk sample-history FILE}: the sample book's invoices as a history file for {@code risk eval}. */
@Command(
        name = "sample-history",
        mixinStandardHelpOptions = true,
        header = "Write the sample book's invoices as a history file in the documented format.",
        description = "Columns: the seven required ones plus segment and payment_method as extra features; the"
                + " file `risk eval --history` reads.")
public final class SampleHistoryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "where to write")
    Path file;

    @Option(names = "--seed", defaultValue = "42", description = "book seed (default: 42)")
    long seed = 42;

    @Option(names = "--accounts", defaultValue = "2400", description = "accounts (default: 2400)")
    int accounts = 2400;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the book's date (default: today)")
    Optional<LocalDate> asOf = Optional.empty();

    @Override
    public Integer call() throws IOException {
        SampleBook book = SampleBook.generate(seed, asOf.orElse(LocalDate.now(Clock.systemUTC())), accounts);
        int rows = SampleBookWriter.writeHistory(book, file);
        System.out.printf(Locale.ROOT, "wrote %,d invoices to %s%n", rows, file);
        return 0;
    }
}
