package dev.aragent.crm;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.spi.CrmSink;
import dev.aragent.agent.spi.CrmSinkContract;
import dev.aragent.loopback.FakeHubSpot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract against the loopback HubSpot: an event is the note on its company's timeline (and its contact's), its
 * follow-ups the tasks. HubSpot is not told the tenant (each tenant has its own portal) nor the kind.
 */
class HubSpotCrmSinkTest implements CrmSinkContract {
    private static final String TOKEN = "pat-test";

    private FakeHubSpot hubspot;
    private CrmSink sink;

    @BeforeEach
    void start() {
        hubspot = FakeHubSpot.start(TOKEN);
        sink = HubSpotCrmSink.create(hubspot.base(), TOKEN);
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    @Override
    public CrmSink sink() {
        return sink;
    }

    @Override
    public List<Received> received() {
        Map<String, String> companies = new HashMap<>();
        hubspot.all("companies")
                .forEach(c -> companies.put(c.id(), c.properties().get("ar_customer_key")));
        Map<String, String> contacts = new HashMap<>();
        hubspot.all("contacts").forEach(c -> contacts.put(c.id(), c.properties().get("email")));
        return hubspot.all("notes").stream()
                .map(n -> new Received(
                        Optional.empty(),
                        Optional.empty(),
                        CustomerKey.of(associated(n, companies)
                                .orElseThrow(() -> new AssertionError("note " + n.id() + " is on no company"))),
                        associated(n, contacts),
                        n.properties().get("hs_note_body")))
                .toList();
    }

    private static Optional<String> associated(FakeHubSpot.Item item, Map<String, String> others) {
        return item.associations().stream()
                .filter(others::containsKey)
                .map(others::get)
                .findFirst();
    }

    @Override
    public List<String> tasks() {
        return hubspot.all("tasks").stream()
                .map(t -> t.properties().get("hs_task_body"))
                .toList();
    }

    /** HubSpot fails requests, not writes; but a write stops at its first failed request, so n requests are n writes. */
    @Override
    public void crmFailsNext(int n) {
        hubspot.failNext(n);
    }

    /** A revoked private app token: HubSpot answers 401. */
    @Override
    public void crmRefusesTheSink() {
        sink = HubSpotCrmSink.create(hubspot.base(), "pat-revoked");
    }
}
