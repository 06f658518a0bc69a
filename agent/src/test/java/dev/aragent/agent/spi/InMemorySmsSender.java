package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link SmsSender} in memory, for core tests; {@link SmsSenderContract} checks it behaves as the real one. It opens
 * a conversation for a thread that has none, refuses a conversation it never opened, and can be taken down.
 */
public final class InMemorySmsSender implements SmsSender {
    /** A text that went out: {@code sms} is the id it was queued under, {@code to} the phone of its conversation. */
    public record SentText(String messageSid, String conversationSid, UUID sms, String to, String from, String body) {}

    private final Map<String, String> phoneOf = new LinkedHashMap<>(); // conversation → debtor phone
    private final List<SentText> texts = new ArrayList<>();
    private int lastId;
    private final Outage outage = new Outage();

    @Override
    public synchronized Result send(OutboundSms sms, SmsThread thread) {
        if (outage.down()) {
            return new RetryLater(Duration.ofMinutes(1), "provider unavailable");
        }
        String conversation = thread.providerSid().orElseGet(() -> open(thread.phone()));
        Optional<String> phone = Optional.ofNullable(phoneOf.get(conversation));
        if (phone.isEmpty()) {
            return new Rejected("no conversation " + conversation + " at the provider");
        }
        SentText t = new SentText(sid("IM"), conversation, sms.id(), phone.get(), thread.ourNumber(), sms.text());
        texts.add(t);
        return new Sent(t.messageSid(), conversation);
    }

    private String open(String phone) {
        String conversation = sid("CH");
        phoneOf.put(conversation, phone);
        return conversation;
    }

    private String sid(String prefix) {
        return prefix + String.format("%032x", ++lastId);
    }

    /** Every text that went out, in order. */
    public synchronized List<SentText> texts() {
        return List.copyOf(texts);
    }

    /** The provider's outage: take it down, bring it back. */
    public Outage outage() {
        return outage;
    }
}
