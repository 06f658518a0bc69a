package dev.aragent.channels;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import dev.aragent.agent.app.ApprovalDecisions;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.Edits;
import dev.aragent.agent.spi.ApprovalGateway;
import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.agent.spi.TransientFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AR staff's approvals in Slack, with Bolt: posts a Block Kit card per approval (debtor, balance, the proposal against
 * policy, risk and its factors, the drafted reply and its citations) with Approve / Edit / Reject; Edit and Reject open
 * modals (amounts, dates, text; a reason). Interaction requests are verified by Bolt (signature and a five-minute
 * timestamp window, checked first with Bolt's own verifier so a forged request is refused even when Slack's API is
 * unreachable) before any handler runs; a decision goes to {@link ApprovalDecisions}, whose refusal (stale, out of policy)
 * is shown to the person. Bolt has no Helidon adapter, so requests come in through {@link #handle}.
 */
public final class SlackApprovalGateway implements ApprovalGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SlackApprovalGateway.class);
    static final String APPROVE = "ar_approve";
    static final String EDIT = "ar_edit";
    static final String REJECT = "ar_reject";
    static final String EDIT_MODAL = "ar_edit_modal";
    static final String REJECT_MODAL = "ar_reject_modal";

    /**
     * Settings: the bot token ({@code xoxb-…}), the signing secret, the channel approvals go to, and the Web API's URL
     * prefix ({@code https://slack.com/api/} in production, a loopback fake in tests); with {@code team}, only
     * interactions from that workspace ({@code T…}) are this gateway's (one Slack app installed in several tenants'
     * workspaces shares its signing secret).
     */
    public record Settings(
            String botToken, String signingSecret, String channel, String apiUrlPrefix, Optional<String> team) {
        public Settings(String botToken, String signingSecret, String channel, String apiUrlPrefix) {
            this(botToken, signingSecret, channel, apiUrlPrefix, Optional.empty());
        }

        public Settings {
            if (botToken.isBlank() || signingSecret.isBlank() || channel.isBlank()) {
                throw new IllegalArgumentException("Slack needs a bot token, a signing secret and a channel");
            }
            if (signingSecret.strip().length() < 16) {
                throw new IllegalArgumentException(
                        "the Slack signing secret is too short (Slack's are 32 characters; see the app's Basic Information)");
            }
        }

        @Override
        public String toString() {
            return "Settings[botToken=****, signingSecret=****, channel=" + channel + ", api=" + apiUrlPrefix
                    + team.map(t -> ", team=" + t).orElse("") + "]";
        }
    }

    private final Settings settings;
    private final MethodsClient methods;
    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;

    private SlackApprovalGateway(Settings settings, ApprovalDecisions decisions) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrlPrefix());
        config.setStatsEnabled(false);
        Slack slack = Slack.getInstance(config);
        this.methods = slack.methods(settings.botToken());
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .build();
        this.app = new App(appConfig);
        this.parser = new SlackRequestParser(appConfig);
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()));
        new SlackInteractions(app, decisions, this).register();
    }

    public static SlackApprovalGateway create(Settings settings, ApprovalDecisions decisions) {
        return new SlackApprovalGateway(settings, decisions);
    }

    /** An HTTP answer for the web server to write. */
    public record Answer(int status, String contentType, String body) {}

    /**
     * Runs one interaction request (the raw form body as Slack sent it) through Bolt: 401 when the signature or the
     * timestamp is wrong, 400 when the body is not an interaction, otherwise the handler's answer.
     */
    public Answer handle(String path, Map<String, List<String>> headers, String body, String remote) {
        if (!signed(headers, body)) {
            return new Answer(401, "text/plain", "invalid or expired Slack signature");
        }
        try {
            var request = parse(path, headers, body, remote);
            if (request == null) {
                return new Answer(400, "text/plain", "not a Slack interaction");
            }
            if (!ourTeam(request)) {
                return new Answer(403, "text/plain", "this interaction is from another Slack workspace");
            }
            Response r = app.run(request);
            int status = r.getStatusCode() == null ? 200 : r.getStatusCode();
            return new Answer(
                    status,
                    Optional.ofNullable(r.getContentType()).orElse("text/plain"),
                    Optional.ofNullable(r.getBody()).orElse(""));
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("The token is invalid")) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).log("Slack's Web API refused or unreachable");
                return new Answer(503, "text/plain", "Slack is unreachable or the bot token was refused");
            }
            LOG.atWarn().addKeyValue("error", e.toString()).log("malformed Slack interaction refused");
            return new Answer(400, "text/plain", "malformed Slack interaction");
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("malformed Slack interaction refused");
            return new Answer(400, "text/plain", "malformed Slack interaction");
        }
    }

    /**
     * Whether an interaction request is this gateway's: signed with its secret, fresh, and (when the gateway is bound
     * to a workspace) from its workspace. A service hosting several tenants asks each tenant's gateway in turn.
     */
    public boolean accepts(String path, Map<String, List<String>> headers, String body) {
        if (!signed(headers, body)) {
            return false;
        }
        if (settings.team().isEmpty()) {
            return true;
        }
        try {
            var request = parse(path, headers, body, "127.0.0.1");
            return request != null && ourTeam(request);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean signed(Map<String, List<String>> headers, String body) {
        RequestHeaders h = new RequestHeaders(headers);
        String ts = h.getFirstValue("X-Slack-Request-Timestamp");
        String sig = h.getFirstValue("X-Slack-Signature");
        return ts != null && sig != null && body != null && !fromTheFuture(ts) && verifier.isValid(ts, body, sig);
    }

    private com.slack.api.bolt.request.Request<?> parse(
            String path, Map<String, List<String>> headers, String body, String remote) {
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(path)
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(remote)
                .build());
    }

    private boolean ourTeam(com.slack.api.bolt.request.Request<?> request) {
        return settings.team()
                .map(t -> t.equals(request.getContext().getTeamId()))
                .orElse(true);
    }

    /**
     * Bolt refuses a timestamp older than five minutes but not one ahead of now, which a captured request signed for
     * later would use. Signature freshness is the wall clock's business, as in Bolt's own check.
     */
    static boolean fromTheFuture(String ts) {
        try {
            return Long.parseLong(ts.strip()) * 1000 > System.currentTimeMillis() + FIVE_MINUTES_MS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static final long FIVE_MINUTES_MS = 5 * 60 * 1000;

    @Override
    public StaffFeed.Posted post(ApprovalCard card) {
        var r = call(
                "chat.postMessage",
                () -> methods.chatPostMessage(m -> m.channel(settings.channel())
                        .text(SlackCards.summary(card))
                        .blocks(SlackCards.card(card, true))));
        return new StaffFeed.Posted(r.getChannel(), r.getTs());
    }

    @Override
    public void update(StaffFeed.Posted where, ApprovalCard card) {
        call(
                "chat.update",
                () -> methods.chatUpdate(m -> m.channel(where.channel())
                        .ts(where.ts())
                        .text(SlackCards.summary(card))
                        .blocks(SlackCards.card(card, false))));
    }

    /**
     * Posts a notice. Its text quotes debtors ("Dispute opened …: their sentence"), so Slack's control characters are
     * escaped: a debtor cannot write {@code <!channel>} or a disguised link into the AR channel.
     */
    @Override
    public void notify(String text) {
        call(
                "chat.postMessage",
                () -> methods.chatPostMessage(m -> m.channel(settings.channel()).text(SlackCards.escape(text))));
    }

    void ephemeral(String channel, String user, String text) {
        call(
                "chat.postEphemeral",
                () -> methods.chatPostEphemeral(
                        m -> m.channel(channel).user(user).text(text)));
    }

    void openModal(String triggerId, View view) {
        call("views.open", () -> methods.viewsOpen(m -> m.triggerId(triggerId).view(view)));
    }

    @FunctionalInterface
    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        T r;
        try {
            r = call.run();
        } catch (IOException e) {
            throw new TransientFailure("Slack " + method + ": " + e.getMessage(), e);
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429 || status >= 500) {
                throw new TransientFailure("Slack " + method + ": HTTP " + status, e);
            }
            throw new PermanentFailure("Slack " + method + ": HTTP " + status, e);
        }
        if (!r.isOk()) {
            String error = Optional.ofNullable(r.getError()).orElse("unknown error");
            if (error.equals("ratelimited") || error.equals("service_unavailable")) {
                throw new TransientFailure("Slack " + method + ": " + error, null);
            }
            throw new PermanentFailure(
                    "Slack " + method + ": " + error
                            + (error.equals("not_in_channel") ? " (invite the app to the channel)" : ""),
                    null);
        }
        return r;
    }

    /** The edit modal, filled with the proposal. */
    static View editModal(Approval a) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + a.customerName() + "* — balance "
                + a.proposed().balance().format() + ". One amount and one date per installment."))));
        blocks.add(input(i -> i.blockId("amounts")
                .label(plainText("Amounts"))
                .element(plainTextInput(p -> p.actionId("amounts").initialValue(Edits.amounts(a.proposed()))))));
        blocks.add(input(i -> i.blockId("dates")
                .label(plainText("Dates (YYYY-MM-DD)"))
                .element(plainTextInput(p -> p.actionId("dates").initialValue(Edits.dates(a.proposed()))))));
        blocks.add(input(i -> i.blockId("text")
                .optional(true)
                .label(plainText("Message to the debtor (optional)"))
                .element(plainTextInput(p -> p.actionId("text").multiline(true)))));
        return Views.view(v -> v.type("modal")
                .callbackId(EDIT_MODAL)
                .privateMetadata(a.id().toString())
                .title(Views.viewTitle(t -> t.type("plain_text").text("Edit the offer")))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text("Approve edited")))
                .close(Views.viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static View rejectModal(Approval a) {
        return Views.view(v -> v.type("modal")
                .callbackId(REJECT_MODAL)
                .privateMetadata(a.id().toString())
                .title(Views.viewTitle(t -> t.type("plain_text").text("Reject the offer")))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text("Reject")))
                .close(Views.viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId("reason")
                        .label(plainText("Reason"))
                        .element(plainTextInput(p -> p.actionId("reason").multiline(true)))))));
    }

    static String value(ViewState state, String block) {
        var b = state.getValues().get(block);
        if (b == null || b.get(block) == null) {
            return "";
        }
        return Optional.ofNullable(b.get(block).getValue()).orElse("");
    }

    @Override
    public String toString() {
        return "SlackApprovalGateway[" + settings + "]";
    }
}
