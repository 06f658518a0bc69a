package dev.aragent.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aragent.agent.app.ApprovalDecisions;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.spi.ApprovalBookContract;
import dev.aragent.agent.spi.ApprovalGateway;
import dev.aragent.agent.spi.ApprovalGatewayContract;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.loopback.FakeSlack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The approval gateway contract through Slack's Web API (the SDK under Bolt) against a loopback Slack, one per test.
 * The fake answers every post with its one channel ({@link FakeSlack#CHANNEL_ID}) and does not record the channel asked
 * for, so the gateway is set to post there.
 */
class SlackApprovalGatewayTest implements ApprovalGatewayContract {
    private static final String BOT_TOKEN = "xoxb-1-approvals-test";
    private static final String SIGNING_SECRET = "e3b0c44298fc1c149afbf4c8996fb924";
    /** Slack's control sequences in mrkdwn: {@code <!channel>}, {@code <@U…>}, {@code <https://…|label>}. */
    private static final Pattern CONTROL = Pattern.compile("<[^<>]*>");
    /** The only characters Slack escapes in mrkdwn. */
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");

    private FakeSlack slack;
    private boolean slackStopped;
    private SlackApprovalGateway gateway;

    @BeforeEach
    void start() {
        slack = FakeSlack.start(BOT_TOKEN);
        gateway = gateway(BOT_TOKEN);
    }

    @AfterEach
    void stop() {
        if (!slackStopped) {
            slack.close();
        }
    }

    private SlackApprovalGateway gateway(String botToken) {
        return SlackApprovalGateway.create(
                new SlackApprovalGateway.Settings(botToken, SIGNING_SECRET, FakeSlack.CHANNEL_ID, slack.apiUrlPrefix()),
                new ApprovalDecisions() {
                    @Override
                    public Outcome decide(UUID approval, String slackUser, Verdict verdict) {
                        return new Outcome.Refused(Outcome.Kind.NOT_FOUND, "no interaction in these tests");
                    }

                    @Override
                    public Optional<Approval> find(UUID approval) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public ApprovalGateway gateway() {
        return gateway;
    }

    /**
     * Each message as the fake keeps it: a card's text is its blocks' texts (what Slack shows), a notice's its text;
     * mentions and links are the control sequences in any mrkdwn, the notification text included.
     */
    @Override
    public List<Shown> channelShows() {
        return slack.messages().stream().map(SlackApprovalGatewayTest::shown).toList();
    }

    private static Shown shown(FakeSlack.Posted message) {
        List<String> texts = new ArrayList<>();
        List<String> buttons = new ArrayList<>();
        for (JsonNode block : message.blocks()) {
            if (block.path("type").asText().equals("actions")) {
                for (JsonNode element : block.path("elements")) {
                    if (element.path("type").asText().equals("button")) {
                        buttons.add(element.path("text").path("text").asText());
                    }
                }
            } else {
                textsIn(block, texts);
            }
        }
        List<String> controls = new ArrayList<>();
        controls(message.text(), controls);
        texts.forEach(t -> controls(t, controls));
        String raw = texts.isEmpty() ? message.text() : String.join("\n", texts);
        return new Shown(
                new StaffFeed.Posted(FakeSlack.CHANNEL_ID, message.ts()),
                unescape(raw),
                buttons,
                controls,
                message.updates());
    }

    /** The text objects ({@code mrkdwn}, {@code plain_text}) anywhere in a block, in order. */
    private static void textsIn(JsonNode node, List<String> out) {
        if (node.isObject()
                && Set.of("mrkdwn", "plain_text").contains(node.path("type").asText())
                && node.path("text").isTextual()) {
            out.add(node.path("text").asText());
        }
        for (JsonNode child : node) {
            textsIn(child, out);
        }
    }

    private static void controls(String mrkdwn, List<String> out) {
        Matcher m = CONTROL.matcher(mrkdwn);
        while (m.find()) {
            out.add(m.group());
        }
    }

    private static String unescape(String mrkdwn) {
        return ENTITY.matcher(mrkdwn).replaceAll(e -> switch (e.group(1)) {
            case "lt" -> "<";
            case "gt" -> ">";
            default -> "&";
        });
    }

    @Override
    public String staffChannel() {
        return FakeSlack.CHANNEL_ID;
    }

    /** The fake stops listening: the SDK's connection is refused. */
    @Override
    public void workspaceUnreachable() {
        slack.close();
        slackStopped = true;
    }

    /** The fake takes only its own bot token: the gateway now holds another. */
    @Override
    public void credentialsRefused() {
        gateway = gateway("xoxb-1-revoked");
    }

    @Test
    void updatingAMessageSlackDoesNotHaveShouldBeAPermanentFailure() {
        assertThatThrownBy(() -> gateway.update(
                        new StaffFeed.Posted(FakeSlack.CHANNEL_ID, "1790000000.999999"),
                        ApprovalGatewayContract.card(
                                ApprovalBookContract.requested(Channel.SMS, ApprovalBookContract.NOW))))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("message_not_found");
    }

    @Test
    void toStringShouldMaskTheBotTokenAndTheSigningSecret() {
        assertThat(gateway.toString()).doesNotContain(BOT_TOKEN).doesNotContain(SIGNING_SECRET);
    }
}
