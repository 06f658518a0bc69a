package dev.aragent.loopback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback fake of Twilio Conversations and of the phones on the other end: the REST API the SDK calls
 * (conversations, SMS participants, messages; basic auth with the account SID and auth token; Twilio's error JSON),
 * and the webhooks Twilio sends — {@code onMessageAdded} when a debtor texts, {@code onDeliveryUpdated} receipts —
 * signed with {@code X-Twilio-Signature} as Twilio signs them.
 */
public final class FakeTwilio implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/v1/Conversations(?:/(CH\\w+)/(Participants|Messages))?");
    /** One conversation, by its SID or its unique name. */
    private static final Pattern ONE = Pattern.compile("/v1/Conversations/([^/]+)");

    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Calls\\.json");

    /** A call placed through the Calls API: where Twilio fetches TwiML and posts status. */
    public record PlacedCall(
            String sid, String to, String from, String url, String statusCallback, String machineDetection) {}

    /** A text in a Twilio conversation. */
    public record Text(String sid, String conversationSid, String author, String body) {}

    private final String accountSid;
    private final String authToken;
    private final Clock clock;
    private final Map<String, String> phoneOf = new LinkedHashMap<>(); // conversation → debtor phone
    private final Map<String, String> uniqueNames = new LinkedHashMap<>(); // unique name → conversation
    private final Map<String, String> attributesOf = new LinkedHashMap<>(); // message → its attributes
    private boolean answersLost;
    private boolean downAfterOpening;
    private final List<Text> texts = new ArrayList<>();
    private final List<PlacedCall> calls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1);
    private final AtomicInteger failNext = new AtomicInteger();
    private final LoopbackHttp server;
    private URI webhook = URI.create("http://127.0.0.1:1/");

    private FakeTwilio(String accountSid, String authToken, Clock clock) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.clock = clock;
        this.server = LoopbackHttp.start(this::handle);
    }

    public static FakeTwilio start(String accountSid, String authToken, Clock clock) {
        return new FakeTwilio(accountSid, authToken, clock);
    }

    /** Where the SDK's requests go. */
    public URI apiBase() {
        return server.base();
    }

    /** Where Twilio posts conversation events (the service's public URL of the webhook). */
    public void webhook(URI url) {
        this.webhook = url;
    }

    public void failNext(int n) {
        failNext.set(n);
        if (n == 0) {
            answersLost = false;
            downAfterOpening = false;
        }
    }

    /**
     * From now on each request is carried out but its answer is lost (a 503 after the fact, as a proxy's timeout or a
     * dropped connection leaves the client), until {@code failNext(0)}.
     */
    public synchronized void loseAnswers() {
        answersLost = true;
    }

    /** The next conversation is opened (its participant added), then every request fails until {@code failNext(0)}. */
    public synchronized void downAfterOpening() {
        downAfterOpening = true;
    }

    /** The conversations bound to one phone (an SMS participant with that address). */
    public synchronized List<String> conversationsWith(String phone) {
        return phoneOf.entrySet().stream()
                .filter(e -> e.getValue().equals(phone))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Every text in every conversation, in order. */
    public synchronized List<Text> texts() {
        return List.copyOf(texts);
    }

    /** The debtor's phone in a conversation (empty before a participant joined, or for an unknown one). */
    public synchronized Optional<String> phoneOf(String conversationSid) {
        return Optional.ofNullable(phoneOf.get(conversationSid)).filter(p -> !p.isEmpty());
    }

    /** The texts our number sent to one phone. */
    public synchronized List<Text> textsTo(String phone) {
        return texts.stream()
                .filter(t -> phone.equals(phoneOf.get(t.conversationSid()))
                        && !t.author().equals(phone))
                .toList();
    }

    private synchronized LoopbackHttp.Reply handle(HttpExchange ex, String body) throws IOException {
        LoopbackHttp.Reply reply = carryOut(ex, body);
        return answersLost && reply.status() < 400 ? error(503, 20500, "Service unavailable") : reply;
    }

    private LoopbackHttp.Reply carryOut(HttpExchange ex, String body) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 20003, "Authenticate");
        }
        if (failNext.get() > 0) {
            failNext.decrementAndGet();
            return error(503, 20500, "Service unavailable");
        }
        Matcher call = CALLS.matcher(ex.getRequestURI().getPath());
        if (call.matches() && ex.getRequestMethod().equals("POST")) {
            Map<String, String> f = Wire.form(body);
            PlacedCall placed = new PlacedCall(
                    sid("CA"),
                    f.getOrDefault("To", ""),
                    f.getOrDefault("From", ""),
                    f.getOrDefault("Url", ""),
                    f.getOrDefault("StatusCallback", ""),
                    f.getOrDefault("MachineDetection", ""));
            if (!placed.to().matches("\\+[1-9]\\d{6,14}")) {
                return error(400, 21211, "Invalid 'To' Phone Number");
            }
            calls.add(placed);
            ObjectNode o = resource(placed.sid(), clock.instant().toString());
            o.put("to", placed.to());
            o.put("from", placed.from());
            o.put("status", "queued");
            o.put("direction", "outbound-api");
            return LoopbackHttp.Reply.json(201, o.toString());
        }
        if (ex.getRequestMethod().equals("GET")) {
            return read(ex.getRequestURI());
        }
        Matcher m = PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches() || !ex.getRequestMethod().equals("POST")) {
            return error(404, 20404, "The requested resource was not found");
        }
        Map<String, String> f = Wire.form(body);
        String now = clock.instant().toString();
        if (m.group(1) == null) {
            String unique = f.getOrDefault("UniqueName", "");
            if (!unique.isEmpty() && uniqueNames.containsKey(unique)) {
                return error(409, 50353, "Conversation with provided unique name already exists");
            }
            String sid = sid("CH");
            phoneOf.put(sid, "");
            if (!unique.isEmpty()) {
                uniqueNames.put(unique, sid);
            }
            ObjectNode o = conversation(sid, now);
            o.put("friendly_name", f.getOrDefault("FriendlyName", ""));
            o.put("attributes", f.getOrDefault("Attributes", "{}"));
            return LoopbackHttp.Reply.json(201, o.toString());
        }
        String conversation = m.group(1);
        if (!phoneOf.containsKey(conversation)) {
            return error(404, 20404, "Conversation not found");
        }
        if (m.group(2).equals("Participants")) {
            String phone = f.getOrDefault("MessagingBinding.Address", "");
            if (!phone.matches("\\+[1-9]\\d{6,14}")) {
                return error(400, 50407, "Invalid messaging binding address");
            }
            // Twilio binds a phone and our number into one active conversation at most
            Optional<String> bound = conversationsWith(phone).stream().findFirst();
            if (bound.isPresent()) {
                return error(
                        409,
                        50416,
                        "A binding for this participant and proxy address already exists in Conversation "
                                + bound.get());
            }
            phoneOf.put(conversation, phone);
            if (downAfterOpening) {
                downAfterOpening = false;
                failNext.set(Integer.MAX_VALUE);
            }
            ObjectNode o = resource(sid("MB"), now);
            o.put("conversation_sid", conversation);
            o.putObject("messaging_binding")
                    .put("type", "sms")
                    .put("address", phone)
                    .put("proxy_address", f.getOrDefault("MessagingBinding.ProxyAddress", ""));
            return LoopbackHttp.Reply.json(201, o.toString());
        }
        Text t = new Text(sid("IM"), conversation, f.getOrDefault("Author", "system"), f.getOrDefault("Body", ""));
        texts.add(t);
        attributesOf.put(t.sid(), f.getOrDefault("Attributes", "{}"));
        return LoopbackHttp.Reply.json(201, message(t, texts.size() - 1, now).toString());
    }

    private ObjectNode message(Text t, int index, String now) {
        ObjectNode o = resource(t.sid(), now);
        o.put("conversation_sid", t.conversationSid());
        o.put("author", t.author());
        o.put("body", t.body());
        o.put("attributes", attributesOf.getOrDefault(t.sid(), "{}"));
        o.put("index", index);
        return o;
    }

    private ObjectNode conversation(String sid, String now) {
        ObjectNode o = resource(sid, now);
        uniqueNames.entrySet().stream()
                .filter(e -> e.getValue().equals(sid))
                .findFirst()
                .ifPresentOrElse(e -> o.put("unique_name", e.getKey()), () -> o.putNull("unique_name"));
        o.put("state", "active");
        return o;
    }

    /**
     * A GET: one conversation by SID or unique name, or a conversation's messages, newest first with {@code
     * Order=desc}, one page of {@code PageSize} (Twilio's paged list with its {@code meta}).
     */
    private LoopbackHttp.Reply read(URI uri) {
        String now = clock.instant().toString();
        Matcher list = PATH.matcher(uri.getPath());
        if (list.matches() && "Messages".equals(list.group(2))) {
            String conversation = list.group(1);
            if (!phoneOf.containsKey(conversation)) {
                return error(404, 20404, "Conversation not found");
            }
            Map<String, String> q =
                    Wire.form(Optional.ofNullable(uri.getRawQuery()).orElse(""));
            int size = Integer.parseInt(q.getOrDefault("PageSize", "50"));
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).conversationSid().equals(conversation)) {
                    indexes.add(i);
                }
            }
            if ("desc".equalsIgnoreCase(q.getOrDefault("Order", "asc"))) {
                java.util.Collections.reverse(indexes);
            }
            ObjectNode page = JSON.createObjectNode();
            var messages = page.putArray("messages");
            indexes.stream().limit(size).forEach(i -> messages.add(message(texts.get(i), i, now)));
            String url = server.base() + uri.getPath();
            page.putObject("meta")
                    .put("page", 0)
                    .put("page_size", size)
                    .put("first_page_url", url + "?PageSize=" + size + "&Page=0")
                    .putNull("previous_page_url")
                    .put("url", url + "?PageSize=" + size + "&Page=0")
                    .putNull("next_page_url")
                    .put("key", "messages");
            return LoopbackHttp.Reply.json(200, page.toString());
        }
        Matcher one = ONE.matcher(uri.getPath());
        if (one.matches()) {
            String sid = uniqueNames.getOrDefault(one.group(1), one.group(1));
            return phoneOf.containsKey(sid)
                    ? LoopbackHttp.Reply.json(200, conversation(sid, now).toString())
                    : error(404, 20404, "The requested resource /Conversations/" + one.group(1) + " was not found");
        }
        return error(404, 20404, "The requested resource was not found");
    }

    private ObjectNode resource(String sid, String now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sid", sid);
        o.put("account_sid", accountSid);
        o.put("date_created", now);
        o.put("date_updated", now);
        o.put("url", server.base() + "/v1/Conversations/" + sid);
        return o;
    }

    private String sid(String prefix) {
        return prefix + String.format("%032x", ids.getAndIncrement());
    }

    private static LoopbackHttp.Reply error(int status, int code, String message) {
        return LoopbackHttp.Reply.json(
                status,
                JSON.createObjectNode()
                        .put("code", code)
                        .put("message", message)
                        .put("more_info", "https://www.twilio.com/docs/errors/" + code)
                        .put("status", status)
                        .toString());
    }

    /**
     * A debtor texts our number: the message is added to their conversation (a new one if Twilio has none for the
     * phone) and {@code onMessageAdded} is posted, signed, to the webhook. Returns the webhook's HTTP status.
     */
    public int debtorTexts(String phone, String ourNumber, String body) {
        String conversation;
        Text t;
        synchronized (this) {
            conversation = phoneOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(phone))
                    .map(Map.Entry::getKey)
                    .reduce((a, b) -> b)
                    .orElseGet(() -> {
                        String sid = sid("CH");
                        phoneOf.put(sid, phone);
                        return sid;
                    });
            t = new Text(sid("IM"), conversation, phone, body);
            texts.add(t);
            attributesOf.put(t.sid(), "{}");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("EventType", "onMessageAdded");
        f.put("AccountSid", accountSid);
        f.put("ConversationSid", conversation);
        f.put("MessageSid", t.sid());
        f.put("Author", phone);
        f.put("Body", body);
        f.put("Source", "SMS");
        f.put("Index", Integer.toString(texts.size() - 1));
        f.put("DateCreated", clock.instant().toString());
        f.put("ParticipantSid", "MB" + conversation.substring(2));
        return post(f, Optional.empty()).status();
    }

    /** A delivery receipt for one of our texts. */
    public int receipt(String messageSid, String status) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("EventType", "onDeliveryUpdated");
        f.put("AccountSid", accountSid);
        f.put("MessageSid", messageSid);
        f.put("Status", status);
        f.put("DeliveryReceiptSid", sid("DY"));
        f.put("DateCreated", clock.instant().toString());
        return post(f, Optional.empty()).status();
    }

    /** Posts a form to the webhook, signed with the auth token unless {@code signature} says otherwise (forgeries). */
    public HttpAnswer post(Map<String, String> form, Optional<String> signature) {
        return post(webhook, form, signature);
    }

    /** Posts a signed form to {@code url}, as Twilio calls any of our endpoints. */
    public HttpAnswer post(URI url, Map<String, String> form, Optional<String> signature) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest req = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature.orElseGet(() -> sign(authToken, url.toString(), form)))
                .header("I-Twilio-Idempotency-Token", form.getOrDefault("MessageSid", "") + form.get("EventType"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return HttpAnswer.send(req);
    }

    public synchronized List<PlacedCall> calls() {
        return List.copyOf(calls);
    }

    /** The call connects: Twilio fetches its TwiML, saying who answered ({@code human}, {@code machine_end_beep}, …). */
    public HttpAnswer answer(PlacedCall call, String answeredBy) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("AccountSid", accountSid);
        f.put("CallSid", call.sid());
        f.put("From", call.from());
        f.put("To", call.to());
        f.put("CallStatus", "in-progress");
        f.put("Direction", "outbound-api");
        f.put("AnsweredBy", answeredBy);
        return post(URI.create(call.url()), f, Optional.empty());
    }

    /** A status callback for a placed call. */
    public HttpAnswer status(PlacedCall call, String status) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("AccountSid", accountSid);
        f.put("CallSid", call.sid());
        f.put("CallStatus", status);
        f.put("CallDuration", "42");
        return post(URI.create(call.statusCallback()), f, Optional.empty());
    }

    /** Twilio's documented signature: base64(HMAC-SHA1(token, url + each parameter name and value, sorted by name)). */
    public static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        return Base64.getEncoder().encodeToString(Wire.hmac("HmacSHA1", authToken, data.toString()));
    }

    @Override
    public void close() {
        server.close();
    }
}
