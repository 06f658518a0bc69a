package dev.aragent.crm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmSink;
import dev.aragent.agent.spi.CrmSinkContract;
import dev.aragent.loopback.WebhookReceiver;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract against a customer's receiver that checks the signature and keeps one event per idempotency key. */
class WebhookCrmSinkTest implements CrmSinkContract {
    private static final String SECRET = "whsec-0123456789abcdef";
    /** The sink signs with this clock and the receiver checks against it: the same fixed instant, always fresh. */
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private WebhookReceiver receiver;
    private CrmSink sink;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start(SECRET, CLOCK);
        sink = WebhookCrmSink.create(receiver.url(), SECRET, CLOCK);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Override
    public CrmSink sink() {
        return sink;
    }

    @Override
    public List<Received> received() {
        return receiver.events().stream()
                .map(e -> new Received(
                        Optional.of(TenantId.of(e.path("tenant").asText())),
                        Optional.of(CrmEvent.Kind.fromCode(e.path("type").asText())),
                        CustomerKey.of(e.path("customer").path("key").asText()),
                        Optional.ofNullable(e.path("customer").get("email")).map(JsonNode::asText),
                        e.path("note").asText()))
                .toList();
    }

    @Override
    public List<String> tasks() {
        List<String> tasks = new ArrayList<>();
        for (JsonNode e : receiver.events()) {
            e.path("tasks").forEach(t -> tasks.add(t.asText()));
        }
        return tasks;
    }

    @Override
    public void crmFailsNext(int n) {
        receiver.failNext(n);
    }

    /** The customer rotated the signing secret: the receiver answers 401. */
    @Override
    public void crmRefusesTheSink() {
        sink = WebhookCrmSink.create(receiver.url(), "whsec-rotated-0123456789", CLOCK);
    }
}
