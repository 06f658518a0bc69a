package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.aragent.agent.app.ApprovalDecisions;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One Slack app installed in two tenants' workspaces signs both alike: a gateway bound to a workspace ({@code team})
 * takes only that workspace's interactions, so a click in one tenant's Slack never decides in another's.
 */
class SlackWorkspaceTest {
    static final String SECRET = "e3b0c44298fc1c149afbf4c8996fb924";

    final AtomicInteger decided = new AtomicInteger();

    SlackApprovalGateway gateway(Optional<String> team) {
        return SlackApprovalGateway.create(
                new SlackApprovalGateway.Settings("xoxb-1-test", SECRET, "#ar", "http://127.0.0.1:1/api/", team),
                new ApprovalDecisions() {
                    @Override
                    public Outcome decide(UUID approval, String slackUser, Verdict verdict) {
                        decided.incrementAndGet();
                        return new Outcome.Refused(Outcome.Kind.NOT_FOUND, "none");
                    }

                    @Override
                    public Optional<Approval> find(UUID approval) {
                        return Optional.empty();
                    }
                });
    }

    static String body(String team) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + team + "\"},\"user\":{\"id\":\"U1\","
                + "\"team_id\":\"" + team + "\"},\"api_app_id\":\"A1\",\"trigger_id\":\"t1\",\"actions\":[{\"type\":"
                + "\"button\",\"action_id\":\"ar_approve\",\"block_id\":\"ar_decide\",\"value\":\""
                + UUID.randomUUID() + "\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    static Map<String, List<String>> signed(String body, String secret) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String sig = new SlackSignature.Generator(secret).generate(ts, body);
        return Map.of(
                "X-Slack-Request-Timestamp", List.of(ts),
                "X-Slack-Signature", List.of(sig),
                "Content-Type", List.of("application/x-www-form-urlencoded"));
    }

    @Test
    void aGatewayBoundToAWorkspaceAcceptsOnlyThatWorkspacesSignedInteractions() {
        SlackApprovalGateway acme = gateway(Optional.of("T0ACME"));
        String fromAcme = body("T0ACME");
        String fromGlobex = body("T0GLOBEX");

        assertThat(acme.accepts("/webhooks/slack/interactions", signed(fromAcme, SECRET), fromAcme))
                .isTrue();
        assertThat(acme.accepts("/webhooks/slack/interactions", signed(fromGlobex, SECRET), fromGlobex))
                .isFalse();
        assertThat(acme.accepts("/webhooks/slack/interactions", signed(fromAcme, "f".repeat(32)), fromAcme))
                .isFalse();
        // and handled directly, another workspace's click is refused before it decides anything
        var answer = acme.handle("/webhooks/slack/interactions", signed(fromGlobex, SECRET), fromGlobex, "127.0.0.1");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(decided).hasValue(0);
    }

    @Test
    void anUnboundGatewayAcceptsAnyWorkspaceItsSecretSigned() {
        SlackApprovalGateway any = gateway(Optional.empty());
        String fromGlobex = body("T0GLOBEX");
        assertThat(any.accepts("/webhooks/slack/interactions", signed(fromGlobex, SECRET), fromGlobex))
                .isTrue();
    }
}
