package dev.aragent.voicebridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.Optional;
import org.slf4j.Logger;

/** What both Twilio voice protocols share: a signed upgrade and JSON text messages (a malformed one is ignored). */
abstract class TwilioSocket implements WsListener {
    static final ObjectMapper JSON = new ObjectMapper();

    private final UpgradeGate gate;
    private final String protocol;
    private final Logger log;

    TwilioSocket(UpgradeGate gate, String protocol, Logger log) {
        this.gate = gate;
        this.protocol = protocol;
        this.log = log;
    }

    @Override
    public final Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        UpgradeGate.check(gate, prologue, headers, log);
        return Optional.empty();
    }

    @Override
    public final void onMessage(WsSession session, String text, boolean last) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            log.atWarn().log("malformed " + protocol + " message ignored");
            return;
        }
        try {
            handle(session, m);
        } catch (RuntimeException e) {
            // a failure on our side must not pass in silence: the call hears nothing more, the log says why
            log.atError()
                    .setCause(e)
                    .log(protocol + " message failed: " + m.path("type").asText());
            throw e;
        }
    }

    /** One message from Twilio. */
    abstract void handle(WsSession session, JsonNode message);
}
