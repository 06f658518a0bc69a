package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import dev.aragent.agent.ledger.CustomerKey;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SmsSender} adapter must do, seen from the provider: the texts it took and the conversations they
 * went into. Each test starts with a provider that has taken no text and is up.
 */
public interface SmsSenderContract extends Outages {
    SmsSender sender();

    /** A text as the provider took it: {@code to} is the debtor's phone in its conversation, {@code from} its author. */
    record Text(String messageSid, String conversationSid, String to, String from, String body) {}

    /** Every text the provider took, in order. */
    List<Text> textsReceived();

    /** The provider's conversations with one phone. */
    List<String> conversationsWith(String phone);

    /**
     * From now on the provider carries out each request, but its answer is lost (the adapter meets a passing failure,
     * as after a gateway's timeout or a dropped connection), until it comes back.
     */
    void providerLosesItsAnswers();

    /** The provider opens the next conversation (the debtor's phone in it), then fails everything until it comes back. */
    void providerGoesDownAfterOpeningAConversation();

    String PHONE = "+15555550123";
    String OTHER_PHONE = "+15555550199";
    String OURS = "+15555550000";
    ZoneId ZONE = ZoneId.of("America/Chicago");
    /** A conversation id the provider never issued (a conversation deleted there, a thread from another account). */
    String UNKNOWN_CONVERSATION = "CHffffffffffffffffffffffffffffffff";

    /** A debtor's thread before its first text: no provider conversation yet. */
    static SmsThread newThread(String customer, String phone) {
        return new SmsThread(
                ConversationId.random(), CustomerKey.of(customer), phone, OURS, Optional.empty(), Optional.of(ZONE));
    }

    /** The thread once a text went out in it: it carries the provider's conversation, as the SMS journal records it. */
    static SmsThread inConversation(SmsThread t, String conversationSid) {
        return new SmsThread(
                t.conversation(), t.customer(), t.phone(), t.ourNumber(), Optional.of(conversationSid), t.zone());
    }

    /** A text in {@code t}, from our number to the debtor, as the SMS desk queues it. */
    static OutboundSms text(SmsThread t, String body) {
        return new OutboundSms(UUID.randomUUID(), t.conversation(), t.phone(), t.ourNumber(), body);
    }

    static SmsSender.Sent sent(SmsSender.Result result) {
        assertThat(result).isInstanceOf(SmsSender.Sent.class);
        return (SmsSender.Sent) result;
    }

    @Test
    default void theFirstTextOfAThreadShouldOpenAConversationAndGoFromOurNumberToTheDebtor() {
        SmsThread thread = newThread("C-1", PHONE);

        SmsSender.Sent sent = sent(sender().send(text(thread, "Blue Fern Bistro: INV-1041 is past due."), thread));

        assertThat(sent.messageSid()).isNotBlank();
        assertThat(sent.conversationSid()).isNotBlank();
        assertThat(textsReceived())
                .containsExactly(new Text(
                        sent.messageSid(),
                        sent.conversationSid(),
                        PHONE,
                        OURS,
                        "Blue Fern Bistro: INV-1041 is past due."));
    }

    @Test
    default void aThreadWithAConversationShouldKeepTextingInItAndOpenNoOther() {
        SmsThread fresh = newThread("C-1", PHONE);
        SmsSender.Sent first = sent(sender().send(text(fresh, "first"), fresh));
        SmsThread thread = inConversation(fresh, first.conversationSid());

        SmsSender.Sent second = sent(sender().send(text(thread, "second"), thread));
        SmsSender.Sent third = sent(sender().send(text(thread, "third"), thread));

        assertThat(List.of(second.conversationSid(), third.conversationSid())).containsOnly(first.conversationSid());
        assertThat(List.of(first.messageSid(), second.messageSid(), third.messageSid()))
                .doesNotHaveDuplicates();
        assertThat(textsReceived())
                .containsExactly(
                        new Text(first.messageSid(), first.conversationSid(), PHONE, OURS, "first"),
                        new Text(second.messageSid(), first.conversationSid(), PHONE, OURS, "second"),
                        new Text(third.messageSid(), first.conversationSid(), PHONE, OURS, "third"));
    }

    @Test
    default void eachDebtorsThreadShouldGetAConversationOfItsOwn() {
        SmsThread maria = newThread("C-1", PHONE);
        SmsThread joe = newThread("C-2", OTHER_PHONE);

        SmsSender.Sent toMaria = sent(sender().send(text(maria, "for Maria"), maria));
        SmsSender.Sent toJoe = sent(sender().send(text(joe, "for Joe"), joe));

        assertThat(toMaria.conversationSid()).isNotEqualTo(toJoe.conversationSid());
        assertThat(textsReceived())
                .containsExactly(
                        new Text(toMaria.messageSid(), toMaria.conversationSid(), PHONE, OURS, "for Maria"),
                        new Text(toJoe.messageSid(), toJoe.conversationSid(), OTHER_PHONE, OURS, "for Joe"));
    }

    @Test
    default void aTextShouldArriveExactlyAsWritten() {
        SmsThread thread = newThread("C-1", PHONE);
        String body = "Hi Maria & René: 50% = $600.00 + fees? Café bill #1041\nReply STOP to opt out.";

        sent(sender().send(text(thread, body), thread));

        assertThat(textsReceived()).extracting(Text::body).containsExactly(body);
    }

    @Test
    default void aFirstTextWhileTheProviderIsDownShouldBeRetryLaterAndLeaveNothingSent() {
        SmsThread thread = newThread("C-1", PHONE);
        OutboundSms sms = text(thread, "INV-1041 is past due.");
        providerGoesDown();

        SmsSender.Result result = sender().send(sms, thread);

        assertThat(result).isInstanceOfSatisfying(SmsSender.RetryLater.class, r -> {
            assertThat(r.after()).isGreaterThan(Duration.ZERO);
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(textsReceived()).isEmpty();

        providerComesBack();
        SmsSender.Sent sent = sent(sender().send(sms, thread)); // the same text, retried

        assertThat(textsReceived())
                .containsExactly(new Text(sent.messageSid(), sent.conversationSid(), PHONE, OURS, sms.text()));
    }

    @Test
    default void aTextInAConversationWhileTheProviderIsDownShouldBeRetryLaterAndGoOutOnceInThatConversation() {
        SmsThread fresh = newThread("C-1", PHONE);
        SmsSender.Sent first = sent(sender().send(text(fresh, "first"), fresh));
        SmsThread thread = inConversation(fresh, first.conversationSid());
        OutboundSms sms = text(thread, "second");
        providerGoesDown();

        SmsSender.Result result = sender().send(sms, thread);

        assertThat(result).isInstanceOfSatisfying(SmsSender.RetryLater.class, r -> {
            assertThat(r.after()).isGreaterThan(Duration.ZERO);
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(textsReceived()).extracting(Text::body).containsExactly("first");

        providerComesBack();
        SmsSender.Sent retried = sent(sender().send(sms, thread));

        assertThat(retried.conversationSid()).isEqualTo(first.conversationSid());
        assertThat(textsReceived())
                .containsExactly(
                        new Text(first.messageSid(), first.conversationSid(), PHONE, OURS, "first"),
                        new Text(retried.messageSid(), first.conversationSid(), PHONE, OURS, "second"));
    }

    @Test
    default void aTextInAConversationTheProviderDoesNotKnowShouldBeRejectedAndNotSent() {
        SmsThread thread = inConversation(newThread("C-1", PHONE), UNKNOWN_CONVERSATION);

        SmsSender.Result result = sender().send(text(thread, "INV-1041 is past due."), thread);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SmsSender.Rejected.class, r -> assertThat(r.reason()).isNotBlank());
        assertThat(textsReceived()).isEmpty();
    }

    @Test
    default void aTextWhoseAnswerWasLostShouldGoOutOnceWhenItIsRetried() {
        SmsThread fresh = newThread("C-1", PHONE);
        SmsSender.Sent first = sent(sender().send(text(fresh, "first"), fresh));
        SmsThread thread = inConversation(fresh, first.conversationSid());
        OutboundSms sms = text(thread, "second");
        providerLosesItsAnswers();

        SmsSender.Result lost = sender().send(sms, thread);

        assertThat(lost).isInstanceOf(SmsSender.RetryLater.class);
        providerComesBack();
        SmsSender.Sent retried = sent(sender().send(sms, thread)); // the desk retries what it never heard back about

        assertThat(textsReceived())
                .as("the text went out once, and the retry found it")
                .containsExactly(
                        new Text(first.messageSid(), first.conversationSid(), PHONE, OURS, "first"),
                        new Text(retried.messageSid(), first.conversationSid(), PHONE, OURS, "second"));
    }

    @Test
    default void aFirstTextInterruptedOnceItsConversationOpenedShouldGoOutInThatConversation() {
        SmsThread thread = newThread("C-1", PHONE);
        OutboundSms sms = text(thread, "INV-1041 is past due.");
        providerGoesDownAfterOpeningAConversation();

        SmsSender.Result result = sender().send(sms, thread);

        assertThat(result).isInstanceOf(SmsSender.RetryLater.class);
        assertThat(textsReceived()).isEmpty();
        providerComesBack();
        SmsSender.Sent sent = sent(sender().send(sms, thread));

        assertThat(conversationsWith(PHONE)).as("no conversation left behind").containsExactly(sent.conversationSid());
        assertThat(textsReceived())
                .containsExactly(new Text(sent.messageSid(), sent.conversationSid(), PHONE, OURS, sms.text()));
    }

    @Test
    default void aNewThreadWithAPhoneInAConversationAlreadyShouldTextInThatConversation() {
        SmsThread earlier = newThread("C-1", PHONE);
        SmsSender.Sent first = sent(sender().send(text(earlier, "first"), earlier));
        SmsThread later = newThread("C-1", PHONE); // a new thread with the same phone: no conversation recorded yet

        SmsSender.Sent second = sent(sender().send(text(later, "second"), later));

        assertThat(second.conversationSid()).isEqualTo(first.conversationSid());
        assertThat(conversationsWith(PHONE)).containsExactly(first.conversationSid());
        assertThat(textsReceived()).extracting(Text::body).containsExactly("first", "second");
    }
}
