package dev.aragent.channels;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.conversations.v1.Conversation;
import com.twilio.rest.conversations.v1.conversation.Message;
import com.twilio.rest.conversations.v1.conversation.Participant;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.spi.SmsSender;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Texts over Twilio Conversations with the Twilio SDK: one Twilio conversation per debtor phone (created on the first
 * text, with the debtor's phone as an SMS participant bound to our number), then a message per text, authored by our
 * number. 429 and 5xx answers are passing failures; other 4xx (an invalid number, error 50407 "not a mobile number")
 * are permanent.
 *
 * <p>Nothing is sent twice and nothing is left behind when an answer is lost: each message carries the id it was
 * queued under, and a text is looked for in its conversation before it is sent again (a write is sent once by the
 * HTTP client; the SMS desk retries); a thread's conversation has a unique name, so a first text interrupted after
 * the conversation opened finds it again rather than opening another; and where Twilio already binds the phone to
 * our number in a conversation (the debtor texted first, or an earlier thread), the text goes there.
 */
public final class TwilioSmsSender implements SmsSender {
    private final TwilioRestClient client;

    private TwilioSmsSender(TwilioRestClient client) {
        this.client = client;
    }

    /** {@code apiBase} empty: Twilio itself; otherwise every request goes there (a loopback fake, a proxy). */
    public static TwilioSmsSender create(String accountSid, String authToken, Optional<URI> apiBase) {
        return new TwilioSmsSender(client(accountSid, authToken, apiBase));
    }

    /** A REST client for the account, sending to {@code apiBase} when given. */
    static TwilioRestClient client(String accountSid, String authToken, Optional<URI> apiBase) {
        if (!accountSid.startsWith("AC") || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio needs an account SID (AC…) and an auth token");
        }
        TwilioRestClient.Builder b = new TwilioRestClient.Builder(accountSid, authToken);
        b.httpClient(apiBase.<com.twilio.http.HttpClient>map(RebasedTwilioHttpClient::create)
                .orElseGet(WritesOnceHttpClient::new));
        return b.build();
    }

    @Override
    public Result send(OutboundSms sms, SmsThread thread) {
        try {
            String conversation = thread.providerSid().orElseGet(() -> openConversation(thread));
            Optional<Message> already = sentBefore(conversation, sms);
            if (already.isPresent()) {
                return new Sent(already.get().getSid(), conversation);
            }
            Message m = Message.creator(conversation)
                    .setAuthor(thread.ourNumber())
                    .setBody(sms.text())
                    .setAttributes(attributes(sms))
                    .create(client);
            return new Sent(m.getSid(), conversation);
        } catch (ApiConnectionException e) {
            return new RetryLater(Duration.ofMinutes(1), "Twilio unreachable: " + e.getMessage());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null || status == 429 || status >= 500) {
                return new RetryLater(Duration.ofMinutes(2), "Twilio " + status + ": " + e.getMessage());
            }
            return new Rejected("Twilio " + status + " (" + e.getCode() + "): " + e.getMessage());
        }
    }

    private static String attributes(OutboundSms sms) {
        return "{\"ar_message_id\":\"" + sms.id() + "\"}";
    }

    /** How far back a text is looked for before it is sent again: the conversation's latest messages. */
    private static final int LOOK_BACK = 50;

    /** The message this text went out as, if an earlier attempt went through and only its answer was lost. */
    private Optional<Message> sentBefore(String conversation, OutboundSms sms) {
        String mine = sms.id().toString();
        for (Message m : Message.reader(conversation)
                .setOrder(Message.OrderType.DESC)
                .setPageSize((long) LOOK_BACK)
                .firstPage(client)
                .getRecords()) {
            if (m.getAttributes() != null && m.getAttributes().contains(mine)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The thread's Twilio conversation: opened under the thread's unique name with the debtor's phone bound to our
     * number, or found again when an earlier attempt opened it; or the conversation Twilio already binds the phone
     * to.
     */
    private String openConversation(SmsThread thread) {
        String unique = "ar-" + thread.conversation().value();
        String sid;
        try {
            sid = Conversation.creator()
                    .setUniqueName(unique)
                    .setFriendlyName("AR " + thread.customer().value() + " " + thread.phone())
                    .setAttributes(
                            "{\"ar_conversation\":\"" + thread.conversation().value() + "\"}")
                    .create(client)
                    .getSid();
        } catch (ApiException e) {
            if (e.getCode() == null || e.getCode() != UNIQUE_NAME_TAKEN) {
                throw e;
            }
            sid = Conversation.fetcher(unique).fetch(client).getSid();
        }
        try {
            Participant.creator(sid)
                    .setMessagingBindingAddress(thread.phone())
                    .setMessagingBindingProxyAddress(thread.ourNumber())
                    .create(client);
        } catch (ApiException e) {
            if (e.getCode() == null || e.getCode() != BINDING_EXISTS) {
                throw e;
            }
            // bound already: here by an earlier attempt, or in the debtor's own conversation with our number
            java.util.regex.Matcher bound = CONVERSATION_SID.matcher(String.valueOf(e.getMessage()));
            if (!bound.find()) {
                throw e; // bound somewhere we cannot tell: refused, never sent into a conversation without the phone
            }
            return bound.group();
        }
        return sid;
    }

    /** Twilio's errors: a conversation's unique name is taken; a phone is bound to our number in a conversation. */
    private static final int UNIQUE_NAME_TAKEN = 50353;

    private static final int BINDING_EXISTS = 50416;
    private static final java.util.regex.Pattern CONVERSATION_SID = java.util.regex.Pattern.compile("CH[0-9a-f]{32}");

    @Override
    public String toString() {
        return "TwilioSmsSender[authToken=****]";
    }
}
