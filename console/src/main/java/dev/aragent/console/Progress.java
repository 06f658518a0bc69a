package dev.aragent.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal ({@code [#####-----] 3/5 aging.csv: writing}); on a pipe or in CI it prints
 * one plain line per step instead of redrawing.
 */
public final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int done;

    public Progress(PrintStream out, int total) {
        this.out = out;
        this.total = Math.max(1, total);
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    public void step(String label) {
        draw(label);
    }

    public void advance(String label) {
        done = Math.min(total, done + 1);
        draw(label);
    }

    public void finish(String label) {
        done = total;
        draw(label);
        if (terminal) {
            out.println();
        }
    }

    private void draw(String label) {
        int filled = done * WIDTH / total;
        String line = String.format(
                Locale.ROOT,
                "[%s%s] %d/%d %-44s %5.1fs",
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                done,
                total,
                label.length() > 44 ? label.substring(0, 43) + "…" : label,
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }
}
