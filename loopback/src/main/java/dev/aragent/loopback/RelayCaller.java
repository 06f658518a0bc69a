package dev.aragent.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's side of one ConversationRelay WebSocket, on loopback: opens the connection with {@code X-Twilio-Signature}
 * as Twilio does, sends {@code setup}, the caller's final transcripts ({@code prompt}), key presses and interrupts, and
 * collects what the service streams back.
 */
public final class RelayCaller implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for every call (a client is a selector thread and a pool: too dear to make per call). */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> in = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket ws;

    private RelayCaller(URI relay, String signature) {
        this.ws = HTTP.newWebSocketBuilder()
                .header("X-Twilio-Signature", signature)
                .buildAsync(relay, this)
                .join();
    }

    /** Connects to {@code relay} (ws://…/voice/relay) signed with {@code authToken}. */
    public static RelayCaller connect(URI relay, String authToken) {
        return new RelayCaller(relay, FakeTwilio.sign(authToken, relay.toString(), Map.of()));
    }

    /** Connects with a signature of the caller's choosing (forgeries). */
    public static RelayCaller connectSigned(URI relay, String signature) {
        return new RelayCaller(relay, signature);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                in.add(JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    public void send(String json) {
        ws.sendText(json, true).join();
    }

    /** The messages received and not yet read. */
    public BlockingQueue<JsonNode> inbox() {
        return in;
    }

    /** The next message, waiting up to ten seconds; throws when none comes. */
    public JsonNode next() throws InterruptedException {
        JsonNode m = in.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new IllegalStateException("the service sent nothing for ten seconds");
        }
        return m;
    }

    /** The next reply, its tokens joined, up to the one marked last. */
    public String reply() throws InterruptedException {
        StringBuilder b = new StringBuilder();
        while (true) {
            JsonNode m = next();
            if (m.path("type").asText().equals("text")) {
                b.append(m.path("token").asText());
                if (m.path("last").asBoolean()) {
                    return b.toString().strip();
                }
            }
        }
    }

    /** The caller says {@code words} (a final transcript); returns the agent's answer. */
    public String say(String words) throws InterruptedException {
        prompt(words);
        return reply();
    }

    private void prompt(String words) {
        send(JSON.createObjectNode()
                .put("type", "prompt")
                .put("voicePrompt", words)
                .put("lang", "en-US")
                .put("last", true)
                .toString());
    }

    /**
     * The next reply, or empty when the service ends the call first ({@code end}); also empty at once when it ended
     * the call after its last reply.
     */
    public java.util.Optional<String> replyOrEnd() throws InterruptedException {
        StringBuilder b = new StringBuilder();
        while (true) {
            JsonNode m = next();
            switch (m.path("type").asText()) {
                case "end" -> {
                    return java.util.Optional.empty();
                }
                case "text" -> {
                    b.append(m.path("token").asText());
                    if (m.path("last").asBoolean()) {
                        return java.util.Optional.of(b.toString().strip());
                    }
                }
                default -> {}
            }
        }
    }

    /** The caller says {@code words} unless the call has ended; returns the agent's answer, empty once it has ended. */
    public java.util.Optional<String> sayOrEnd(String words) throws InterruptedException {
        JsonNode waiting = in.peek();
        if (waiting != null && waiting.path("type").asText().equals("end")) {
            return java.util.Optional.empty();
        }
        prompt(words);
        return replyOrEnd();
    }

    public String press(String digit) throws InterruptedException {
        send(JSON.createObjectNode().put("type", "dtmf").put("digit", digit).toString());
        return reply();
    }

    /** The call starts: Twilio's {@code setup} with the TwiML's custom parameters. */
    public void setup(String callSid, String from, String to, Map<String, String> parameters) {
        var m = JSON.createObjectNode()
                .put("type", "setup")
                .put("sessionId", "VX" + callSid.substring(2))
                .put("callSid", callSid)
                .put("from", from)
                .put("to", to)
                .put("direction", "outbound-api");
        var p = m.putObject("customParameters");
        parameters.forEach(p::put);
        send(m.toString());
    }

    @Override
    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
