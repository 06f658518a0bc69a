package dev.aragent.server.http;

import dev.aragent.server.Offices;
import dev.aragent.server.Tenancy;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's interactions, {@code POST /webhooks/slack/interactions}: the AR team's clicks and forms on approval cards,
 * handed to the tenant whose Slack app signed the request (and whose workspace it came from), never one the payload
 * names.
 */
final class SlackWebhook implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebhook.class);

    private final Offices offices;

    SlackWebhook(Offices offices) {
        this.offices = offices;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/webhooks/slack/interactions", this::interaction);
    }

    private void interaction(ServerRequest req, ServerResponse res) {
        if (!offices.anySlack()) {
            Replies.unconfigured(res, "Slack", "AR_SLACK_SIGNING_SECRET and AR_SLACK_BOT_TOKEN");
            return;
        }
        String body = req.content().hasEntity() ? req.content().as(String.class) : "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.put(h.name(), h.allValues()));
        Optional<Tenancy> office = offices.slack(req.path().rawPath(), headers, body);
        if (office.isEmpty()) {
            LOG.atWarn().log("Slack interaction signed by no tenant's app refused");
            Replies.text(res, Status.UNAUTHORIZED_401, "invalid or expired Slack signature");
            return;
        }
        var answer = office.get()
                .slack()
                .orElseThrow()
                .handle(
                        req.path().rawPath(),
                        headers,
                        body,
                        req.remotePeer().address().toString());
        res.status(Status.create(answer.status()))
                .header(HeaderNames.CONTENT_TYPE, answer.contentType())
                .send(answer.body());
    }
}
