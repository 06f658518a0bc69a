package dev.aragent.voicebridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aragent.agent.app.VoiceCalls;
import dev.aragent.agent.voice.Say;
import dev.aragent.agent.voice.VoiceSession;
import io.helidon.websocket.WsSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ConversationRelay connection (Twilio's protocol: Twilio transcribes the caller and speaks our text). In:
 * {@code setup} (call SID and custom parameters), {@code prompt} (partial and final transcripts; only a final one is
 * answered), {@code interrupt} (the caller spoke over us: streaming stops), {@code dtmf}, {@code error}. Out: the reply
 * streamed token by token ({@code text} with a {@code last} flag), {@code language} once, {@code end} (with
 * {@code handoffData} for a transfer). The upgrade request must carry a valid {@code X-Twilio-Signature}.
 */
public final class ConversationRelay extends TwilioSocket {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRelay.class);

    private final VoiceCalls calls;
    private final Duration pacing;
    private final Object sending = new Object();
    private Optional<VoiceSession> voice = Optional.empty();
    private String callSid = "";
    private AtomicBoolean speaking = new AtomicBoolean();

    private ConversationRelay(VoiceCalls calls, UpgradeGate gate, Duration pacing) {
        super(gate, "ConversationRelay", LOG);
        this.calls = calls;
        this.pacing = pacing;
    }

    /** {@code pacing}: the pause between streamed tokens (zero in production: Twilio buffers; tests slow it down). */
    public static ConversationRelay create(VoiceCalls calls, UpgradeGate gate, Duration pacing) {
        return new ConversationRelay(calls, gate, pacing);
    }

    @Override
    void handle(WsSession session, JsonNode m) {
        switch (m.path("type").asText()) {
            case "setup" -> setup(session, m);
            case "prompt" -> {
                if (m.path("last").asBoolean(true) && voice.isPresent()) {
                    stream(session, voice.get().hear(m.path("voicePrompt").asText("")));
                }
            }
            case "interrupt" -> {
                speaking.set(false);
                voice.ifPresent(
                        v -> v.interrupted(m.path("utteranceUntilInterrupt").asText("")));
            }
            case "dtmf" ->
                voice.ifPresent(v -> stream(session, v.dtmf(m.path("digit").asText(""))));
            case "error" ->
                LOG.atWarn()
                        .addKeyValue("call", callSid)
                        .addKeyValue("description", m.path("description").asText())
                        .log("ConversationRelay error");
            default ->
                LOG.atDebug().addKeyValue("type", m.path("type").asText()).log("ConversationRelay message ignored");
        }
    }

    private void setup(WsSession session, JsonNode m) {
        callSid = m.path("callSid").asText("");
        Map<String, String> params = new LinkedHashMap<>();
        m.path("customParameters")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        voice = callSid.isBlank() ? Optional.empty() : calls.open(callSid, params);
        if (voice.isEmpty()) {
            send(
                    session,
                    JSON.createObjectNode().put("type", "end").put("handoffData", "{\"reason\":\"unknown call\"}"));
            return;
        }
        send(
                session,
                JSON.createObjectNode()
                        .put("type", "language")
                        .put("ttsLanguage", "en-US")
                        .put("transcriptionLanguage", "en-US"));
        stream(session, voice.get().open());
    }

    /** Streams a reply token by token; a newer reply or an interrupt stops an older one. */
    private void stream(WsSession session, Say say) {
        speaking.set(false);
        AtomicBoolean mine = new AtomicBoolean(true);
        speaking = mine;
        List<String> tokens = tokens(say.text());
        Thread.ofVirtual().name("relay-" + callSid).start(() -> {
            for (int i = 0; i < tokens.size(); i++) {
                if (!mine.get()) {
                    return;
                }
                send(
                        session,
                        JSON.createObjectNode()
                                .put("type", "text")
                                .put("token", tokens.get(i))
                                .put("last", i == tokens.size() - 1));
                pause();
            }
            if (mine.get()) {
                after(session, say);
            }
        });
    }

    private void after(WsSession session, Say say) {
        switch (say.next()) {
            case LISTEN -> {}
            case END -> send(session, JSON.createObjectNode().put("type", "end"));
            case TRANSFER -> {
                ObjectNode handoff = JSON.createObjectNode()
                        .put("reason", "transfer")
                        .put("to", say.transferTo().orElse(""))
                        .put("summary", say.summary().orElse(""));
                VoiceCalls.handOver(calls, callSid, say, LOG);
                send(session, JSON.createObjectNode().put("type", "end").put("handoffData", handoff.toString()));
            }
        }
    }

    private void pause() {
        if (pacing.isZero()) {
            return;
        }
        try {
            Thread.sleep(pacing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Words with their following space, so Twilio's synthesis hears them as they were written. */
    static List<String> tokens(String text) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*").matcher(text.strip());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private void send(WsSession session, ObjectNode message) {
        synchronized (sending) {
            session.send(message.toString(), true);
        }
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        speaking.set(false);
        voice.ifPresent(v -> v.hangUp("connection closed (" + status + ")"));
    }
}
