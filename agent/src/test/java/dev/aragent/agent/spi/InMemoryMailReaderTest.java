package dev.aragent.agent.spi;

class InMemoryMailReaderTest implements MailReaderContract {
    private final InMemoryMailReader reader = new InMemoryMailReader();

    @Override
    public MailReader reader() {
        return reader;
    }
}
