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
        apiBase.ifPresent(u -> b.httpClient(RebasedTwilioHttpClient.create(u)));
        return b.build();
    }

    @Override
    public Result send(OutboundSms sms, SmsThread thread) {
        try {
            String conversation = thread.providerSid().orElseGet(() -> createConversation(thread));
            Message m = Message.creator(conversation)
                    .setAuthor(thread.ourNumber())
                    .setBody(sms.text())
                    .setAttributes("{\"ar_message_id\":\"" + sms.id() + "\"}")
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

    private String createConversation(SmsThread thread) {
        Conversation c = Conversation.creator()
                .setFriendlyName("AR " + thread.customer().value() + " " + thread.phone())
                .setAttributes("{\"ar_conversation\":\"" + thread.conversation().value() + "\"}")
                .create(client);
        Participant.creator(c.getSid())
                .setMessagingBindingAddress(thread.phone())
                .setMessagingBindingProxyAddress(thread.ourNumber())
                .create(client);
        return c.getSid();
    }

    @Override
    public String toString() {
        return "TwilioSmsSender[authToken=****]";
    }
}
