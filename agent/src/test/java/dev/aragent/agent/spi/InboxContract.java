package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.conversation.RawEmail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Inbox} adapter must do, seen from the mail server: which messages it hands out, under which
 * place (UIDVALIDITY and UID), what it flags on the server and how it waits. Each test starts with an empty folder on
 * a server that is up, and an inbox that has not read it yet.
 */
public interface InboxContract extends Outages {
    Inbox inbox();

    /** A message arrives in the folder, as the server stores it; returns the UID the server gave it. */
    long arrives(byte[] message);

    /** Another inbox on the same folder, as the process opens it after a restart. */
    Inbox afterRestart();

    /** The UIDs of the messages the server shows as seen ({@code \Seen}), ascending. */
    List<Long> seenOnServer();

    /** The server deletes (expunges) a message, as a person's mail client or a retention rule does. */
    void serverDeletes(long uid);

    /**
     * Whether {@link Inbox#awaitNew} returns soon after mail arrives (IMAP IDLE), rather than sleeping out its timeout
     * (polling).
     */
    boolean wakesOnNewMail();

    int MANY = 100;

    /** A small message from a debtor, told apart from others by its Message-ID. */
    static byte[] message(String messageId) {
        return ("From: Maria Garcia <maria@bluefern.example>\r\n"
                        + "To: ar@northwind.example\r\n"
                        + "Subject: Re: Invoice INV-1041\r\n"
                        + "Message-ID: <" + messageId + ">\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=us-ascii\r\n"
                        + "\r\n"
                        + "Note " + messageId + ": we will pay on Friday.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The Message-ID a message fetched from the folder carries, read from its bytes. */
    static String messageIdOf(RawEmail email) {
        String text = new String(email.bytes(), StandardCharsets.US_ASCII);
        int at = text.indexOf("Message-ID: <");
        return at < 0 ? "" : text.substring(at + "Message-ID: <".length(), text.indexOf('>', at));
    }

    @Test
    default void newMessagesShouldBeFetchedOldestFirstEachWithItsPlaceInTheMailboxAndItsBytes() {
        long first = arrives(message("m1@bluefern.example"));
        long second = arrives(message("m2@bluefern.example"));
        long third = arrives(message("m3@bluefern.example"));

        Inbox.Batch batch = inbox().fetch(0, MANY);

        assertThat(batch.uidValidity()).isPositive();
        assertThat(batch.messages()).extracting(RawEmail::uid).containsExactly(first, second, third);
        assertThat(batch.messages()).allSatisfy(m -> {
            assertThat(m.mailbox()).isEqualTo(inbox().name());
            assertThat(m.uidValidity()).isEqualTo(batch.uidValidity());
        });
        assertThat(batch.messages())
                .extracting(InboxContract::messageIdOf)
                .containsExactly("m1@bluefern.example", "m2@bluefern.example", "m3@bluefern.example");
        assertThat(new String(batch.messages().getFirst().bytes(), StandardCharsets.US_ASCII))
                .contains("Note m1@bluefern.example: we will pay on Friday.");
    }

    @Test
    default void anEmptyFolderShouldGiveAnEmptyBatchUnderAValidityThatStays() {
        Inbox.Batch first = inbox().fetch(0, MANY);
        Inbox.Batch again = inbox().fetch(0, MANY);

        assertThat(first.messages()).isEmpty();
        assertThat(first.uidValidity()).isPositive().isEqualTo(again.uidValidity());
    }

    @Test
    default void aFetchShouldHandOutOnlyMessagesAboveTheUidGivenAndNoMoreThanAsked() {
        arrives(message("m1@bluefern.example"));
        arrives(message("m2@bluefern.example"));
        arrives(message("m3@bluefern.example"));

        Inbox.Batch first = inbox().fetch(0, 2);
        Inbox.Batch rest = inbox().fetch(first.messages().getLast().uid(), MANY);
        Inbox.Batch none = inbox().fetch(rest.messages().getLast().uid(), MANY);

        assertThat(first.messages())
                .extracting(InboxContract::messageIdOf)
                .containsExactly("m1@bluefern.example", "m2@bluefern.example");
        assertThat(rest.messages()).extracting(InboxContract::messageIdOf).containsExactly("m3@bluefern.example");
        assertThat(none.messages()).isEmpty();
        assertThat(List.of(rest.uidValidity(), none.uidValidity())).containsOnly(first.uidValidity());
    }

    @Test
    default void mailArrivingAfterAFetchShouldBeInTheNextFetch() {
        arrives(message("m1@bluefern.example"));
        Inbox.Batch before = inbox().fetch(0, MANY);

        long later = arrives(message("m2@bluefern.example"));
        Inbox.Batch after = inbox().fetch(before.messages().getLast().uid(), MANY);

        assertThat(after.messages()).extracting(RawEmail::uid).containsExactly(later);
        assertThat(after.messages()).extracting(InboxContract::messageIdOf).containsExactly("m2@bluefern.example");
    }

    @Test
    default void handledMessagesShouldBeSeenOnTheServerAndNotHandedOutAgainAfterARestart() {
        long first = arrives(message("m1@bluefern.example"));
        long second = arrives(message("m2@bluefern.example"));
        long third = arrives(message("m3@bluefern.example"));
        Inbox.Batch batch = inbox().fetch(0, 2);

        inbox().markHandled(batch.uidValidity(), List.of(first, second));

        assertThat(seenOnServer()).containsExactly(first, second);
        Inbox restarted = afterRestart();
        assertThat(restarted.name()).isEqualTo(inbox().name());
        Inbox.Batch next = restarted.fetch(second, MANY); // where the journal says reading stopped
        assertThat(next.uidValidity()).isEqualTo(batch.uidValidity());
        assertThat(next.messages()).extracting(RawEmail::uid).containsExactly(third);
    }

    @Test
    default void aFetchShouldGoByUidSoAHandledMessageIsHandedOutAgainFromAnEarlierUid() {
        long first = arrives(message("m1@bluefern.example"));
        long second = arrives(message("m2@bluefern.example"));
        Inbox.Batch batch = inbox().fetch(0, MANY);
        inbox().markHandled(batch.uidValidity(), List.of(first, second));

        Inbox.Batch again = afterRestart().fetch(0, MANY); // a UIDVALIDITY change makes the watcher read from the start

        assertThat(again.messages()).extracting(RawEmail::uid).containsExactly(first, second);
    }

    @Test
    default void markingUnderAnotherUidValidityShouldFlagNothing() {
        long uid = arrives(message("m1@bluefern.example"));
        Inbox.Batch batch = inbox().fetch(0, MANY);

        inbox().markHandled(batch.uidValidity() + 1, List.of(uid)); // a UID from before the folder was rebuilt

        assertThat(seenOnServer()).isEmpty();
    }

    @Test
    default void aMessageTheServerDeletesShouldNotBeHandedOutAndTheOthersShouldKeepTheirUids() {
        long first = arrives(message("m1@bluefern.example"));
        long second = arrives(message("m2@bluefern.example"));
        long third = arrives(message("m3@bluefern.example"));
        inbox().fetch(0, MANY);

        serverDeletes(second);
        Inbox.Batch batch = inbox().fetch(0, MANY);

        assertThat(batch.messages()).extracting(RawEmail::uid).containsExactly(first, third);
        assertThat(batch.messages())
                .extracting(InboxContract::messageIdOf)
                .containsExactly("m1@bluefern.example", "m3@bluefern.example");
    }

    @Test
    default void markingAFetchWhoseMessageTheServerDeletedMeanwhileShouldStillMarkTheRest() {
        long first = arrives(message("m1@bluefern.example"));
        long second = arrives(message("m2@bluefern.example"));
        long third = arrives(message("m3@bluefern.example"));
        Inbox.Batch batch = inbox().fetch(0, MANY);

        serverDeletes(second);
        inbox().markHandled(batch.uidValidity(), List.of(first, second, third));

        assertThat(seenOnServer()).containsExactly(first, third);
    }

    @Test
    default void aServerThatCannotBeReachedShouldBeATransientFailureAndReadingShouldResumeWhenItIsBack() {
        long uid = arrives(message("m1@bluefern.example"));
        Inbox.Batch batch = inbox().fetch(0, MANY);
        providerGoesDown();

        assertThatThrownBy(() -> inbox().markHandled(batch.uidValidity(), List.of(uid)))
                .isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> inbox().fetch(uid, MANY)).isInstanceOf(TransientFailure.class);

        providerComesBack();
        inbox().markHandled(batch.uidValidity(), List.of(uid));

        assertThat(seenOnServer()).containsExactly(uid);
        assertThat(inbox().fetch(uid, MANY).messages()).isEmpty();
        long later = arrives(message("m2@bluefern.example"));
        assertThat(inbox().fetch(uid, MANY).messages())
                .extracting(RawEmail::uid)
                .containsExactly(later);
    }

    @Test
    default void awaitingNewMailShouldEndWhenTheTimeoutPassesIfNoneArrives() {
        inbox().fetch(0, MANY);
        Duration timeout = Duration.ofSeconds(2);

        long start = System.nanoTime();
        inbox().awaitNew(timeout);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isGreaterThanOrEqualTo(timeout.dividedBy(2)).isLessThan(timeout.plusSeconds(8));
        assertThat(inbox().fetch(0, MANY).messages()).isEmpty();
    }

    @Test
    default void mailArrivingWhileAwaitingShouldBeInTheFetchThatFollows() throws Exception {
        inbox().fetch(0, MANY);
        Duration timeout = wakesOnNewMail() ? Duration.ofSeconds(20) : Duration.ofSeconds(2);
        Thread delivery = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            arrives(message("m1@bluefern.example"));
        });

        long start = System.nanoTime();
        inbox().awaitNew(timeout);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        delivery.join();

        if (wakesOnNewMail()) {
            assertThat(waited).as("woken by the new mail").isLessThan(Duration.ofSeconds(10));
        }
        assertThat(inbox().fetch(0, MANY).messages())
                .extracting(InboxContract::messageIdOf)
                .containsExactly("m1@bluefern.example");
    }
}
