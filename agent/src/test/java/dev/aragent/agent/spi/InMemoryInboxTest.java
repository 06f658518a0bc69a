package dev.aragent.agent.spi;

import java.time.Clock;
import java.util.List;

class InMemoryInboxTest implements InboxContract, FakeOutages {
    private final InMemoryInbox inbox = new InMemoryInbox("ar@northwind.example/INBOX", Clock.systemUTC());

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public long arrives(byte[] message) {
        return inbox.deliver(message);
    }

    /** The fake keeps no connection, so the inbox a restart opens is the same folder seen the same way. */
    @Override
    public Inbox afterRestart() {
        return inbox;
    }

    @Override
    public List<Long> seenOnServer() {
        return inbox.seen();
    }

    @Override
    public void serverDeletes(long uid) {
        inbox.delete(uid);
    }

    @Override
    public boolean wakesOnNewMail() {
        return true;
    }

    @Override
    public Outage outage() {
        return inbox.outage();
    }
}
