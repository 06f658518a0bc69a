package dev.aragent.channels;

import dev.aragent.agent.spi.SmsSender;
import dev.aragent.agent.spi.SmsSenderContract;
import java.util.List;

/** The SMS contract through the Twilio SDK against a loopback Twilio Conversations, one per test. */
class TwilioSmsSenderTest extends TwilioFixture<SmsSender> implements SmsSenderContract {
    TwilioSmsSenderTest() {
        super(TwilioSmsSender::create);
    }

    @Override
    public SmsSender sender() {
        return adapter;
    }

    /** The messages in Twilio's conversations; {@code to} is the phone the conversation's SMS participant is bound to. */
    @Override
    public List<Text> textsReceived() {
        return twilio.texts().stream()
                .map(t -> new Text(
                        t.sid(),
                        t.conversationSid(),
                        twilio.phoneOf(t.conversationSid()).orElse(""),
                        t.author(),
                        t.body()))
                .toList();
    }

    @Override
    public List<String> conversationsWith(String phone) {
        return twilio.conversationsWith(phone);
    }

    @Override
    public void providerLosesItsAnswers() {
        twilio.loseAnswers();
    }

    @Override
    public void providerGoesDownAfterOpeningAConversation() {
        twilio.downAfterOpening();
    }
}
