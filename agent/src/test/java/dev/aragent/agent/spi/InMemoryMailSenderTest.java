package dev.aragent.agent.spi;

import java.util.List;

class InMemoryMailSenderTest implements MailSenderContract, FakeOutages {
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
    public Outage outage() {
        return sender.outage();
    }
}
