package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.RawEmail;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A mailbox folder in memory, seen through the {@link Inbox} port, for core tests; {@link InboxContract} checks it
 * behaves as the real one. UIDs only grow, a deleted message leaves a gap, handled messages are flagged seen, and
 * {@link #awaitNew} wakes when mail arrives, as IMAP IDLE does. The folder can be taken out of reach.
 */
public final class InMemoryInbox implements Inbox {
    private static final long UID_VALIDITY = 1;

    private record Stored(long uid, byte[] bytes, boolean seen) {}

    private final String name;
    private final Clock clock;
    private final List<Stored> messages = new ArrayList<>();
    private long nextUid = 1;
    private long fetchedBelow = 1; // what the last fetch knew of: mail at or above this UID is news to awaitNew
    private final Outage outage = new Outage();

    public InMemoryInbox(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Batch fetch(long afterUid, int max) {
        reachable();
        fetchedBelow = nextUid;
        List<RawEmail> out = new ArrayList<>();
        for (Stored m : messages) {
            if (m.uid() > afterUid && out.size() < max) {
                out.add(new RawEmail(name, UID_VALIDITY, m.uid(), m.bytes().clone(), clock.instant()));
            }
        }
        return new Batch(UID_VALIDITY, out);
    }

    @Override
    public synchronized void markHandled(long uidValidity, List<Long> uids) {
        reachable();
        if (uidValidity != UID_VALIDITY) {
            return; // UIDs of a folder that was rebuilt name other messages now, or none
        }
        messages.replaceAll(m -> uids.contains(m.uid()) ? new Stored(m.uid(), m.bytes(), true) : m);
    }

    @Override
    public synchronized void awaitNew(Duration timeout) {
        reachable();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (nextUid == fetchedBelow) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message arrives in the folder; returns its UID. */
    public synchronized long deliver(byte[] message) {
        long uid = nextUid++;
        messages.add(new Stored(uid, message.clone(), false));
        notifyAll();
        return uid;
    }

    /** The server deletes a message; its UID is never given again. */
    public synchronized void delete(long uid) {
        messages.removeIf(m -> m.uid() == uid);
    }

    /** The UIDs of the messages flagged seen, ascending. */
    public synchronized List<Long> seen() {
        return messages.stream().filter(Stored::seen).map(Stored::uid).toList();
    }

    private void reachable() {
        if (outage.down()) {
            throw new TransientFailure("cannot reach the mail server for " + name);
        }
    }

    /** The provider's outage: take it down, bring it back. */
    public Outage outage() {
        return outage;
    }
}
