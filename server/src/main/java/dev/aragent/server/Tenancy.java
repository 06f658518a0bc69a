package dev.aragent.server;

import dev.aragent.agent.app.Office;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.SpeechToText;
import dev.aragent.agent.spi.TextToSpeech;
import dev.aragent.channels.SlackApprovalGateway;
import dev.aragent.channels.TwilioWebhooks;
import dev.aragent.store.PostgresCrmOutbox;
import dev.aragent.voicebridge.UpgradeGate;
import io.helidon.http.HeaderNames;
import java.util.List;
import java.util.Optional;

/**
 * One tenant as this service hosts it: its {@link Office} (the use cases its webhooks, API and background work call)
 * and what the HTTP surface needs of its channels' adapters — the Twilio signatures its webhooks and voice upgrades are
 * checked with, the Slack app its interactions arrive through, its CRM outbox, the speech services of Media Streams
 * calls, its pay-now links and the Stripe webhook that reports their payments. Made by {@link App#tenancy}.
 */
public record Tenancy(
        Office office,
        ChannelsConfig channels,
        Optional<TwilioWebhooks> twilio,
        Optional<SlackApprovalGateway> slack,
        PostgresCrmOutbox crmOutbox,
        Optional<Speech> speech,
        Optional<Payments> payments) {

    /** Our own speech services, for calls over Media Streams. */
    public record Speech(SpeechToText stt, TextToSpeech tts) {}

    /** Pay-now links on the tenant's Stripe account, and what reads its webhook. */
    public record Payments(dev.aragent.agent.app.PayNow payNow, dev.aragent.payments.StripeWebhooks webhooks) {}

    public TenantId tenant() {
        return office.tenant();
    }

    /** Whether calls connect over Media Streams (our speech) rather than ConversationRelay (Twilio's). */
    public boolean mediaStreams() {
        return channels.voicePath() == ChannelsConfig.VoicePath.MEDIA;
    }

    /** Where a transferred call goes: the AR manager's number. */
    public Optional<String> transferNumber() {
        return channels.transferNumber();
    }

    /** The Twilio account its texts and calls go through, when configured. */
    public Optional<String> twilioAccount() {
        return channels.twilio().map(ChannelsConfig.Twilio::accountSid);
    }

    /** Only Twilio opens the voice WebSocket: its signature over the URL it called (ws/wss), as for webhooks. */
    public UpgradeGate voiceGate() {
        return (pathAndQuery, headers) -> twilio.isPresent()
                && UpgradeGate.signature(headers)
                        .map(sig -> twilio.get().valid(wsUrl(pathAndQuery, headers), List.of(), sig))
                        .orElse(false);
    }

    private String wsUrl(String pathAndQuery, io.helidon.http.Headers headers) {
        return channels.publicUrl()
                .map(u -> u.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + pathAndQuery)
                .orElseGet(() -> "ws://" + headers.first(HeaderNames.HOST).orElse("localhost") + pathAndQuery);
    }
}
