package dev.aragent.agent.spi;

import dev.aragent.agent.conversation.RawEmail;
import java.time.Duration;
import java.util.List;

/**
 * A mailbox folder read by UID. Adapter: mailbox ({@code ImapInbox}). Failures to reach the server are {@link
 * TransientFailure}s.
 */
public interface Inbox {

    /** The messages of one fetch, under the folder's current UIDVALIDITY. */
    record Batch(long uidValidity, List<RawEmail> messages) {
        public Batch {
            messages = List.copyOf(messages);
        }
    }

    /** A stable name for this mailbox (for example {@code ar@company.com/INBOX}). */
    String name();

    /** Up to {@code max} messages with a UID above {@code afterUid}, oldest first. */
    Batch fetch(long afterUid, int max);

    /**
     * Marks messages handled on the server (seen), only after their processing committed: all of a fetch in one
     * command, not a round trip each.
     */
    void markHandled(long uidValidity, List<Long> uids);

    /** Waits until new mail may have arrived (IMAP IDLE when the server offers it) or the timeout passes. */
    void awaitNew(Duration timeout);
}
