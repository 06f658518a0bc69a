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
 * a conversation for a thread that has none (one per thread, and one per phone: a phone already in one texts there),
 * refuses a conversation it never opened, finds a text it already took rather than taking it twice, and can be taken
 * down, lose its answers, or go down once a conversation opened.
 */
public final class InMemorySmsSender implements SmsSender {
    /** A text that went out: {@code sms} is the id it was queued under, {@code to} the phone of its conversation. */
    public record SentText(String messageSid, String conversationSid, UUID sms, String to, String from, String body) {}

    private final Map<String, String> phoneOf = new LinkedHashMap<>(); // conversation → debtor phone
    private final Map<Object, String> ofThread = new LinkedHashMap<>(); // our thread → its conversation
    private boolean answersLost;
    private boolean downAfterOpening;
    private final List<SentText> texts = new ArrayList<>();
    private int lastId;
    private final Outage outage = new Outage();

    @Override
    public synchronized Result send(OutboundSms sms, SmsThread thread) {
        if (outage.down()) {
            return new RetryLater(Duration.ofMinutes(1), "provider unavailable");
        }
        String conversation = thread.providerSid().orElseGet(() -> open(thread));
        if (outage.down()) { // it went down once the conversation opened
            return new RetryLater(Duration.ofMinutes(1), "provider unavailable");
        }
        Optional<String> phone = Optional.ofNullable(phoneOf.get(conversation));
        if (phone.isEmpty()) {
            return new Rejected("no conversation " + conversation + " at the provider");
        }
        Optional<SentText> before = texts.stream()
                .filter(t -> t.sms().equals(sms.id()) && t.conversationSid().equals(conversation))
                .findFirst();
        if (before.isPresent()) {
            return new Sent(before.get().messageSid(), conversation);
        }
        SentText t = new SentText(sid("IM"), conversation, sms.id(), phone.get(), thread.ourNumber(), sms.text());
        texts.add(t);
        return answersLost
                ? new RetryLater(Duration.ofMinutes(1), "no answer from the provider")
                : new Sent(t.messageSid(), conversation);
    }

    private String open(SmsThread thread) {
        String conversation = ofThread.get(thread.conversation());
        if (conversation == null) {
            conversation = phoneOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(thread.phone()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseGet(() -> {
                        String sid = sid("CH");
                        phoneOf.put(sid, thread.phone());
                        return sid;
                    });
            ofThread.put(thread.conversation(), conversation);
        }
        if (downAfterOpening) {
            downAfterOpening = false;
            outage.providerGoesDown();
        }
        return conversation;
    }

    /** From now on each text is taken but the answer lost, until {@link #answersReachUs()}. */
    public synchronized void loseAnswers() {
        answersLost = true;
    }

    public synchronized void answersReachUs() {
        answersLost = false;
    }

    /** The next conversation opens, then the provider goes down. */
    public synchronized void downAfterOpening() {
        downAfterOpening = true;
    }

    /** The conversations with one phone. */
    public synchronized List<String> conversationsWith(String phone) {
        return phoneOf.entrySet().stream()
                .filter(e -> e.getValue().equals(phone))
                .map(Map.Entry::getKey)
                .toList();
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
