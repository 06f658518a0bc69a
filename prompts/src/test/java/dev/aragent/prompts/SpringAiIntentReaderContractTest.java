package dev.aragent.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.spi.HashingEmbedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.agent.spi.IntentReaderContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The intent reader contract through Spring AI against a loopback OpenAI-compatible endpoint, one per test, with the
 * rules reader as its fallback. A model that never answers is a loopback socket that takes the connection and says
 * nothing, reached with a short timeout.
 */
class SpringAiIntentReaderContractTest implements IntentReaderContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final IntentReader RULES = RuleIntentReader.create(new HashingEmbedder());

    private FakeOpenAi fake;
    private ServerSocket silent;
    private IntentReader reader;

    @BeforeEach
    void start() throws IOException {
        fake = FakeOpenAi.start();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // never accepts: nothing is ever answered
        reader = SpringAiIntentReader.create(LlmEndpoint.create(fake.url(), "test-key", "fake-model", TIMEOUT), RULES);
    }

    @AfterEach
    void stop() throws IOException {
        fake.close();
        silent.close();
    }

    @Override
    public IntentReader reader() {
        return reader;
    }

    /** The proposal as the JSON object the reader asks its model for. */
    @Override
    public void modelProposes(Proposal proposal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intent", proposal.intent());
        json.put("confidence", proposal.confidence());
        json.put("amounts", proposal.amounts());
        json.put("dates", proposal.dates());
        json.put("invoice_numbers", proposal.invoiceNumbers());
        json.put("new_email", proposal.newEmail().orElse(null));
        json.put("new_phone", null);
        json.put("contact_name", null);
        json.put("dispute_reason", null);
        try {
            fake.answer(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void modelAnswers(String content) {
        fake.answer(content);
    }

    /** The endpoint tries a request twice (one retry): both attempts are answered 500. */
    @Override
    public void modelFails() {
        fake.fail(500).fail(500);
    }

    @Override
    public void modelTimesOut() {
        URI nowhere = URI.create("http://127.0.0.1:" + silent.getLocalPort());
        reader = SpringAiIntentReader.create(
                LlmEndpoint.create(nowhere, "test-key", "fake-model", SHORT_TIMEOUT), RULES);
    }
}
