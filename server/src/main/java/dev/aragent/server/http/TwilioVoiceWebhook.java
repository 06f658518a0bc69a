package dev.aragent.server.http;

import dev.aragent.server.Tenancy;
import dev.aragent.voicebridge.TwiML;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * What Twilio asks about the calls we place, each request signed by the tenant's Twilio account: {@code POST
 * /voice/twiml} when a call connects, {@code POST /voice/after} when its WebSocket closes, {@code POST
 * /webhooks/twilio/voice} with its progress.
 */
final class TwilioVoiceWebhook implements HttpService {
    private final TwilioRequests twilio;

    TwilioVoiceWebhook(TwilioRequests twilio) {
        this.twilio = twilio;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/voice/twiml", this::connected)
                .post("/voice/after", this::afterConnect)
                .post("/webhooks/twilio/voice", this::progress);
    }

    /**
     * A call we placed connected: a person gets the conversation over our WebSocket; a machine a short voicemail with
     * no account detail (recorded as such for a retry); an account paid meanwhile, a hang-up.
     */
    private void connected(ServerRequest req, ServerResponse res) {
        twilio.signedForm(req, res).ifPresent(signed -> {
            Tenancy office = signed.office();
            String callSid = signed.form().getOrDefault("CallSid", "");
            String conversation = req.query().first("conversation").orElse("");
            var brief = office.office().brief(conversation);
            if (!callSid.isBlank() && brief.isEmpty() && office.office().knownConversation(conversation)) {
                // paid (or credited) between the call being placed and answered: nothing to ask for
                office.office()
                        .voiceJournal()
                        .ended(
                                office.tenant(),
                                callSid,
                                "nothing_owed",
                                office.office().clock().instant());
                Replies.twiml(res, TwiML.hangup());
            } else if (callSid.isBlank() || brief.isEmpty()) {
                Replies.text(res, Status.BAD_REQUEST_400, "CallSid and a known conversation are required");
            } else if (machine(signed.form())) {
                office.office()
                        .voiceJournal()
                        .ended(
                                office.tenant(),
                                callSid,
                                "voicemail",
                                office.office().clock().instant());
                Replies.twiml(
                        res, TwiML.voicemail(brief.get().company(), brief.get().contactName()));
            } else {
                String root = twilio.root(req);
                String ws = root.replaceFirst("^http", "ws");
                String after = root + "/voice/after?conversation=" + conversation;
                Replies.twiml(
                        res,
                        office.mediaStreams()
                                ? TwiML.stream(ws + "/voice/media", after, conversation)
                                : TwiML.relay(ws + "/voice/relay", after, conversation));
            }
        });
    }

    private static boolean machine(Map<String, String> form) {
        String answeredBy = form.getOrDefault("AnsweredBy", "unknown");
        return answeredBy.startsWith("machine") || answeredBy.equals("fax");
    }

    /** The call's WebSocket closed: a call the agent handed to a person is dialled through; any other ends. */
    private void afterConnect(ServerRequest req, ServerResponse res) {
        twilio.signedForm(req, res).ifPresent(signed -> {
            Tenancy office = signed.office();
            boolean transfer = office.office()
                    .voiceJournal()
                    .outcome(office.tenant(), signed.form().getOrDefault("CallSid", ""))
                    .filter(o -> o.equals("transferred"))
                    .isPresent();
            Replies.twiml(
                    res,
                    transfer && office.transferNumber().isPresent()
                            ? TwiML.dial(office.transferNumber().get())
                            : TwiML.hangup());
        });
    }

    /** Call progress (initiated, ringing, answered, completed, busy, no-answer, failed): a final one ends the call. */
    private void progress(ServerRequest req, ServerResponse res) {
        twilio.signedForm(req, res).ifPresent(signed -> {
            String callSid = signed.form().getOrDefault("CallSid", "");
            String status = signed.form().getOrDefault("CallStatus", "");
            if (callSid.isBlank() || status.isBlank()) {
                Replies.text(res, Status.BAD_REQUEST_400, "CallSid and CallStatus are required");
                return;
            }
            if (List.of("completed", "busy", "no-answer", "failed", "canceled").contains(status)) {
                Tenancy office = signed.office();
                office.office()
                        .voiceJournal()
                        .ended(
                                office.tenant(),
                                callSid,
                                status,
                                office.office().clock().instant());
            }
            Replies.text(res, Status.OK_200, "");
        });
    }
}
