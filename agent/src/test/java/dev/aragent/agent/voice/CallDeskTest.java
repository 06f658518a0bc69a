package dev.aragent.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.Books;
import dev.aragent.agent.spi.InMemoryApprovalBook;
import dev.aragent.agent.spi.InMemoryCallTasks;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryStaffFeed;
import dev.aragent.agent.spi.InMemoryVoiceCaller;
import dev.aragent.agent.spi.InMemoryVoiceJournal;
import dev.aragent.agent.spi.VoiceCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Placing calls on the ports alone: consent, the queue's calls and their tasks, the retry schedule. */
class CallDeskTest {
    static final TenantId T = TenantId.of("north");
    static final Instant NOW = Instant.parse("2026-11-02T16:00:00Z"); // Monday, 10:00 in Chicago
    static final URI PUBLIC = URI.create("https://ar.northwind.example");
    static final String OURS = "+15005550006";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final InMemoryLedger ledger = new InMemoryLedger(clock);
    final InMemoryVoiceJournal journal = new InMemoryVoiceJournal();
    final InMemoryCallTasks tasks = new InMemoryCallTasks(journal);
    final InMemoryStaffFeed staff = new InMemoryStaffFeed(new InMemoryApprovalBook());
    final InMemoryVoiceCaller caller = new InMemoryVoiceCaller();

    CallDesk desk(boolean provider) {
        return CallDesk.create(
                ledger,
                journal,
                tasks,
                staff,
                provider ? Optional.of(caller) : Optional.empty(),
                provider ? Optional.of(OURS) : Optional.empty(),
                Optional.of(PUBLIC),
                t -> QueueRules.defaults(),
                "Northwind Wholesale",
                Optional.of("+15555550199"),
                clock);
    }

    void book(String key, String phone, boolean consent) {
        ledger.apply(
                T,
                Books.aging(
                        List.of(new Customer(
                                CustomerKey.of(key),
                                "Blue Fern Bistro",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(ZoneId.of("America/Chicago")),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                List.of(new Contact(
                                        "Maria Garcia",
                                        Optional.empty(),
                                        Optional.of(phone),
                                        "ap",
                                        false,
                                        false,
                                        consent)))),
                        List.of(Books.open(key, "INV-1041", LocalDate.of(2026, 10, 1), 125_000, 125_000)),
                        List.of()),
                Books.audit(ImportKind.AGING, 1));
    }

    @Test
    void withoutAProviderEveryCallIsAPersonsAndNothingIsOpened() {
        book("C-1", "+15555550100", true);
        CallDesk desk = desk(false);

        assertThat(desk.places()).isFalse();
        assertThat(desk.callAbout(T, CustomerKey.of("C-1"), List.of("INV-1041")))
                .isInstanceOf(VoiceCaller.Rejected.class);
        assertThat(desk.callsDue(T)).isZero();
        assertThat(tasks.due(T, NOW)).isEmpty();
    }

    @Test
    void theQueuesCallGoesToTheNumberWithConsentFromOursAndItsTaskFollowsIt() {
        book("C-1", "+15555550100", true);

        var placed = desk(true).callAbout(T, CustomerKey.of("C-1"), List.of("INV-1041"));

        assertThat(placed).isInstanceOf(VoiceCaller.Placed.class);
        assertThat(caller.calls()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo("+15555550100");
            assertThat(c.from()).isEqualTo(OURS);
            assertThat(c.twiml().toString()).startsWith(PUBLIC + "/voice/twiml?conversation=");
            assertThat(c.statusCallback()).isEqualTo(URI.create(PUBLIC + "/webhooks/twilio/voice"));
        });
        String sid = ((VoiceCaller.Placed) placed).callSid();
        assertThat(tasks.due(T, NOW)).singleElement().satisfies(t -> {
            assertThat(t.attempts()).isEqualTo(1);
            assertThat(t.callSid()).contains(sid);
        });
    }

    @Test
    void aNumberWithoutConsentToAnAiVoiceIsAPersonsToCallAndNothingIsOpened() {
        book("C-1", "+15555550100", false);

        var refused = desk(true).callAbout(T, CustomerKey.of("C-1"), List.of("INV-1041"));

        assertThat(refused)
                .isEqualTo(new VoiceCaller.Rejected(
                        "no consent on record for an AI-voice call to +15555550100: a person calls"));
        assertThat(caller.calls()).isEmpty();
        assertThat(tasks.due(T, NOW)).isEmpty();
    }

    @Test
    void aCallThatReachedTheDebtorClosesItsTaskAndAnUnansweredOneIsTriedAgainLater() {
        book("C-1", "+15555550100", true);
        CallDesk desk = desk(true);
        var first = (VoiceCaller.Placed) desk.callAbout(T, CustomerKey.of("C-1"), List.of("INV-1041"));

        assertThat(desk.callsDue(T)).as("still ringing").isZero();
        journal.ended(T, first.callSid(), "no-answer", NOW.plusSeconds(40));
        assertThat(desk.callsDue(T)).as("the retry schedule waits first").isZero();
        assertThat(tasks.due(T, NOW)).as("waiting").isEmpty();

        book("C-2", "+15555550111", true);
        var second = (VoiceCaller.Placed) desk.callAbout(T, CustomerKey.of("C-2"), List.of("INV-1041"));
        journal.ended(T, second.callSid(), "completed", NOW.plusSeconds(90));
        assertThat(desk.callsDue(T)).isZero();
        assertThat(tasks.due(T, NOW.plus(java.time.Duration.ofDays(3))))
                .as("C-2 reached and closed; C-1 due again once its wait is over")
                .extracting(t -> t.customer().value())
                .containsExactly("C-1");
    }

    @Test
    void aCallsBriefNamesWhomToAskForTheWholeBalanceAndWhomToHandOverTo() {
        book("C-1", "+15555550100", true);
        var conversation = journal.open(T, CustomerKey.of("C-1"), List.of("INV-1041"), NOW);

        assertThat(desk(true).brief(T, conversation.value().toString()))
                .contains(new CallBrief(
                        conversation,
                        "Blue Fern Bistro",
                        "Maria Garcia",
                        "Northwind Wholesale",
                        dev.aragent.agent.ledger.Money.of(125_000, "USD"),
                        List.of("INV-1041"),
                        Optional.of("+15555550199")));
        assertThat(desk(true).known(T, conversation.value().toString())).isTrue();
        assertThat(desk(true).brief(T, java.util.UUID.randomUUID().toString())).isEmpty();
        assertThat(desk(true).brief(T, "not-a-conversation")).isEmpty();
        assertThat(desk(true).brief(TenantId.of("south"), conversation.value().toString()))
                .isEmpty();
    }
}
