package dev.aragent.server.cli;

import dev.aragent.server.App;
import dev.aragent.server.http.HttpApi;
import dev.aragent.server.http.Metrics;
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
        description =
                "Serves GET /health, GET /metrics (Prometheus), POST /api/imports (CSV body → data-health report),"
                        + " GET /api/invoices?status=open, GET /api/summary and GET /api/queue for the configured tenant."
                        + " Stops cleanly on Ctrl-C or SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "listen port (default: AR_SERVER_PORT, else 8080; 0 picks a free one)")
    Optional<Integer> port = Optional.empty();

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        var settings = common.settings();
        if (port.isPresent()) {
            settings = settings.withPort(port.get());
        }
        App app = App.start(settings, common.clock());
        WebServer server = start(app, settings.serverHost(), settings.serverPort());
        System.out.println("ar-agent serving tenant '" + settings.tenant() + "' on http://localhost:" + server.port()
                + " (" + app.database().description() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            app.close();
                            stopped.countDown();
                        },
                        "ar-agent-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts the web server on the app's routes. */
    public static WebServer start(App app, String host, int port) {
        HttpApi api = HttpApi.create(app, Metrics.create());
        return WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(64L * 1024 * 1024)
                .routing(api::routing)
                .build()
                .start();
    }
}
