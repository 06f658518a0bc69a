package dev.aragent.simulator.cli;

import dev.aragent.console.Progress;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.simulator.SimReport;
import dev.aragent.simulator.Simulation;
import dev.aragent.store.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the simulation for {@code demo} and {@code simulate}: progress on stderr, the report on stdout and in HTML. */
final class SimulationRun {
    private SimulationRun() {}

    static int run(SimulationOptions options, PrintStream out) throws IOException {
        Simulation.Settings s = options.settings();
        LocalDate start = options.start;
        Path report = options.report;
        Path dir = Files.createTempDirectory("ar-agent-sim-");
        DemoClock clock = DemoClock.ticking(start.atTime(13, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Settings settings =
                DemoCommand.withDemoWording(Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "sim-agent"))
                        .withDataDir(dir));
        Progress progress = new Progress(System.err, s.days() + 1);
        progress.step("starting PostgreSQL, importing the book twice, training the risk model");
        Simulation.Result r;
        try (App app = App.with(settings, clock, Database.throwaway());
                PrintStream trace = options.trace.isPresent()
                        ? new PrintStream(Files.newOutputStream(options.trace.get()), false, StandardCharsets.UTF_8)
                        : new PrintStream(java.io.OutputStream.nullOutputStream());
                java.io.Writer messages = options.messages.isPresent()
                        ? Files.newBufferedWriter(options.messages.get(), StandardCharsets.UTF_8)
                        : java.io.Writer.nullWriter()) {
            progress.advance("ready");
            r = Simulation.run(
                    app,
                    s,
                    clock,
                    dir,
                    new Simulation.Listener() {
                        @Override
                        public void day(int done, int of, String counts) {
                            progress.advance("day " + done + "/" + of + ": " + counts);
                        }

                        @Override
                        public void trace(String line) {
                            trace.println(line);
                        }
                    },
                    options.messages.isPresent(),
                    options.messages.map(p -> messages));
        }
        progress.finish("simulated " + s.days() + " days");
        SimReport.print(out, r);
        options.messages.ifPresent(p -> out.println("messages audited: " + p.toAbsolutePath()));
        Files.writeString(report, SimReport.html(r), StandardCharsets.UTF_8);
        out.println("report: " + report.toAbsolutePath());
        out.println("people: the simulated AR manager decided approvals in Slack as a person of the tenant"
                + " (sim-manager@ar-agent.invalid, controller); this quarter's database is thrown away. For a book"
                + " you keep and a login to it: ./ar-agent demo --tour (prints a demo login), then ./ar-agent serve.");
        return 0;
    }
}
