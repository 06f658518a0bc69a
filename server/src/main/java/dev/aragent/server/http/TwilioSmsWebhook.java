package dev.aragent.server.http;

import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.conversation.SmsDesk;
import dev.aragent.server.Tenancy;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Conversations' events, {@code POST /webhooks/twilio/conversations}, signed by the tenant's Twilio account: a
 * debtor's text ({@code onMessageAdded}) goes to the tenant's SMS desk; a delivery receipt ({@code onDeliveryUpdated})
 * is recorded on our text. An event older than an hour is refused as a replay.
 */
final class TwilioSmsWebhook implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsWebhook.class);
    /** Twilio retries a failed webhook within minutes; an event older than this is a replay. */
    static final Duration MAX_AGE = Duration.ofHours(1);

    private final TwilioRequests twilio;

    TwilioSmsWebhook(TwilioRequests twilio) {
        this.twilio = twilio;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/webhooks/twilio/conversations", this::event);
    }

    private void event(ServerRequest req, ServerResponse res) {
        twilio.signedForm(req, res).ifPresent(signed -> {
            Optional<SmsDesk> desk = signed.office().office().sms();
            if (desk.isEmpty()) {
                Replies.unconfigured(res, "Twilio", "AR_TWILIO_ACCOUNT_SID and AR_TWILIO_AUTH_TOKEN");
                return;
            }
            switch (signed.form().getOrDefault("EventType", "")) {
                case "onMessageAdded" -> messageAdded(signed.office(), desk.get(), signed.form(), res);
                case "onDeliveryUpdated" -> receipt(signed.office(), desk.get(), signed.form(), res);
                default -> Replies.text(res, Status.OK_200, "");
            }
        });
    }

    private static void receipt(Tenancy office, SmsDesk desk, Map<String, String> form, ServerResponse res) {
        String sid = form.getOrDefault("MessageSid", "");
        String status = form.getOrDefault("Status", "").toLowerCase(Locale.ROOT);
        if (sid.isBlank() || status.isBlank()) {
            Replies.text(res, Status.BAD_REQUEST_400, "MessageSid and Status are required");
            return;
        }
        try {
            desk.delivery(
                    office.tenant(),
                    sid,
                    status,
                    Optional.ofNullable(form.get("ErrorCode")).filter(s -> !s.isBlank() && !s.equals("0")));
        } catch (IllegalArgumentException e) {
            Replies.text(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        Replies.text(res, Status.OK_200, "");
    }

    private static void messageAdded(Tenancy office, SmsDesk desk, Map<String, String> form, ServerResponse res) {
        String sid = form.getOrDefault("MessageSid", "");
        String author = form.getOrDefault("Author", "");
        if (sid.isBlank() || author.isBlank()) {
            Replies.text(res, Status.BAD_REQUEST_400, "MessageSid and Author are required");
            return;
        }
        String ours = desk.ourNumber();
        if (author.equals(ours)) {
            Replies.text(res, Status.OK_200, ""); // our own text, echoed
            return;
        }
        Instant at;
        try {
            at = Optional.ofNullable(form.get("DateCreated"))
                    .filter(s -> !s.isBlank())
                    .map(Instant::parse)
                    .orElse(office.office().clock().instant());
        } catch (DateTimeParseException e) {
            Replies.text(res, Status.BAD_REQUEST_400, "DateCreated is not an ISO 8601 instant");
            return;
        }
        if (at.isBefore(office.office().clock().instant().minus(MAX_AGE))) {
            Replies.text(res, Status.UNAUTHORIZED_401, "stale event (created " + at + "): refused as a replay");
            return;
        }
        var intake = desk.receive(
                office.tenant(),
                new InboundSms(
                        sid,
                        form.getOrDefault("ConversationSid", ""),
                        author,
                        ours,
                        form.getOrDefault("Body", ""),
                        at));
        LOG.atInfo().addKeyValue("result", intake.getClass().getSimpleName()).log("SMS received");
        Replies.text(res, Status.OK_200, "");
    }
}
