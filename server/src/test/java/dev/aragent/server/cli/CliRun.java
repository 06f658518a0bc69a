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

    /** {@code ar-agent import FILE} of {@code content} (written as {@code name} under {@code dir}) into {@code db}. */
    public static CliRun importing(
            dev.aragent.store.Database db,
            java.nio.file.Path dir,
            String tenant,
            String name,
            byte[] content,
            String... more)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve(name);
        java.nio.file.Files.write(file, content);
        String[] base = {"import", file.toString(), "--database-url", db.jdbcUrl(), "--tenant", tenant};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return of(args);
    }
}
