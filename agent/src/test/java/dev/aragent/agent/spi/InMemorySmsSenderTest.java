package dev.aragent.agent.spi;

import java.util.List;

class InMemorySmsSenderTest implements SmsSenderContract, FakeOutages {
    private final InMemorySmsSender sender = new InMemorySmsSender();

    @Override
    public SmsSender sender() {
        return sender;
    }

    @Override
    public List<Text> textsReceived() {
        return sender.texts().stream()
                .map(t -> new Text(t.messageSid(), t.conversationSid(), t.to(), t.from(), t.body()))
                .toList();
    }

    @Override
    public Outage outage() {
        return sender.outage();
    }

    @Override
    public void providerComesBack() {
        FakeOutages.super.providerComesBack();
        sender.answersReachUs();
    }

    @Override
    public List<String> conversationsWith(String phone) {
        return sender.conversationsWith(phone);
    }

    @Override
    public void providerLosesItsAnswers() {
        sender.loseAnswers();
    }

    @Override
    public void providerGoesDownAfterOpeningAConversation() {
        sender.downAfterOpening();
    }
}
