package dev.aragent.agent.conversation;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Inbox;
import dev.aragent.agent.spi.MailJournal;
import dev.aragent.agent.spi.TransientFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a mailbox into the {@link MailDesk}: fetches by UID from where it stopped (a UIDVALIDITY change starts over;
 * Message-IDs keep that from duplicating anything), hands each message to the desk, and only then marks them handled on
 * the server (one command for the fetch) and remembers the last UID. A crash in between re-reads the messages, and the
 * desk's journal makes that safe.
 */
public final class MailboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final int BATCH = 100;
    /** A message that fails this many passes for a reason other than an outage is quarantined, not retried forever. */
    public static final int MAX_ATTEMPTS = 3;

    private final java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

    private final MailDesk desk;
    private final MailJournal journal;
    private final Clock clock;

    private MailboxWatcher(MailDesk desk, MailJournal journal, Clock clock) {
        this.desk = desk;
        this.journal = journal;
        this.clock = clock;
    }

    public static MailboxWatcher create(MailDesk desk, MailJournal journal, Clock clock) {
        return new MailboxWatcher(desk, journal, clock);
    }

    /** Reads what is new, once. */
    public List<IntakeResult> pollOnce(TenantId tenant, Inbox inbox) {
        long[] position = journal.position(tenant, inbox.name()).orElse(new long[] {0, 0});
        Inbox.Batch batch = inbox.fetch(position[1], BATCH);
        if (batch.uidValidity() != position[0] && position[0] != 0) {
            LOG.atWarn()
                    .addKeyValue("mailbox", inbox.name())
                    .log("UIDVALIDITY changed: reading the folder again from the start");
            batch = inbox.fetch(0, BATCH);
        }
        List<IntakeResult> results = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        try {
            for (RawEmail raw : batch.messages()) {
                results.add(receive(tenant, raw));
                done.add(raw.uid());
            }
        } catch (RuntimeException e) {
            try {
                settle(tenant, inbox, batch.uidValidity(), done); // what committed before the failure stays read
            } catch (RuntimeException also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        settle(tenant, inbox, batch.uidValidity(), done);
        return results;
    }

    /**
     * One message to the desk. A failure that is not an outage counts against the message: it propagates (the pass
     * stops, what was handled stays handled, the watcher retries) until the message has failed {@link #MAX_ATTEMPTS}
     * times, then it is quarantined with the reason and the mailbox moves on.
     */
    private IntakeResult receive(TenantId tenant, RawEmail raw) {
        try {
            IntakeResult r = desk.receive(tenant, raw);
            failures.remove(key(raw));
            return r;
        } catch (TransientFailure e) {
            throw e;
        } catch (RuntimeException e) {
            int n = failures.merge(key(raw), 1, Integer::sum);
            if (n < MAX_ATTEMPTS) {
                throw e;
            }
            try {
                IntakeResult q = desk.quarantine(tenant, raw, "failed " + n + " times: " + e);
                failures.remove(key(raw));
                return q;
            } catch (RuntimeException also) {
                // it cannot even be stored: read past it (it stays in the mailbox on the server, for a person)
                LOG.atError()
                        .addKeyValue("mailbox", raw.mailbox())
                        .addKeyValue("uid", raw.uid())
                        .log("an email that failed " + n + " times cannot be stored either; left for a person: "
                                + also);
                return new IntakeResult.Quarantined("could not be stored: " + also);
            }
        }
    }

    private static String key(RawEmail raw) {
        return raw.mailbox() + "/" + raw.uidValidity() + "/" + raw.uid();
    }

    /** Flags what was handled on the server in one command and remembers where reading stopped. */
    private void settle(TenantId tenant, Inbox inbox, long uidValidity, List<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        inbox.markHandled(uidValidity, uids);
        journal.savePosition(tenant, inbox.name(), uidValidity, uids.get(uids.size() - 1), clock.instant());
    }

    /**
     * Watches until {@code stop} says so: reads, sends what is due, waits for new mail; a failure to reach the server
     * or the database backs off (1 s doubling to 5 min) and tries again.
     */
    public void run(TenantId tenant, Inbox inbox, BooleanSupplier stop, Duration idle) {
        Duration backoff = Duration.ofSeconds(1);
        while (!stop.getAsBoolean()) {
            try {
                int read = pollOnce(tenant, inbox).size();
                desk.dispatch(tenant, 50);
                backoff = Duration.ofSeconds(1);
                if (read < BATCH) {
                    inbox.awaitNew(
                            idle); // a full batch means more are waiting: read on at once (IDLE waits for new mail)
                }
            } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
                // the watcher never ends on a failure: an outage backs off and retries, and so does a fault of ours
                // (each message that cannot be handled is quarantined by the desk, so the next pass gets past it)
                LOG.atWarn()
                        .addKeyValue("mailbox", inbox.name())
                        .addKeyValue("retry_in", backoff)
                        .log((e instanceof TransientFailure ? "mailbox unavailable: " : "mailbox pass failed: ") + e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0
                        ? Duration.ofMinutes(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
