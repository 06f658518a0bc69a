package dev.aragent.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A person in the approvals channel, acting as Slack does on their behalf: reads the cards the fake workspace shows,
 * and clicks buttons or submits modals by sending signed interaction requests to the service, exactly as Slack would
 * ({@code payload=} form body, {@code X-Slack-Signature} v0 HMAC-SHA256, {@code X-Slack-Request-Timestamp}).
 */
public final class SlackUser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack workspace;
    private final URI interactions;
    private final String signingSecret;
    private final String userId;
    private final String userName;
    private final String team;
    private int triggers;

    public SlackUser(FakeSlack workspace, URI interactions, String signingSecret, String userId, String userName) {
        this(workspace, interactions, signingSecret, userId, userName, "T0AR");
    }

    /** A user of the Slack workspace {@code team} (an app installed in several workspaces signs all alike). */
    public SlackUser(
            FakeSlack workspace, URI interactions, String signingSecret, String userId, String userName, String team) {
        this.team = team;
        this.workspace = workspace;
        this.interactions = interactions;
        this.signingSecret = signingSecret;
        this.userId = userId;
        this.userName = userName;
    }

    /** The approval ids of cards that still show buttons. */
    public List<String> pendingApprovals() {
        List<String> out = new ArrayList<>();
        for (FakeSlack.Posted p : workspace.messages()) {
            for (JsonNode b : p.blocks()) {
                for (JsonNode e : b.path("elements")) {
                    if (e.path("action_id").asText().equals("ar_approve")) {
                        out.add(e.path("value").asText());
                    }
                }
            }
        }
        return out;
    }

    /** Clicks a button (ar_approve, ar_edit, ar_reject) on an approval's card. */
    public HttpAnswer click(String actionId, String approvalId) {
        ObjectNode p = base("block_actions");
        p.put("trigger_id", "trig-" + (++triggers));
        p.putObject("channel").put("id", FakeSlack.CHANNEL_ID).put("name", "ar-approvals");
        p.putObject("container").put("type", "message").put("channel_id", FakeSlack.CHANNEL_ID);
        p.put("response_url", workspace.base().resolve("/response").toString());
        ObjectNode a = p.putArray("actions").addObject();
        a.put("type", "button");
        a.put("action_id", actionId);
        a.put("block_id", "ar_decide");
        a.put("value", approvalId);
        a.put("action_ts", Long.toString(System.currentTimeMillis() / 1000));
        return send(p.toString(), System.currentTimeMillis() / 1000, signingSecret);
    }

    /** Fills and submits the modal opened for an approval; {@code values} maps block ids to the typed text. */
    public HttpAnswer submit(String approvalId, java.util.Map<String, String> values) {
        FakeSlack.Modal modal = workspace
                .modalFor(approvalId)
                .orElseThrow(() -> new IllegalStateException("no modal open for " + approvalId));
        ObjectNode p = base("view_submission");
        ObjectNode view = modal.view().deepCopy();
        view.put("id", "V1");
        ObjectNode state = view.putObject("state").putObject("values");
        values.forEach((block, text) -> state.putObject(block)
                .putObject(block)
                .put("type", "plain_text_input")
                .put("value", text));
        p.set("view", view);
        return send(p.toString(), System.currentTimeMillis() / 1000, signingSecret);
    }

    private ObjectNode base(String type) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", type);
        p.putObject("team").put("id", team).put("domain", "northwind");
        p.putObject("user")
                .put("id", userId)
                .put("username", userName)
                .put("name", userName)
                .put("team_id", team);
        p.put("api_app_id", "A0AR");
        p.put("token", "legacy-verification-token");
        return p;
    }

    /** Sends a payload as Slack would, signed with {@code secret} at {@code timestamp} (tests forge and replay). */
    public HttpAnswer send(String payloadJson, long timestamp, String secret) {
        String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
        return sendRaw(body, timestamp, sign(secret, timestamp, body));
    }

    public HttpAnswer sendRaw(String body, long timestamp, String signature) {
        HttpRequest req = HttpRequest.newBuilder(interactions)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpAnswer.send(req);
    }

    /** Slack's v0 request signature. */
    public static String sign(String secret, long timestamp, String body) {
        return "v0=" + HexFormat.of().formatHex(Wire.hmac("HmacSHA256", secret, "v0:" + timestamp + ":" + body));
    }
}
