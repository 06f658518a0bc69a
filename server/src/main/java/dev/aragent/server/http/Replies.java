package dev.aragent.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The answers the HTTP surfaces write: JSON, plain text, pages, TwiML, and "not configured here". */
final class Replies {
    private Replies() {}

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(HttpApi.write(body));
    }

    static void text(ServerResponse res, Status status, String body) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .send(body);
    }

    /** A page a person sees: never cached (it carries their book). */
    static void html(ServerResponse res, Status status, String page) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                .header(HeaderNames.CACHE_CONTROL, "no-store")
                .send(page);
    }

    static void twiml(ServerResponse res, String document) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, dev.aragent.voicebridge.TwiML.CONTENT_TYPE)
                .send(document);
    }

    /** A webhook whose vendor is configured for no tenant here: 503 naming the settings to set. */
    static void unconfigured(ServerResponse res, String what, String keys) {
        text(res, Status.SERVICE_UNAVAILABLE_503, what + " is not configured on this server: set " + keys);
    }
}
