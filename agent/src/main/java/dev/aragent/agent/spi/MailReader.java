package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.Reading;

/** Reads a raw RFC 5322 message into the facts the core needs. Pure: no I/O. Adapter: mailbox ({@code MimeMailReader}). */
public interface MailReader {
    Reading read(byte[] raw);
}
