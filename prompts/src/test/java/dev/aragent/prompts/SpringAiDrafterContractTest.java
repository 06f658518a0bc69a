package dev.aragent.prompts;

import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.DrafterContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The drafter contract through Spring AI against a loopback OpenAI-compatible endpoint, one per test. A model that
 * never answers is a loopback socket that takes the connection and says nothing, reached with a short timeout.
 */
class SpringAiDrafterContractTest implements DrafterContract {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private FakeOpenAi fake;
    private ServerSocket silent;
    private Drafter drafter;

    @BeforeEach
    void start() throws IOException {
        fake = FakeOpenAi.start();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // never accepts: nothing is ever answered
        drafter = SpringAiDrafter.create(LlmEndpoint.create(fake.url(), "test-key", "fake-model", TIMEOUT));
    }

    @AfterEach
    void stop() throws IOException {
        fake.close();
        silent.close();
    }

    @Override
    public Drafter drafter() {
        return drafter;
    }

    @Override
    public void modelAnswers(String words) {
        fake.answer(words);
    }

    /** The endpoint tries a request twice (one retry): both attempts are answered 503. */
    @Override
    public void modelFails() {
        fake.fail(503).fail(503);
    }

    @Override
    public void modelTimesOut() {
        URI nowhere = URI.create("http://127.0.0.1:" + silent.getLocalPort());
        drafter = SpringAiDrafter.create(LlmEndpoint.create(nowhere, "test-key", "fake-model", SHORT_TIMEOUT));
    }
}
