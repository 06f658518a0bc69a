package dev.aragent.server;

import dev.aragent.server.cli.ApprovalsCommand;
import dev.aragent.server.cli.AskCommand;
import dev.aragent.server.cli.BatchCommand;
import dev.aragent.server.cli.ClassifyCommand;
import dev.aragent.server.cli.ExtraCommands;
import dev.aragent.server.cli.ImportCommand;
import dev.aragent.server.cli.QueueCommand;
import dev.aragent.server.cli.ReplyTextCommand;
import dev.aragent.server.cli.ReportCommand;
import dev.aragent.server.cli.RiskCommand;
import dev.aragent.server.cli.ServeCommand;
import dev.aragent.server.cli.TenantsCommand;
import dev.aragent.server.cli.TestCommand;
import dev.aragent.server.cli.ThreadsCommand;
import dev.aragent.server.cli.TokensCommand;
import dev.aragent.server.cli.UsersCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ar-agent}: the command line. Each subcommand has {@code --help}. */
@Command(
        name = "ar-agent",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Accounts-receivable collections agent: imports your AR book, judges its data health,"
                    + " and orders today's collection work.",
            ""
        },
        footer = {"", "Settings come from ar-agent.yaml and AR_* environment variables; see README.md, Configuration."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLogging(args);
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The commands in the order {@code --help} lists them; commands from elsewhere come after those it names. */
    private static final List<String> ORDER = List.of(
            "demo",
            "test",
            "serve",
            "import",
            "queue",
            "risk",
            "batch",
            "approvals",
            "users",
            "tokens",
            "tenants",
            "report",
            "reply-text",
            "threads",
            "ask",
            "classify",
            "bench",
            "simulate",
            "help");

    /** The service's own commands; others ({@code demo}, {@code simulate}, {@code bench}) come as {@link ExtraCommands}. */
    private static final List<Class<?>> OWN = List.of(
            TestCommand.class,
            ServeCommand.class,
            ImportCommand.class,
            QueueCommand.class,
            RiskCommand.class,
            BatchCommand.class,
            ApprovalsCommand.class,
            UsersCommand.class,
            TokensCommand.class,
            TenantsCommand.class,
            ReportCommand.class,
            ReplyTextCommand.class,
            ThreadsCommand.class,
            AskCommand.class,
            ClassifyCommand.class,
            CommandLine.HelpCommand.class);

    /** The CLI, also driven in-process by tests: the service's commands and those on the class path besides. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        List<Class<?>> all = new ArrayList<>(OWN);
        List<ExtraCommands> extras = new ArrayList<>();
        ServiceLoader.load(ExtraCommands.class).forEach(extras::add);
        extras.forEach(more -> all.addAll(more.commands()));
        all.sort(Comparator.comparingInt(c -> {
            int i = ORDER.indexOf(c.getAnnotation(Command.class).name());
            return i < 0 ? ORDER.size() : i;
        }));
        all.forEach(cli::addSubcommand);
        extras.forEach(more -> more.subcommands()
                .forEach((parent, commands) ->
                        commands.forEach(c -> cli.getSubcommands().get(parent).addSubcommand(c))));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getColorScheme().errorText("error: " + message(e)));
            line.getErr().println("(run with AR_LOG_LEVEL=debug for details)");
            if ("debug".equalsIgnoreCase(System.getenv("AR_LOG_LEVEL"))) {
                e.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cli;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The CLI talks to people: library chatter stays below WARN unless AR_LOG_LEVEL or {@code serve} asks for more. */
    private static void quietLogging(String[] args) {
        String level = System.getenv("AR_LOG_LEVEL");
        if (level == null || level.isBlank()) {
            level = args.length > 0 && args[0].equals("serve") ? "info" : "warn";
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.toLowerCase(java.util.Locale.ROOT));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // libraries that warn about optional speed-ups (SIMD, GPUs) the CLI does not need to mention
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.lucene.internal.vectorization", "error");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ar-agent " + (v == null ? "dev" : v)};
        }
    }
}
