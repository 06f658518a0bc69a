package dev.aragent.server;

import dev.aragent.channels.SlackApprovalGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The channels beyond email and where outcomes go: Slack for approvals and notices, Twilio for SMS, the CRM, and how
 * long approvals wait. Each part is present only when its secrets are set; a half-configured part is an error that
 * names the missing key.
 */
public record ChannelsConfig(
        Optional<SlackApprovalGateway.Settings> slack,
        Optional<Twilio> twilio,
        Optional<Crm> crm,
        Optional<URI> publicUrl,
        Duration approvalsExpireAfter,
        Optional<String> transferNumber,
        VoicePath voicePath,
        Optional<Stripe> stripe) {

    /**
     * How a call's audio is handled: Twilio recognizes and speaks (ConversationRelay, the default), or we do with our
     * own speech services over Media Streams.
     */
    public enum VoicePath {
        RELAY,
        MEDIA
    }

    /** Twilio: account, token, our number, and (for tests, the demo or a proxy) another API base URL. */
    public record Twilio(String accountSid, String authToken, String number, Optional<URI> apiUrl) {
        @Override
        public String toString() {
            return "Twilio[account=" + accountSid + ", authToken=****, number=" + number + "]";
        }
    }

    /**
     * Stripe, for pay-now links: the account's secret key, the signing secret of the webhook endpoint that reports
     * payments to {@code /webhooks/stripe}, and (for tests, the demo or a proxy) another API base URL.
     */
    public record Stripe(String secretKey, String webhookSecret, Optional<URI> apiUrl) {
        @Override
        public String toString() {
            return "Stripe[secretKey=****, webhookSecret=****"
                    + apiUrl.map(u -> ", api=" + u).orElse("") + "]";
        }
    }

    /** The CRM: HubSpot (a private app token) or a signed webhook (URL and secret). */
    public sealed interface Crm {
        record HubSpot(URI url, String token) implements Crm {
            @Override
            public String toString() {
                return "HubSpot[" + url + ", token=****]";
            }
        }

        record Webhook(URI url, String secret) implements Crm {
            @Override
            public String toString() {
                return "Webhook[" + url + ", secret=****]";
            }
        }
    }

    /** The keys, for {@link Settings#ENVIRONMENT}. */
    static final String[] KEYS = {
        "slack.bot-token",
        "slack.signing-secret",
        "slack.channel",
        "slack.api-url",
        "slack.team",
        "twilio.account-sid",
        "twilio.auth-token",
        "twilio.number",
        "twilio.api-url",
        "crm.kind",
        "crm.hubspot.token",
        "crm.hubspot.url",
        "crm.webhook.url",
        "crm.webhook.secret",
        "public-url",
        "approvals.expire-after-hours",
        "voice.transfer-number",
        "voice.path",
        "stripe.secret-key",
        "stripe.webhook-secret",
        "stripe.api-url"
    };

    public static ChannelsConfig none() {
        return new ChannelsConfig(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofHours(48),
                Optional.empty(),
                VoicePath.RELAY,
                Optional.empty());
    }

    static ChannelsConfig from(Map<String, String> v) {
        Optional<SlackApprovalGateway.Settings> slack = Optional.empty();
        if (any(v, "slack.bot-token", "slack.signing-secret")) {
            slack = Optional.of(new SlackApprovalGateway.Settings(
                    need(v, "slack.bot-token", "AR_SLACK_BOT_TOKEN"),
                    need(v, "slack.signing-secret", "AR_SLACK_SIGNING_SECRET"),
                    v.getOrDefault("slack.channel", "#ar-approvals"),
                    v.getOrDefault("slack.api-url", "https://slack.com/api/"),
                    Optional.ofNullable(v.get("slack.team"))
                            .map(String::strip)
                            .filter(t -> !t.isEmpty())
                            .map(t -> {
                                if (!t.matches("[TE][A-Z0-9]{2,20}")) {
                                    throw new IllegalArgumentException(
                                            "slack.team must be a Slack workspace id, like T0123ABCD: " + t);
                                }
                                return t;
                            })));
        }
        Optional<Twilio> twilio = Optional.empty();
        if (any(v, "twilio.account-sid", "twilio.auth-token")) {
            String number = need(v, "twilio.number", "AR_TWILIO_NUMBER");
            if (!number.matches("\\+[1-9]\\d{6,14}")) {
                throw new IllegalArgumentException("twilio.number must be E.164, like +14155550100: " + number);
            }
            twilio = Optional.of(new Twilio(
                    need(v, "twilio.account-sid", "AR_TWILIO_ACCOUNT_SID"),
                    need(v, "twilio.auth-token", "AR_TWILIO_AUTH_TOKEN"),
                    number,
                    Optional.ofNullable(v.get("twilio.api-url"))
                            .filter(s -> !s.isBlank())
                            .map(URI::create)));
        }
        Optional<Crm> crm =
                switch (v.getOrDefault("crm.kind", "none").strip()) {
                    case "none", "" -> Optional.empty();
                    case "hubspot" ->
                        Optional.of(new Crm.HubSpot(
                                URI.create(v.getOrDefault("crm.hubspot.url", "https://api.hubapi.com")),
                                need(v, "crm.hubspot.token", "AR_CRM_HUBSPOT_TOKEN")));
                    case "webhook" ->
                        Optional.of(new Crm.Webhook(
                                URI.create(need(v, "crm.webhook.url", "AR_CRM_WEBHOOK_URL")),
                                need(v, "crm.webhook.secret", "AR_CRM_WEBHOOK_SECRET")));
                    default ->
                        throw new IllegalArgumentException(
                                "crm.kind must be none, hubspot or webhook, got " + v.get("crm.kind"));
                };
        Optional<Stripe> stripe = Optional.empty();
        if (any(v, "stripe.secret-key", "stripe.webhook-secret")) {
            String key = need(v, "stripe.secret-key", "AR_STRIPE_SECRET_KEY");
            if (!key.matches("(sk|rk)_(test|live)_\\w+")) {
                throw new IllegalArgumentException(
                        "stripe.secret-key must be a Stripe secret or restricted key (sk_live_…, rk_live_…, sk_test_…)");
            }
            stripe = Optional.of(new Stripe(
                    key,
                    need(v, "stripe.webhook-secret", "AR_STRIPE_WEBHOOK_SECRET"),
                    Optional.ofNullable(v.get("stripe.api-url"))
                            .filter(s -> !s.isBlank())
                            .map(URI::create)));
        }
        long hours = Long.parseLong(v.getOrDefault("approvals.expire-after-hours", "48"));
        if (hours < 1) {
            throw new IllegalArgumentException("approvals.expire-after-hours must be at least 1");
        }
        return new ChannelsConfig(
                slack,
                twilio,
                crm,
                Optional.ofNullable(v.get("public-url"))
                        .filter(s -> !s.isBlank())
                        .map(URI::create),
                Duration.ofHours(hours),
                Optional.ofNullable(v.get("voice.transfer-number"))
                        .filter(n -> !n.isBlank())
                        .map(n -> {
                            if (!n.matches("\\+[1-9]\\d{6,14}")) {
                                throw new IllegalArgumentException(
                                        "voice.transfer-number must be E.164, like +14155550100: " + n);
                            }
                            return n;
                        }),
                switch (v.getOrDefault("voice.path", "relay").strip()) {
                    case "relay", "" -> VoicePath.RELAY;
                    case "media" -> VoicePath.MEDIA;
                    default ->
                        throw new IllegalArgumentException(
                                "voice.path must be relay (Twilio's speech) or media (our own"
                                        + " speech services over Media Streams), got " + v.get("voice.path"));
                },
                stripe);
    }

    private static boolean any(Map<String, String> v, String... keys) {
        for (String k : keys) {
            if (v.get(k) != null && !v.get(k).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String need(Map<String, String> v, String key, String env) {
        String value = v.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing (set " + env + " or " + key + " in ar-agent.yaml)");
        }
        return value.strip();
    }

    public ChannelsConfig withSlack(SlackApprovalGateway.Settings s) {
        return new ChannelsConfig(
                Optional.of(s), twilio, crm, publicUrl, approvalsExpireAfter, transferNumber, voicePath, stripe);
    }

    public ChannelsConfig withTwilio(Twilio t) {
        return new ChannelsConfig(
                slack, Optional.of(t), crm, publicUrl, approvalsExpireAfter, transferNumber, voicePath, stripe);
    }

    public ChannelsConfig withCrm(Crm c) {
        return new ChannelsConfig(
                slack, twilio, Optional.of(c), publicUrl, approvalsExpireAfter, transferNumber, voicePath, stripe);
    }

    public ChannelsConfig withTransferNumber(String number) {
        return new ChannelsConfig(
                slack, twilio, crm, publicUrl, approvalsExpireAfter, Optional.of(number), voicePath, stripe);
    }

    public ChannelsConfig withVoicePath(VoicePath path) {
        return new ChannelsConfig(slack, twilio, crm, publicUrl, approvalsExpireAfter, transferNumber, path, stripe);
    }

    public ChannelsConfig withStripe(Stripe s) {
        return new ChannelsConfig(
                slack, twilio, crm, publicUrl, approvalsExpireAfter, transferNumber, voicePath, Optional.of(s));
    }

    public ChannelsConfig withPublicUrl(URI u) {
        return new ChannelsConfig(
                slack, twilio, crm, Optional.of(u), approvalsExpireAfter, transferNumber, voicePath, stripe);
    }
}
