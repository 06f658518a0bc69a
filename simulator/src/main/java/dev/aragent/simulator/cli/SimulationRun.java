package dev.aragent.simulator.cli;

import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Progress;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.simulator.Assumptions;
import dev.aragent.simulator.SimReport;
import dev.aragent.simulator.Simulation;
import dev.aragent.store.Database;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs the simulation for {@code demo} and {@code simulate}: progress on stderr, the report on stdout and in HTML. */
final class SimulationRun {
    private SimulationRun() {}

    static int run(SimulationOptions options, PrintStream out) throws IOException {
        return run(options, out, Optional.empty());
    }

    /**
     * The simulation; {@code afterwards}, when given, runs on the quarter's app (its book still there) once the report
     * is out.
     */
    static int run(SimulationOptions options, PrintStream out, Optional<Consumer<App>> afterwards) throws IOException {
        if (options.sensitivity) {
            return sensitivity(options, out);
        }
        Simulation.Settings s = options.settings();
        Path report = options.report;
        Quarter q = Quarter.open(options.start);
        DemoClock clock = q.clock();
        Path dir = q.dir();
        Progress progress = new Progress(System.err, s.days() + 1);
        progress.step("starting PostgreSQL, importing the book twice, training the risk model");
        Simulation.Result r;
        try (App app = q.app();
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

                        @Override
                        public boolean tracing() {
                            return options.trace.isPresent();
                        }
                    },
                    options.messages.isPresent(),
                    options.messages.map(p -> messages));
            progress.finish("simulated " + s.days() + " days");
            SimReport.print(out, r);
            options.messages.ifPresent(p -> out.println("messages audited: " + p.toAbsolutePath()));
            Files.writeString(report, SimReport.html(r), StandardCharsets.UTF_8);
            out.println("report: " + report.toAbsolutePath());
            out.println("people: the simulated AR manager decided approvals in Slack as a person of the tenant"
                    + " (sim-manager@ar-agent.invalid, controller).");
            if (afterwards.isEmpty()) {
                out.println("To see the quarter as the AR team would — the worklist, each account's story, approvals,"
                        + " the rules with a preview, the last batch run step by step, the report —"
                        + " run ./ar-agent demo --console: the console stays up on this book with a login. Without it,"
                        + " the book is thrown away now.");
            }
            afterwards.ifPresent(a -> a.accept(app));
        }
        return 0;
    }

    /** A quarter's world: its own directory, virtual clock and app on a throwaway database. */
    private record Quarter(Path dir, DemoClock clock, Settings settings) {
        static Quarter open(LocalDate start) throws IOException {
            Path dir = Files.createTempDirectory("ar-agent-sim-");
            DemoClock clock = DemoClock.ticking(start.atTime(13, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            Settings settings = DemoCommand.withDemoWording(
                    Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "sim-agent"))
                            .withDataDir(dir));
            return new Quarter(dir, clock, settings);
        }

        App app() {
            return App.with(settings, clock, Database.throwaway());
        }
    }

    /**
     * {@code --sensitivity}: the quarter on the base, pessimistic and optimistic assumptions, each on a world of its own,
     * and how much of the agent's advantage survives each.
     */
    private static int sensitivity(SimulationOptions options, PrintStream out) throws IOException {
        List<Assumptions> sets = List.of(Assumptions.base(), Assumptions.pessimistic(), Assumptions.optimistic());
        Progress progress = new Progress(System.err, sets.size() * (options.days + 1));
        List<Simulation.Result> results = new ArrayList<>();
        for (Assumptions a : sets) {
            Simulation.Settings s = options.settings().with(a);
            Quarter q = Quarter.open(options.start);
            progress.step(a.name() + ": starting PostgreSQL, importing the book twice");
            try (App app = q.app()) {
                progress.advance(a.name() + ": ready");
                results.add(Simulation.run(
                        app,
                        s,
                        q.clock(),
                        q.dir(),
                        (done, of, counts) -> progress.advance(a.name() + " day " + done + "/" + of + ": " + counts)));
            }
        }
        progress.finish("simulated " + sets.size() + " quarters");
        SimReport.sensitivity(out, results);
        return 0;
    }

    /** The AR team's console on a book, with a login for it: served until closed. */
    record OpenConsole(WebServer server, String url, String login, String password) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }

    /**
     * Opens the console on {@code app}'s tenant (the agent's side of the quarter) at {@code port} (0: any free one),
     * with a demo AR manager's login.
     */
    static OpenConsole console(App app, int port) {
        TenantId tenant = app.settings().tenant();
        String login = "demo@" + tenant + ".ar-agent.invalid";
        var enrolled = app.access()
                .enroll(login, "Demo AR manager", Role.AR_MANAGER, tenant, Optional.empty(), Optional.empty(), "demo");
        String password =
                enrolled.generatedPassword().orElseGet(() -> app.access().reset(login, "demo"));
        WebServer server = ServeCommand.start(
                app, Optional.of(app.tenancy(app.replyDesk(), app.turnTaker(app.identity()))), "127.0.0.1", port);
        return new OpenConsole(server, "http://localhost:" + server.port() + "/", login, password);
    }

    /** {@code demo --console}: the console on the quarter's book until the process is stopped. */
    static void serve(App app, int port, PrintStream out) {
        OpenConsole c = console(app, port);
        out.println();
        out.println("The console is up on the quarter's book: " + c.url());
        out.println("Sign in as " + c.login() + "  password: " + c.password() + "  (AR manager of '"
                + app.settings().tenant() + "'). Ctrl-C stops it; the book goes with it.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
        }
    }
}
