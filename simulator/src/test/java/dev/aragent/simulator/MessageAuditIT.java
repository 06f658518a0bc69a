package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.store.TestDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message audit over a simulated month: every message the agent sent — by email, by text and on calls — states
 * the account's true open balance where it states a total, goes to no address that said stop or "not me" (beyond one
 * confirmation), asks for no payment on the day it is offered, and says "agreed" only of agreed terms.
 */
class MessageAuditIT {
    @TempDir
    Path dir;

    @Test
    void aSimulatedMonthOfTheAgentsMessagesHasNothingUntrueInIt() throws IOException {
        DemoClock clock = DemoClock.ticking(Instant.parse("2026-01-05T13:00:00Z"), ZoneOffset.UTC);
        Settings settings = Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "sim-agent"))
                .withDataDir(dir);
        settings = settings.withAgent(settings.agent()
                .with(
                        List.of("Under our terms, accounts more than 60 days past due may be placed on credit hold."),
                        List.of("Northwind Wholesale, 100 Harbor Way, Springfield. This message concerns a business"
                                + " account."),
                        "Pay by ACH to Northwind Wholesale.",
                        "+1 (555) 010-4400"));
        StringWriter lines = new StringWriter();
        Simulation.Result r;
        try (App app = App.with(settings, clock, TestDatabase.fresh())) {
            r = Simulation.run(
                    app,
                    new Simulation.Settings(11, 150, 30, 8),
                    clock,
                    dir,
                    (done, of, counts) -> {},
                    true,
                    Optional.of(lines));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> messages = lines.toString()
                .lines()
                .map(l -> {
                    try {
                        return json.readTree(l);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(r.audit().messages()).isEqualTo(messages.size()).isGreaterThan(300);
        assertThat(messages).extracting(m -> m.get("channel").asText()).contains("email", "sms", "call");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.has("open_total") && m.has("invoices") && m.has("contact_status") && m.has("terms"))
                    .isTrue();
            assertThat(m.get("text").asText()).isNotBlank();
        });
        assertThat(messages)
                .filteredOn(m -> !m.get("channel").asText().equals("call"))
                .allSatisfy(m -> assertThat(m.get("text").asText()).containsIgnoringCase("AI assistant"));
        assertThat(r.audit().violations()).isEmpty();
    }

    @Test
    void theAuditCatchesWhatIsUntrue() {
        LocalDate day = LocalDate.of(2026, 1, 6);
        assertThat(MessageAudit.untrue(
                        "Our records for Blue Fern show $5,340.60 open on invoice INV-1.",
                        "email",
                        "reminder",
                        1_936_688,
                        "USD",
                        "valid",
                        0,
                        "none",
                        day))
                .singleElement()
                .asString()
                .contains("$5,340.60 as the total")
                .contains("$19,366.88");
        assertThat(MessageAudit.untrue(
                        "Northwind: thanks. Plan agreed: $500.00 by January 6, 2026.",
                        "sms",
                        "counter_offer",
                        50_000,
                        "USD",
                        "wrong_contact",
                        2,
                        "offered",
                        day))
                .hasSize(3);
        assertThat(MessageAudit.untrue(
                        "Open balance on the Blue Fern account: $500.00\nNothing is agreed until you accept.",
                        "email",
                        "counter_offer",
                        50_000,
                        "USD",
                        "wrong_contact",
                        1,
                        "offered",
                        day))
                .isEmpty();
        // a reply to the second contact greeted the first one by name
        assertThat(MessageAudit.misgreets("Hello Carlos,\n\nThank you.", java.util.Optional.of("Ahmed Miller")))
                .hasValueSatisfying(w -> assertThat(w).contains("greets Carlos", "Ahmed Miller"));
        assertThat(MessageAudit.misgreets("Hello Ahmed,\n\nThank you.", java.util.Optional.of("Ahmed Miller")))
                .isEmpty();
    }
}
