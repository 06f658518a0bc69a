package dev.aragent.server.cli;

import dev.aragent.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process and keeps what it printed on stdout and stderr, interleaved. */
public record CliRun(int exit, String out) {
    public static synchronized CliRun of(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            var cli = Main.commandLine();
            cli.setOut(new PrintWriter(capture, true));
            cli.setErr(new PrintWriter(capture, true));
            int exit = cli.execute(args);
            capture.flush();
            return new CliRun(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
