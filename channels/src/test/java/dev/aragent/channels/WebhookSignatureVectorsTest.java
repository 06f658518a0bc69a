package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.aragent.agent.app.ApprovalDecisions;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every vector of {@code ../shared/testdata/webhook-signatures} (from the Twilio and Slack SDKs' own tests), through the
 * code that checks our webhooks: {@link TwilioWebhooks} and Bolt's verification behind {@link SlackApprovalGateway}.
 */
class WebhookSignatureVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode vectors(String file) throws IOException {
        Path dir = Path.of(System.getProperty("testdata.dir", "../../shared/testdata"))
                .resolve("webhook-signatures");
        assumeTrue(
                Files.isDirectory(dir),
                "signature vectors " + dir.toAbsolutePath()
                        + " are absent: these tests read ../shared/testdata beside the checkout");
        return JSON.readTree(dir.resolve(file).toFile());
    }

    @Test
    void everyTwilioVectorAgrees() throws IOException {
        JsonNode all = vectors("twilio_request_validator.json");
        int checked = 0;
        for (JsonNode v : all.path("vectors")) {
            TwilioWebhooks hooks = TwilioWebhooks.create(v.path("auth_token").asText());
            String url = v.path("url").asText();
            String signature =
                    v.path("signature").isNull() ? null : v.path("signature").asText();
            boolean valid;
            if (v.has("body")) {
                valid = hooks.validJson(url, v.path("body").asText(), signature);
            } else {
                List<Map.Entry<String, String>> form = new ArrayList<>();
                if (v.has("params_multi")) {
                    v.path("params_multi")
                            .forEach(p -> form.add(
                                    Map.entry(p.get(0).asText(), p.get(1).asText())));
                } else {
                    v.path("params")
                            .properties()
                            .forEach(e -> form.add(new java.util.AbstractMap.SimpleEntry<>(
                                    e.getKey(),
                                    e.getValue().isNull() ? null : e.getValue().asText())));
                }
                valid = hooks.valid(url, form, signature);
            }
            assertThat(valid)
                    .as(v.path("id").asText())
                    .isEqualTo(v.path("expected_valid").asBoolean());
            checked++;
        }
        assertThat(checked).isEqualTo(24);
        for (JsonNode v : all.path("body_hash_vectors")) {
            String body = v.path("body").asText();
            String hash = v.has("expected_sha256_hex")
                    ? v.path("expected_sha256_hex").asText()
                    : v.path("given_hash").asText();
            boolean matches = new com.twilio.security.RequestValidator("12345").validateBody(body, hash);
            assertThat(matches)
                    .as(v.path("id").asText())
                    .isEqualTo(
                            !v.has("expected_valid") || v.path("expected_valid").asBoolean());
        }
    }

    @Test
    void everySlackVectorAgrees() throws IOException {
        JsonNode all = vectors("slack_request_signing.json");
        int checked = 0;
        for (JsonNode v : all.path("vectors")) {
            String id = v.path("id").asText();
            if (id.equals("invalid_secrets")) {
                for (JsonNode s : v.path("signing_secret_values")) {
                    String secret = s.isNull() ? null : s.asText();
                    assertThatThrownBy(() -> new SlackApprovalGateway.Settings("xoxb-1", secret, "#ar", "http://x/"))
                            .as(id + " " + secret)
                            .isInstanceOf(RuntimeException.class);
                }
                checked++;
                continue;
            }
            SlackSignature.Verifier verifier = new SlackSignature.Verifier(
                    new SlackSignature.Generator(v.path("signing_secret").asText()));
            if (id.equals("generate_signature")) {
                String sig = new SlackSignature.Generator(
                                v.path("signing_secret").asText())
                        .generate(v.path("timestamp").asText(), v.path("body").asText());
                assertThat(sig).isEqualTo(v.path("expected_signature").asText());
                checked++;
                continue;
            }
            String ts = v.has("headers") && !v.path("headers").isNull()
                    ? v.path("headers").path("X-Slack-Request-Timestamp").asText(null)
                    : v.path("timestamp").isNull() ? null : v.path("timestamp").asText(null);
            String sig = v.has("headers") && !v.path("headers").isNull()
                    ? v.path("headers").path("X-Slack-Signature").asText(null)
                    : v.path("signature").isNull() ? null : v.path("signature").asText(null);
            String body = v.path("body").isNull() ? null : v.path("body").asText(null);
            long now = v.path("now").isNumber() ? v.path("now").asLong() * 1000 : System.currentTimeMillis();
            boolean valid = ts != null && sig != null && body != null && verifier.isValid(ts, body, sig, now);
            assertThat(valid).as(id).isEqualTo(v.path("expected_valid").asBoolean());
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    /** Slack's documented request, sent to our interaction endpoint today: correctly signed, but years old. */
    @Test
    void theDocumentedSlackRequestIsRefusedAsAReplay() throws IOException {
        JsonNode v = vectors("slack_request_signing.json").path("vectors").get(1);
        Map<String, Integer> decided = new HashMap<>();
        SlackApprovalGateway gateway = SlackApprovalGateway.create(
                new SlackApprovalGateway.Settings(
                        "xoxb-test", v.path("signing_secret").asText(), "#ar", "http://127.0.0.1:9/api/"),
                new ApprovalDecisions() {
                    @Override
                    public Outcome decide(UUID approval, String slackUser, Verdict verdict) {
                        decided.merge("calls", 1, Integer::sum);
                        return new Outcome.Refused(Outcome.Kind.NOT_FOUND, "none");
                    }

                    @Override
                    public Optional<dev.aragent.agent.approval.Approval> find(UUID approval) {
                        return Optional.empty();
                    }
                });
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded"));
        headers.put(
                "x-slack-request-timestamp",
                List.of(v.path("headers").path("X-Slack-Request-Timestamp").asText()));
        headers.put(
                "x-slack-signature",
                List.of(v.path("headers").path("X-Slack-Signature").asText()));
        var answer = gateway.handle(
                "/webhooks/slack/interactions", headers, v.path("body").asText(), "127.0.0.1");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(decided).isEmpty();
    }
}
