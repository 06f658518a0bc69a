package dev.aragent.loopback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server for the fakes of third-party APIs (Slack, Twilio, HubSpot, a webhook receiver): requests are
 * handled one at a time on a virtual thread, bodies read as text, answers written as JSON or text.
 */
final class LoopbackHttp implements AutoCloseable {

    /** A handler sees the method, path, query, headers and body, and answers with a status and a body. */
    @FunctionalInterface
    interface Handler {
        Reply handle(HttpExchange exchange, String body) throws IOException;
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply text(int status, String body) {
            return new Reply(status, "text/plain", body);
        }
    }

    private final HttpServer server;

    private LoopbackHttp(HttpServer server) {
        this.server = server;
    }

    static LoopbackHttp start(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", ex -> {
                try (ex) {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Reply r = handler.handle(ex, body);
                    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", r.contentType() + "; charset=utf-8");
                    ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        ex.getResponseBody().write(bytes);
                    }
                } catch (RuntimeException e) {
                    byte[] bytes = ("{\"error\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(500, bytes.length);
                    ex.getResponseBody().write(bytes);
                }
            });
            server.start();
            return new LoopbackHttp(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a loopback HTTP server", e);
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
