package dev.aragent.prompts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for an OpenAI-compatible endpoint speaking the real wire format ({@code POST
 * /v1/chat/completions}, chat.completion JSON), answering with queued message contents or HTTP errors, and keeping
 * the request bodies it got.
 */
final class FakeOpenAi implements AutoCloseable {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpServer server;
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();

    private FakeOpenAi(HttpServer server) {
        this.server = server;
    }

    static FakeOpenAi start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeOpenAi fake = new FakeOpenAi(server);
        server.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Object answer;
            synchronized (fake) {
                fake.requests.add(body);
                answer = fake.answers.isEmpty() ? "" : fake.answers.pop();
            }
            byte[] out;
            int status;
            if (answer instanceof Integer code) {
                status = code;
                out = "{\"error\":{\"message\":\"upstream failure\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                out = completion((String) answer).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        return fake;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next answer's message content. */
    synchronized FakeOpenAi answer(String content) {
        answers.add(content);
        return this;
    }

    /** The next answer is this HTTP status. */
    synchronized FakeOpenAi fail(int status) {
        answers.add(status);
        return this;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    private static String completion(String content) {
        var choice =
                Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop");
        try {
            return JSON.writeValueAsString(Map.of(
                    "id",
                    "chatcmpl-fake",
                    "object",
                    "chat.completion",
                    "created",
                    1_760_000_000,
                    "model",
                    "fake-model",
                    "choices",
                    List.of(choice),
                    "usage",
                    Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
