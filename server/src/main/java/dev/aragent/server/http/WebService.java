package dev.aragent.server.http;

import dev.aragent.agent.access.SignInThrottle;
import dev.aragent.server.App;
import dev.aragent.server.Offices;
import dev.aragent.server.Tenancy;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Duration;
import java.util.Optional;

/**
 * The web server on the app's routes and, with a back office, the approvals API, the webhooks and the voice WebSockets
 * ({@code /voice/relay}; {@code /voice/media} when the offline speech services are installed). {@code serve}, the
 * demo and the simulation start the same service.
 */
public final class WebService {
    private WebService() {}

    /**
     * Starts it on {@code host:port} (0 picks a free port); the relay pauses {@code pacing} between streamed tokens
     * (tests slow it down to interrupt a reply) and Media Streams is set up by {@code media}.
     */
    public static WebServer start(
            App app,
            Optional<Tenancy> office,
            String host,
            int port,
            Duration pacing,
            dev.aragent.voicebridge.MediaStreams.Options media) {
        return start(app, Offices.of(office), host, port, pacing, media);
    }

    /** The service with the back offices of every tenant it hosts; a webhook reaches the one its channel is. */
    public static WebServer start(
            App app,
            Offices offices,
            String host,
            int port,
            Duration pacing,
            dev.aragent.voicebridge.MediaStreams.Options media) {
        Gate gate = Gate.create(
                app.access(),
                app.settings()
                        .channels()
                        .publicUrl()
                        .map(u -> "https".equalsIgnoreCase(u.getScheme()))
                        .orElse(false));
        HttpApi api = HttpApi.create(app, Metrics.create(), gate);
        SignInPages signIn = SignInPages.create(
                gate,
                SignInThrottle.create(app.clock()),
                // the provider's tokens carry wall-clock times: the sign-in keeps them, as Slack's signatures do
                app.settings().oidc().map(App::oidc),
                app.settings().channels().publicUrl());
        Walls walls = Walls.of(host, app.settings().channels().publicUrl());
        TwilioRequests twilio = new TwilioRequests(app, offices);
        var server = WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(64L * 1024 * 1024)
                // small frames (streamed tokens, webhook answers) must not wait for delayed ACKs
                .connectionOptions(o -> o.tcpNoDelay(true))
                .routing(r -> {
                    r.addFilter(walls::filter);
                    api.routing(r);
                    signIn.routing(r);
                    new ConsolePages(
                                    dev.aragent.console.Screens.create(
                                            app.workbench(),
                                            app.taskDesk(),
                                            app.importFiles(),
                                            app.accountActions(),
                                            t -> offices.of(t).map(dev.aragent.server.Tenancy::office),
                                            app.rules(),
                                            app.reports(),
                                            app::cashDesk),
                                    gate)
                            .routing(r);
                    if (!offices.isEmpty()) {
                        r.register("/api/approvals", new ApprovalsApi(offices, gate))
                                .register(new SlackWebhook(offices))
                                .register(new TwilioSmsWebhook(twilio))
                                .register(new TwilioVoiceWebhook(twilio))
                                .register(new StripeWebhook(offices));
                    }
                });
        if (!offices.isEmpty()) {
            // one line per connection: the tenant whose Twilio account signed the upgrade owns the call
            var ws = WsRouting.builder().endpoint("/voice/relay", () -> {
                Offices.Line line = offices.line();
                return App.relay(line, line, pacing);
            });
            offices.all().stream()
                    .flatMap(o -> o.speech().stream())
                    .findFirst()
                    .ifPresent(sp -> ws.endpoint("/voice/media", () -> {
                        Offices.Line line = offices.line();
                        return App.mediaStreams(line, line, sp, media);
                    }));
            server.addRouting(ws);
        }
        return server.build().start();
    }

    /** {@link #start(App, Optional, String, int, Duration, dev.aragent.voicebridge.MediaStreams.Options)} as served. */
    public static WebServer start(App app, Optional<Tenancy> office, String host, int port) {
        return start(app, office, host, port, Duration.ZERO, dev.aragent.voicebridge.MediaStreams.Options.defaults());
    }
}
