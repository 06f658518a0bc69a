package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.approval.Edits;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import dev.aragent.agent.conversation.InboundSms;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import dev.aragent.server.App;
import dev.aragent.server.Backoffice;
import dev.aragent.server.Offices;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approvals over HTTP ({@code GET /api/approvals}, {@code GET|POST /api/approvals/{id}}) and the webhooks other
 * services call: Slack's interactions and Twilio Conversations' events. A webhook whose secret is not configured
 * answers 503; a forged, stale or malformed request is refused (401/400) before anything is read into the store.
 */
public final class BackofficeApi {
    private static final Logger LOG = LoggerFactory.getLogger(BackofficeApi.class);
    private static final Status UNPROCESSABLE = Status.create(422, "Unprocessable Content");
    /** Twilio retries a failed webhook within minutes; an event older than this is a replay. */
    static final Duration TWILIO_MAX_AGE = Duration.ofHours(1);

    private final App app;
    private final Offices offices;
    private final Gate gate;

    private BackofficeApi(App app, Offices offices, Gate gate) {
        this.app = app;
        this.offices = offices;
        this.gate = gate;
    }

    static BackofficeApi create(App app, Offices offices, Gate gate) {
        return new BackofficeApi(app, offices, gate);
    }

    /** Approvals behind the gate (reading needs {@code read}, deciding {@code approve}); webhooks by signature. */
    public void routing(HttpRouting.Builder routing) {
        routing.get("/api/approvals", gate.need(Permission.READ, this::list))
                .get("/api/approvals/{id}", gate.need(Permission.READ, this::show))
                .post("/api/approvals/{id}", gate.need(Permission.APPROVE, this::decide))
                .post("/webhooks/slack/interactions", this::slack)
                .post("/webhooks/twilio/conversations", this::twilio)
                .post("/voice/twiml", this::twiml)
                .post("/voice/after", this::afterConnect)
                .post("/webhooks/twilio/voice", this::callStatus);
    }

    private void list(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        String status = req.query().first("status").orElse("pending");
        List<Object> out = new ArrayList<>();
        // a tenant whose back office this service does not run has asked nobody anything
        offices.of(tenant).ifPresent(office -> {
            List<Approval> found = status.equals("pending")
                    ? office.approvals().pending(tenant)
                    : office.book().recent(tenant, 100);
            for (Approval a : found) {
                out.add(view(office.card(tenant, a)));
            }
        });
        json(res, Status.OK_200, Views.ordered("tenant", tenant.value(), "count", out.size(), "approvals", out));
    }

    private Optional<UUID> id(ServerRequest req, ServerResponse res) {
        try {
            return Optional.of(UUID.fromString(req.path().pathParameters().get("id")));
        } catch (IllegalArgumentException e) {
            json(res, Status.BAD_REQUEST_400, Views.ordered("error", "not an approval id: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private void show(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        Optional<Backoffice> office = offices.of(tenant);
        id(req, res)
                .ifPresent(id -> office.flatMap(o -> o.approvals().find(tenant, id))
                        .ifPresentOrElse(
                                a -> json(res, Status.OK_200, view(office.get().card(tenant, a))),
                                () -> json(res, Status.NOT_FOUND_404, Views.ordered("error", "no approval " + id))));
    }

    /**
     * {@code {"decision": "approve"|"edit"|"reject", "amounts": "...", "dates": "...", "text": "...", "reason":
     * "..."}}, decided as the caller (a {@code "by"} in the body is ignored: the audit log names the credential's
     * person).
     */
    private void decide(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        Optional<UUID> id = id(req, res);
        if (id.isEmpty()) {
            return;
        }
        Map<String, String> body;
        try {
            body = JsonBodies.strings(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            json(res, Status.BAD_REQUEST_400, Views.ordered("error", e.getMessage()));
            return;
        }
        Optional<Backoffice> found = offices.of(tenant);
        Optional<Approval> a = found.flatMap(o -> o.approvals().find(tenant, id.get()));
        if (a.isEmpty()) {
            json(res, Status.NOT_FOUND_404, Views.ordered("error", "no approval " + id.get()));
            return;
        }
        Verdict verdict;
        try {
            verdict = verdict(a.get(), body, who.actor());
        } catch (IllegalArgumentException e) {
            json(res, Status.BAD_REQUEST_400, Views.ordered("error", e.getMessage()));
            return;
        }
        Backoffice office = found.get();
        Outcome o = office.decide(who, id.get(), verdict);
        switch (o) {
            case Outcome.Decided d ->
                json(
                        res,
                        Status.OK_200,
                        Views.ordered(
                                "approval",
                                view(office.card(tenant, d.approval())),
                                "reply",
                                d.reply().orElse(null)));
            case Outcome.Unchanged u ->
                json(
                        res,
                        Status.CONFLICT_409,
                        Views.ordered("error", u.message(), "approval", view(office.card(tenant, u.approval()))));
            case Outcome.Refused r ->
                json(
                        res,
                        switch (r.kind()) {
                            case NOT_FOUND -> Status.NOT_FOUND_404;
                            case EXPIRED, STALE -> Status.CONFLICT_409;
                            case OUT_OF_POLICY, WORDING -> UNPROCESSABLE;
                            case NOT_ALLOWED -> Status.FORBIDDEN_403;
                        },
                        Views.ordered(
                                "error", r.message(), "kind", r.kind().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** A decision from its fields, recorded under {@code by}; throws with what to send instead. */
    public static Verdict verdict(Approval a, Map<String, String> f, String by) {
        return switch (f.getOrDefault("decision", "").toLowerCase(Locale.ROOT)) {
            case "approve" -> new Verdict.Approve(by);
            case "edit" ->
                new Verdict.Edit(
                        by,
                        Edits.terms(
                                a.proposed(),
                                f.getOrDefault("amounts", Edits.amounts(a.proposed())),
                                f.getOrDefault("dates", Edits.dates(a.proposed()))),
                        Optional.ofNullable(f.get("text")).filter(s -> !s.isBlank()));
            case "reject" ->
                new Verdict.Reject(
                        by,
                        Optional.ofNullable(f.get("reason"))
                                .filter(s -> !s.isBlank())
                                .orElseThrow(() -> new IllegalArgumentException("a rejection needs a \"reason\"")));
            default -> throw new IllegalArgumentException("\"decision\" must be approve, edit or reject");
        };
    }

    /** The JSON of an approval card. */
    public static Map<String, Object> view(ApprovalCard card) {
        Approval a = card.approval();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("status", a.status().code());
        m.put("customer", a.customer().value());
        m.put("customer_name", a.customerName());
        m.put("channel", a.channel().code());
        m.put("open_balance", Views.money(card.openBalance()));
        m.put("proposed", terms(a.proposed()));
        m.put("debtors_own", a.debtorsOwn());
        m.put("whose", card.whose());
        m.put("limits", card.limits());
        m.put("agent_offered", card.agentOffered().map(BackofficeApi::terms).orElse(null));
        m.put("stale", card.stale().orElse(null));
        m.put("debtor_words", a.debtorWords());
        m.put("against_policy", a.reasons());
        m.put("approver", a.approver());
        m.put("fallback", a.fallback().map(BackofficeApi::terms).orElse(null));
        m.put("risk", card.risk().orElse(null));
        m.put("risk_factors", card.riskFactors());
        m.put("risk_note", dev.aragent.agent.risk.Assessment.FRAMING);
        m.put("debtor_text", a.debtorText().orElse(null));
        m.put("drafted_reply", card.draftedReply().orElse(null));
        m.put("citations", a.citations());
        m.put("requested_at", a.requestedAt().toString());
        m.put("decide_by", card.deadline().toString());
        m.put("decided_at", a.decidedAt().map(Instant::toString).orElse(null));
        m.put("decided_by", a.decidedBy().orElse(null));
        m.put("note", a.note().orElse(null));
        m.put("agreed", a.agreed().map(BackofficeApi::terms).orElse(null));
        return m;
    }

    private static Map<String, Object> terms(Terms t) {
        List<Object> list = new ArrayList<>();
        for (Installment i : t.installments()) {
            list.add(Views.ordered(
                    "due", i.due().toString(), "amount", i.amount().toPlainString()));
        }
        return Views.ordered(
                "balance", Views.money(t.balance()), "discount_percent", t.discountPercent(), "installments", list);
    }

    private void slack(ServerRequest req, ServerResponse res) {
        if (!offices.anySlack()) {
            unconfigured(res, "Slack", "AR_SLACK_SIGNING_SECRET and AR_SLACK_BOT_TOKEN");
            return;
        }
        String body = req.content().hasEntity() ? req.content().as(String.class) : "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(h -> headers.put(h.name(), h.allValues()));
        // the tenant is the one whose Slack app signed it, never anything in the payload
        Optional<Backoffice> office = offices.slack(req.path().rawPath(), headers, body);
        if (office.isEmpty()) {
            LOG.atWarn().log("Slack interaction signed by no tenant's app refused");
            text(res, Status.UNAUTHORIZED_401, "invalid or expired Slack signature");
            return;
        }
        var answer = office.get()
                .slack()
                .get()
                .handle(
                        req.path().rawPath(),
                        headers,
                        body,
                        req.remotePeer().address().toString());
        res.status(Status.create(answer.status()))
                .header(HeaderNames.CONTENT_TYPE, answer.contentType())
                .send(answer.body());
    }

    private void twilio(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = signedForm(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Backoffice office = signed.get().office();
        Map<String, String> form = signed.get().form();
        if (office.sms().isEmpty()) {
            unconfigured(res, "Twilio", "AR_TWILIO_ACCOUNT_SID and AR_TWILIO_AUTH_TOKEN");
            return;
        }
        String event = form.getOrDefault("EventType", "");
        switch (event) {
            case "onMessageAdded" -> messageAdded(office, form, res);
            case "onDeliveryUpdated" -> {
                String sid = form.getOrDefault("MessageSid", "");
                String status = form.getOrDefault("Status", "").toLowerCase(Locale.ROOT);
                if (sid.isBlank() || status.isBlank()) {
                    text(res, Status.BAD_REQUEST_400, "MessageSid and Status are required");
                    return;
                }
                try {
                    office.sms()
                            .get()
                            .delivery(
                                    office.tenant(),
                                    sid,
                                    status,
                                    Optional.ofNullable(form.get("ErrorCode"))
                                            .filter(s -> !s.isBlank() && !s.equals("0")));
                } catch (IllegalArgumentException e) {
                    text(res, Status.BAD_REQUEST_400, e.getMessage());
                    return;
                }
                text(res, Status.OK_200, "");
            }
            default -> text(res, Status.OK_200, "");
        }
    }

    /** A Twilio request's form and the back office whose account signed it. */
    private record Signed(Backoffice office, Map<String, String> form) {}

    /** The form of a signed Twilio request and whose it is, or empty after answering 503/400/401. */
    private Optional<Signed> signedForm(ServerRequest req, ServerResponse res) {
        if (!offices.anyTwilio()) {
            unconfigured(res, "Twilio", "AR_TWILIO_ACCOUNT_SID and AR_TWILIO_AUTH_TOKEN");
            return Optional.empty();
        }
        List<Map.Entry<String, String>> pairs;
        try {
            pairs = Forms.pairs(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            text(res, Status.BAD_REQUEST_400, "malformed form body");
            return Optional.empty();
        }
        String query = req.query().rawValue();
        String path = req.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
        String url = app.settings()
                .channels()
                .publicUrl()
                .map(u -> u.toString().replaceFirst("/$", "") + path)
                .orElseGet(() -> base(req) + path);
        String signature =
                req.headers().first(HeaderNames.create("X-Twilio-Signature")).orElse("");
        Optional<Backoffice> office = offices.twilio(url, pairs, signature);
        if (office.isEmpty()) {
            LOG.atWarn().addKeyValue("url", url).log("Twilio request signed by no tenant's account refused");
            text(res, Status.UNAUTHORIZED_401, "invalid X-Twilio-Signature");
            return Optional.empty();
        }
        Map<String, String> form = new LinkedHashMap<>();
        pairs.forEach(e -> form.put(e.getKey(), e.getValue()));
        return Optional.of(new Signed(office.get(), form));
    }

    private static String base(ServerRequest req) {
        var uri = req.requestedUri();
        return uri.scheme() + "://" + uri.authority();
    }

    /**
     * What Twilio does when a call we placed connects: a person gets the conversation over ConversationRelay; a machine
     * gets a short voicemail with no account detail (and the call is recorded as such for a retry).
     */
    private void twiml(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = signedForm(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Backoffice office = signed.get().office();
        Optional<Map<String, String>> form = signed.map(Signed::form);
        String callSid = form.get().getOrDefault("CallSid", "");
        String conversation = req.query().first("conversation").orElse("");
        var brief = office.brief(conversation);
        if (!callSid.isBlank() && brief.isEmpty() && office.knownConversation(conversation)) {
            // paid (or credited) between the call being placed and answered: nothing to ask for, so no conversation
            office.voiceJournal()
                    .ended(
                            office.tenant(),
                            callSid,
                            "nothing_owed",
                            office.clock().instant());
            res.status(Status.OK_200)
                    .header(HeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                    .send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
            return;
        }
        if (callSid.isBlank() || brief.isEmpty()) {
            text(res, Status.BAD_REQUEST_400, "CallSid and a known conversation are required");
            return;
        }
        String answeredBy = form.get().getOrDefault("AnsweredBy", "unknown");
        String xml;
        if (answeredBy.startsWith("machine") || answeredBy.equals("fax")) {
            office.voiceJournal()
                    .ended(office.tenant(), callSid, "voicemail", office.clock().instant());
            xml = "<Response><Say>Hello, this is " + xml(brief.get().company())
                    + " accounts receivable with a message for "
                    + xml(brief.get().contactName()) + ". Please call us back at your convenience. Thank you.</Say>"
                    + "<Hangup/></Response>";
        } else {
            String root = app.settings()
                    .channels()
                    .publicUrl()
                    .map(u -> u.toString().replaceFirst("/$", ""))
                    .orElseGet(() -> base(req));
            String ws = root.replaceFirst("^http", "ws");
            String after = xml(root + "/voice/after?conversation=" + conversation);
            String parameter = "<Parameter name=\"conversation\" value=\"" + xml(conversation) + "\"/>";
            xml = office.mediaStreams()
                    ? "<Response><Connect action=\"" + after + "\"><Stream url=\"" + xml(ws + "/voice/media") + "\">"
                            + parameter + "</Stream></Connect></Response>"
                    : "<Response><Connect action=\"" + after + "\"><ConversationRelay url=\""
                            + xml(ws + "/voice/relay")
                            + "\" interruptible=\"true\" dtmfDetection=\"true\" welcomeGreeting=\"\">" + parameter
                            + "</ConversationRelay></Connect></Response>";
        }
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                .send("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }

    /**
     * What Twilio does when the call's WebSocket closes (the {@code <Connect>} action): a call the agent handed to a
     * person is dialled through to the AR manager's number; any other ends.
     */
    private void afterConnect(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = signedForm(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Backoffice office = signed.get().office();
        Optional<Map<String, String>> form = signed.map(Signed::form);
        String callSid = form.get().getOrDefault("CallSid", "");
        boolean transfer = office.voiceJournal()
                .outcome(office.tenant(), callSid)
                .filter(o -> o.equals("transferred"))
                .isPresent();
        String xml = transfer && office.transferNumber().isPresent()
                ? "<Response><Dial>" + xml(office.transferNumber().get()) + "</Dial></Response>"
                : "<Response><Hangup/></Response>";
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/xml; charset=utf-8")
                .send("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
    }

    /** Call progress from Twilio (initiated, ringing, answered, completed, busy, no-answer, failed). */
    private void callStatus(ServerRequest req, ServerResponse res) {
        Optional<Signed> signed = signedForm(req, res);
        if (signed.isEmpty()) {
            return;
        }
        Backoffice office = signed.get().office();
        Optional<Map<String, String>> form = signed.map(Signed::form);
        String callSid = form.get().getOrDefault("CallSid", "");
        String status = form.get().getOrDefault("CallStatus", "");
        if (callSid.isBlank() || status.isBlank()) {
            text(res, Status.BAD_REQUEST_400, "CallSid and CallStatus are required");
            return;
        }
        if (List.of("completed", "busy", "no-answer", "failed", "canceled").contains(status)) {
            office.voiceJournal()
                    .ended(office.tenant(), callSid, status, office.clock().instant());
        }
        text(res, Status.OK_200, "");
    }

    private static String xml(String s) {
        return Html.escape(s);
    }

    private void messageAdded(Backoffice office, Map<String, String> form, ServerResponse res) {
        String sid = form.getOrDefault("MessageSid", "");
        String author = form.getOrDefault("Author", "");
        if (sid.isBlank() || author.isBlank()) {
            text(res, Status.BAD_REQUEST_400, "MessageSid and Author are required");
            return;
        }
        String ours = office.sms().orElseThrow().ourNumber();
        if (author.equals(ours)) {
            text(res, Status.OK_200, "");
            return;
        }
        Instant at;
        try {
            at = Optional.ofNullable(form.get("DateCreated"))
                    .filter(s -> !s.isBlank())
                    .map(Instant::parse)
                    .orElse(office.clock().instant());
        } catch (DateTimeParseException e) {
            text(res, Status.BAD_REQUEST_400, "DateCreated is not an ISO 8601 instant");
            return;
        }
        if (at.isBefore(office.clock().instant().minus(TWILIO_MAX_AGE))) {
            text(res, Status.UNAUTHORIZED_401, "stale event (created " + at + "): refused as a replay");
            return;
        }
        var intake = office.sms()
                .get()
                .receive(
                        office.tenant(),
                        new InboundSms(
                                sid,
                                form.getOrDefault("ConversationSid", ""),
                                author,
                                ours,
                                form.getOrDefault("Body", ""),
                                at));
        LOG.atInfo().addKeyValue("result", intake.getClass().getSimpleName()).log("SMS received");
        text(res, Status.OK_200, "");
    }

    private static void unconfigured(ServerResponse res, String what, String keys) {
        text(res, Status.SERVICE_UNAVAILABLE_503, what + " is not configured on this server: set " + keys);
    }

    private static void text(ServerResponse res, Status status, String body) {
        res.status(status)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .send(body);
    }

    private static void json(ServerResponse res, Status status, Object body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(HttpApi.write(body));
    }
}
