package dev.aragent.server.cli;

import dev.aragent.server.App;
import dev.aragent.server.Tenancy;
import io.helidon.webserver.WebServer;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ar-agent serve}: the HTTP service until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Run the HTTP service.",
        description = "Serves the console's sign-in (/login, single sign-on when AR_OIDC_ISSUER is set), GET /health,"
                + " GET /metrics, the JSON API (/api/imports, /api/invoices, /api/summary, /api/queue, /api/report,"
                + " /api/approvals, /api/me) and the report page — each for the tenant of the caller's session or API"
                + " token, with the permission of their role — and the webhooks (verified by signature). Refuses to"
                + " start until someone can sign in: create the first admin with ./ar-agent users add EMAIL --role"
                + " admin. Binds 127.0.0.1 unless AR_SERVER_HOST says otherwise. Stops cleanly on Ctrl-C or SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    /** What a fresh install says instead of opening an API nobody can sign in to. */
    static final String FIRST_ADMIN = "Nobody can sign in yet, so the API stays closed. Create the first admin, then"
            + " serve again:\n  ./ar-agent users add you@yourcompany.example --role admin --name \"Your Name\""
            + "\n(it prints a password once; add --password-stdin to choose one). Add colleagues the same way with"
            + " --role viewer|collector|ar_manager|controller, and machines with ./ar-agent tokens create.";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "listen port (default: AR_SERVER_PORT, else 8080; 0 picks a free one)")
    Optional<Integer> port = Optional.empty();

    @Option(
            names = "--no-batch",
            description = "do not run the scheduled batch (queue actions and retraining); serve the API and mail only")
    boolean noBatch;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        var settings = common.settings();
        if (port.isPresent()) {
            settings = settings.withPort(port.get());
        }
        App app = App.start(settings, common.clock());
        if (app.access().needsFirstAdmin()) {
            app.close();
            System.err.println(FIRST_ADMIN);
            return 2;
        }
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        dev.aragent.server.Offices offices = openOffices(app, !noBatch, stopping, System.out);
        WebServer server = dev.aragent.server.http.WebService.start(
                app,
                offices,
                settings.serverHost(),
                settings.serverPort(),
                java.time.Duration.ZERO,
                dev.aragent.voicebridge.MediaStreams.Options.defaults());
        System.out.println("ar-agent serving " + offices.all().size()
                + (offices.all().size() == 1 ? " tenant" : " tenants") + " on http://localhost:" + server.port()
                + " (" + app.database().description() + ")");
        indexImportsInTheBackground(app);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            server.stop();
                            app.close();
                            stopped.countDown();
                        },
                        "ar-agent-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * An applied import refreshes the touched accounts' documents in the retrieval index, one import at a time on a
     * virtual thread, so the HTTP answer does not wait for the embeddings.
     */
    private static void indexImportsInTheBackground(App app) {
        var pending = new java.util.concurrent.LinkedBlockingQueue<
                java.util.Map.Entry<
                        dev.aragent.agent.ledger.TenantId, java.util.Set<dev.aragent.agent.ledger.CustomerKey>>>();
        app.afterImport((tenant, accounts) -> pending.add(java.util.Map.entry(tenant, accounts)));
        Thread.ofVirtual().name("import-indexer").start(() -> {
            while (true) {
                try {
                    var job = pending.take();
                    long t0 = System.nanoTime();
                    int docs = app.reindex(job.getKey(), job.getValue(), n -> {});
                    org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                            .atInfo()
                            .addKeyValue("accounts", job.getValue().size())
                            .addKeyValue("documents", docs)
                            .addKeyValue("seconds", (System.nanoTime() - t0) / 1_000_000_000L)
                            .log("import indexed");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                            .atWarn()
                            .addKeyValue("error", e.toString())
                            .log("indexing an import failed; ask re-indexes an account on demand");
                }
            }
        });
    }

    /**
     * Starts the back office of every tenant the service hosts ({@link dev.aragent.server.Settings#served()}): its
     * mailbox watched, its approvals, texts, calls and CRM events pumped, and with {@code batch} its scheduled queue
     * run, each on its own virtual threads until {@code stopping}; says on {@code out} what each runs.
     */
    public static dev.aragent.server.Offices openOffices(
            App app, boolean batch, java.util.concurrent.atomic.AtomicBoolean stopping, java.io.PrintStream out) {
        java.util.List<Tenancy> all = new java.util.ArrayList<>();
        for (dev.aragent.server.TenantConfig t : app.settings().served()) {
            dev.aragent.agent.conversation.TurnTaker turnTaker = app.turnTaker(t);
            Optional<dev.aragent.agent.conversation.MailDesk> desk =
                    t.mail().map(mail -> watchMailbox(app, t.tenant(), mail, turnTaker, stopping, out));
            Tenancy office = app.tenancy(
                    t, desk.orElseGet(() -> app.replyDesk(t.identity(), turnTaker)), turnTaker, app.clock());
            all.add(office);
            out.println("tenant '" + t.tenant() + "': approvals "
                    + t.channels()
                            .slack()
                            .map(s -> "in Slack " + s.channel())
                            .orElse("by GET/POST /api/approvals and ./ar-agent approvals (Slack not configured)")
                    + "; SMS "
                    + t.channels().twilio().map(tw -> "from " + tw.number()).orElse("not configured")
                    + "; CRM " + t.channels().crm().map(Object::toString).orElse("not configured"));
            pumpInTheBackground(office, stopping);
            if (batch) {
                var rules = app.queueRules(t.tenant());
                dev.aragent.server.Scheduler.forChannels(app, desk, office).start(t.tenant(), stopping);
                out.println("tenant '" + t.tenant() + "': batch " + rules.runDays() + " at " + rules.runAt() + " "
                        + rules.defaultZone() + ", next "
                        + dev.aragent.agent.app.Schedule.nextRun(
                                rules, app.clock().instant())
                        + (desk.isPresent() || office.office().sms().isPresent()
                                ? ""
                                : " (no mailbox or SMS configured: actions become tasks for the AR team)"));
            }
        }
        return dev.aragent.server.Offices.of(all);
    }

    /** Reads a tenant's AR mailbox (IDLE or polling) and sends its outbox on a virtual thread until shutdown. */
    private static dev.aragent.agent.conversation.MailDesk watchMailbox(
            App app,
            dev.aragent.agent.ledger.TenantId tenant,
            dev.aragent.server.MailConfig mail,
            dev.aragent.agent.conversation.TurnTaker turnTaker,
            java.util.concurrent.atomic.AtomicBoolean stopping,
            java.io.PrintStream out) {
        var desk = app.mailDesk(mail, turnTaker);
        var inbox = app.inbox(mail);
        var watcher = dev.aragent.agent.conversation.MailboxWatcher.create(desk, app.mailJournal(), app.clock());
        Thread.ofVirtual().name("mailbox-" + tenant + "-" + inbox.name()).start(() -> {
            watcher.run(tenant, inbox, stopping::get, java.time.Duration.ofMinutes(1));
            inbox.close();
        });
        out.println("tenant '" + tenant + "': watching mailbox " + inbox.name() + " and sending from "
                + mail.identity().address());
        return desk;
    }

    /** Starts the web server on the app's routes. */
    public static WebServer start(App app, String host, int port) {
        return start(app, Optional.empty(), host, port);
    }

    /** Starts the web server on the app's routes and, with a back office, approvals and the webhooks. */
    public static WebServer start(App app, Optional<Tenancy> office, String host, int port) {
        return start(app, office, host, port, java.time.Duration.ZERO);
    }

    /**
     * {@link #start(App, Optional, String, int)} with the voice WebSocket ({@code /voice/relay}) pausing {@code pacing}
     * between streamed tokens (tests slow it down to interrupt a reply).
     */
    public static WebServer start(App app, Optional<Tenancy> office, String host, int port, java.time.Duration pacing) {
        return start(app, office, host, port, pacing, dev.aragent.voicebridge.MediaStreams.Options.defaults());
    }

    /**
     * {@link #start(App, Optional, String, int, java.time.Duration)} with the Media Streams endpoint ({@code
     * /voice/media}, mounted when the speech services are installed) set up by {@code media}: the benchmark observes
     * its turns.
     */
    public static WebServer start(
            App app,
            Optional<Tenancy> office,
            String host,
            int port,
            java.time.Duration pacing,
            dev.aragent.voicebridge.MediaStreams.Options media) {
        return dev.aragent.server.http.WebService.start(app, office, host, port, pacing, media);
    }

    /**
     * Lapses old approvals, shows staff what is new, sends texts and delivers CRM events every few seconds; follows up
     * due conversations (broken promises, unanswered messages) every quarter hour.
     */
    private static void pumpInTheBackground(Tenancy office, java.util.concurrent.atomic.AtomicBoolean stopping) {
        dev.aragent.agent.ledger.TenantId tenant = office.tenant();
        Thread.ofVirtual().name("backoffice-" + tenant).start(() -> {
            java.time.Instant nextFollowUps = java.time.Instant.MIN;
            while (!stopping.get()) {
                if (!office.office().clock().instant().isBefore(nextFollowUps)) {
                    office.office().followUps(tenant);
                    nextFollowUps = office.office().clock().instant().plus(java.time.Duration.ofMinutes(15));
                }
                office.office().pump(tenant);
                try {
                    Thread.sleep(java.time.Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
