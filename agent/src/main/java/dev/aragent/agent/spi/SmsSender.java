package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.OutboundSms;
import dev.aragent.agent.conversation.SmsThread;
import java.time.Duration;

/**
 * Sends a text in a thread, creating the provider's conversation (with the debtor's phone and our number as
 * participants) the first time. Adapter: channels ({@code TwilioSmsSender}).
 */
public interface SmsSender {

    sealed interface Result {}

    /** Sent: the provider's message id and conversation id. */
    record Sent(String messageSid, String conversationSid) implements Result {}

    /** Refused for good (invalid number, the debtor blocked us at the carrier). */
    record Rejected(String reason) implements Result {}

    /** A passing failure; try again after the delay. */
    record RetryLater(Duration after, String reason) implements Result {}

    Result send(OutboundSms sms, SmsThread thread);
}
