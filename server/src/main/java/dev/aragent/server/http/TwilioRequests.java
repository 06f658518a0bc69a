package dev.aragent.server.http;

import dev.aragent.server.App;
import dev.aragent.server.Offices;
import dev.aragent.server.Tenancy;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request from Twilio, checked: its form read, its signature verified against the URL Twilio called (the public URL
 * when configured), and the tenant found whose Twilio account signed it. Shared by the SMS and voice webhooks.
 */
final class TwilioRequests {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioRequests.class);

    private final App app;
    private final Offices offices;

    TwilioRequests(App app, Offices offices) {
        this.app = app;
        this.offices = offices;
    }

    /** A Twilio request's form and the back office whose account signed it. */
    record Signed(Tenancy office, Map<String, String> form) {}

    /** The form of a signed Twilio request and whose it is, or empty after answering 503/400/401. */
    Optional<Signed> signedForm(ServerRequest req, ServerResponse res) {
        if (!offices.anyTwilio()) {
            Replies.unconfigured(res, "Twilio", "AR_TWILIO_ACCOUNT_SID and AR_TWILIO_AUTH_TOKEN");
            return Optional.empty();
        }
        List<Map.Entry<String, String>> pairs;
        try {
            pairs = Forms.pairs(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            Replies.text(res, Status.BAD_REQUEST_400, "malformed form body");
            return Optional.empty();
        }
        String query = req.query().rawValue();
        String path = req.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
        String url = app.settings()
                .channels()
                .publicUrl()
                .map(u -> u.toString().replaceFirst("/$", "") + path)
                .orElseGet(() -> base(req) + path);
        String signature =
                req.headers().first(HeaderNames.create("X-Twilio-Signature")).orElse("");
        Optional<Tenancy> office = offices.twilio(url, pairs, signature);
        if (office.isEmpty()) {
            LOG.atWarn().addKeyValue("url", url).log("Twilio request signed by no tenant's account refused");
            Replies.text(res, Status.UNAUTHORIZED_401, "invalid X-Twilio-Signature");
            return Optional.empty();
        }
        Map<String, String> form = new LinkedHashMap<>();
        pairs.forEach(e -> form.put(e.getKey(), e.getValue()));
        return Optional.of(new Signed(office.get(), form));
    }

    static String base(ServerRequest req) {
        var uri = req.requestedUri();
        return uri.scheme() + "://" + uri.authority();
    }

    /** Where Twilio reaches this service: the public URL when configured, else the request's own. */
    String root(ServerRequest req) {
        return app.settings()
                .channels()
                .publicUrl()
                .map(u -> u.toString().replaceFirst("/$", ""))
                .orElseGet(() -> base(req));
    }
}
