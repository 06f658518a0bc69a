package dev.aragent.voicebridge;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsUpgradeException;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Decides whether a WebSocket upgrade request is Twilio's: the path with its query, and the request's headers (Twilio
 * signs the URL it opens, as it signs webhooks).
 */
@FunctionalInterface
public interface UpgradeGate {
    boolean allows(String pathAndQuery, Headers headers);

    /** The header Twilio signs an upgrade with. */
    static Optional<String> signature(Headers headers) {
        return headers.first(HeaderNames.create("X-Twilio-Signature"));
    }

    /** Refuses the upgrade (and logs it) unless the gate allows it. */
    static void check(UpgradeGate gate, HttpPrologue prologue, Headers headers, Logger log) throws WsUpgradeException {
        String query = prologue.query().rawValue();
        String pathAndQuery = prologue.uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query);
        if (!gate.allows(pathAndQuery, headers)) {
            log.atWarn().addKeyValue("path", pathAndQuery).log("voice WebSocket upgrade with a bad signature refused");
            throw new WsUpgradeException("invalid X-Twilio-Signature");
        }
    }
}
