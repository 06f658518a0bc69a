package dev.aragent.agent.spi;

import java.util.List;

class InMemoryMailSenderTest implements MailSenderContract {
    private final InMemoryMailSender sender = new InMemoryMailSender();

    @Override
    public MailSender sender() {
        return sender;
    }

    /** Each email as written, delivered to its recipient. */
    @Override
    public List<Received> received() {
        return sender.sent().stream().map(MailSenderContract::intact).toList();
    }

    @Override
    public void providerGoesDown() {
        sender.outage().providerGoesDown();
    }

    @Override
    public void providerComesBack() {
        sender.outage().providerComesBack();
    }
}
