package dev.aragent.mailbox;

import dev.aragent.agent.spi.MailReader;
import dev.aragent.agent.spi.MailReaderContract;

/** The mail reader contract on mime4j: pure, so a unit test. */
class MimeMailReaderTest implements MailReaderContract {
    private final MailReader reader = MimeMailReader.create();

    @Override
    public MailReader reader() {
        return reader;
    }
}
