package dev.aragent.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;

/**
 * Posts each CRM event as JSON to a URL of the customer's choosing, signed ({@link WebhookSignature}) and carrying
 * {@code Idempotency-Key: <event id>} so a receiver can ignore a redelivery. 2xx (and 409, "already have it") is
 * delivered; 408, 425, 429 and 5xx are retried with backoff by the dispatcher; other answers are permanent.
 */
public final class WebhookCrmSink implements CrmSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final Clock clock;
    private final HttpClient http;

    private WebhookCrmSink(URI url, String secret, Clock clock, HttpClient http) {
        this.url = url;
        this.secret = secret;
        this.clock = clock;
        this.http = http;
    }

    public static WebhookCrmSink create(URI url, String secret, Clock clock) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the CRM webhook secret must be at least 16 characters");
        }
        if (!url.isAbsolute()
                || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalArgumentException("the CRM webhook URL must be an absolute http(s) URL: " + url);
        }
        return new WebhookCrmSink(url, secret, clock, CrmHttp.client());
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void write(TenantId tenant, CrmEvent e) {
        String body = body(tenant, e);
        long ts = clock.instant().getEpochSecond();
        HttpRequest request = CrmHttp.request(url)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP, Long.toString(ts))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, ts, body))
                .header(WebhookSignature.IDEMPOTENCY_KEY, e.id())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        // 409: the receiver already has this event
        CrmHttp.send(http, request, "CRM webhook " + url.getHost(), java.util.Set.of(409));
    }

    /** The JSON a receiver gets: the event's fields, in the order they were recorded. */
    static String body(TenantId tenant, CrmEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("type", e.kind().code());
        o.put("tenant", tenant.value());
        o.put("occurred_at", e.at().toString());
        ObjectNode c = o.putObject("customer");
        c.put("key", e.customer().value());
        c.put("name", e.customerName());
        e.contactEmail().ifPresent(x -> c.put("email", x));
        e.conversation().ifPresent(x -> o.put("conversation", x.value().toString()));
        ObjectNode p = o.putObject("properties");
        e.properties().forEach(p::put);
        o.put("note", e.note());
        e.tasks().forEach(o.putArray("tasks")::add);
        return o.toString();
    }

    @Override
    public String toString() {
        return "WebhookCrmSink[" + url + ", secret=****]";
    }
}
