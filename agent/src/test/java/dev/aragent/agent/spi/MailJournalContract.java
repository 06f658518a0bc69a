package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.Completion;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.EmailFacts;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.RawEmail;
import dev.aragent.agent.conversation.ThreadInfo;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MailJournal} adapter must do. Each test uses fresh tenants. */
public interface MailJournalContract {
    MailJournal journal();

    /** Makes {@code email} a contact of {@code customer}, with invoice {@code invoice} open (adapters seed their ledger). */
    void givenCustomer(TenantId tenant, CustomerKey customer, String email, String invoice);

    Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    default TenantId freshTenant() {
        return TenantId.of("m-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static RawEmail raw(String mailbox, long validity, long uid, String text) {
        return new RawEmail(mailbox, validity, uid, text.getBytes(StandardCharsets.UTF_8), NOW);
    }

    static EmailFacts facts(String messageId, String from, List<String> refs) {
        return new EmailFacts(
                Optional.of(messageId),
                from,
                Optional.of("Maria"),
                List.of("ar@northwind.example"),
                "Re: INV-1041",
                refs,
                "We will pay Friday.",
                EmailFacts.Kind.PERSONAL,
                List.of());
    }

    static OutboundEmail email(ConversationId c, String messageId, String to) {
        return new OutboundEmail(
                UUID.randomUUID(),
                c,
                messageId,
                "AR <ar@northwind.example>",
                to,
                "ar+tok@northwind.example",
                "Invoice INV-1041",
                "text",
                "<p>text</p>",
                Optional.empty(),
                List.of(),
                "<mailto:ar+unsub-tok@northwind.example>");
    }

    default ThreadInfo opened(TenantId tenant, String token, String firstMessageId) {
        CustomerKey customer = CustomerKey.of("C-1");
        givenCustomer(tenant, customer, "maria@bluefern.example", "INV-1041");
        ConversationId id = ConversationId.random();
        ThreadInfo thread = new ThreadInfo(
                id,
                customer,
                token,
                "Invoice INV-1041",
                List.of("INV-1041"),
                List.of(),
                Optional.of("maria@bluefern.example"));
        journal().open(tenant, thread, email(id, firstMessageId, "maria@bluefern.example"));
        return thread;
    }

    @Test
    default void aThreadHasNoAddressToWriteToOnceItsContactOptedOut() {
        TenantId t = freshTenant();
        ThreadInfo thread = opened(t, "tokOpt", "out-opt@northwind.example");
        assertThat(journal().thread(t, thread.id()).contactEmail()).contains("maria@bluefern.example");
        journal().optOut(t, "Maria@BlueFern.example");
        assertThat(journal().thread(t, thread.id()).contactEmail())
                .as("follow-ups and approvals answer in the thread: never to an opted-out address")
                .isEmpty();
    }

    @Test
    default void anInboundMessageShouldBeStoredOnceByMailboxPlaceAndByMessageId() {
        TenantId t = freshTenant();
        var first = journal().recordInbound(t, raw("ar/INBOX", 7, 1, "a"), "m1@x");

        var samePlace = journal().recordInbound(t, raw("ar/INBOX", 7, 1, "a"), "m1@x");
        var sameIdElsewhere = journal().recordInbound(t, raw("billing/INBOX", 3, 9, "a"), "m1@x");

        assertThat(first.processed()).isFalse();
        assertThat(samePlace.id()).isEqualTo(first.id());
        assertThat(sameIdElsewhere.id()).isEqualTo(first.id());
        assertThat(samePlace.processed()).isFalse(); // stored but not processed: the next run processes it
    }

    @Test
    default void aCompletedMessageShouldBeKnownAsProcessedAndItsRepliesQueued() {
        TenantId t = freshTenant();
        ThreadInfo thread = opened(t, "tok1", "out-1@northwind.example");
        var stored = journal().recordInbound(t, raw("ar/INBOX", 7, 2, "b"), "in-1@bluefern.example");

        journal()
                .complete(
                        t,
                        stored.id(),
                        new Completion(
                                Optional.of(thread.id()),
                                facts(
                                        "in-1@bluefern.example",
                                        "maria@bluefern.example",
                                        List.of("out-1@northwind.example")),
                                List.of(email(thread.id(), "out-2@northwind.example", "maria@bluefern.example"))));

        assertThat(journal()
                        .recordInbound(t, raw("ar/INBOX", 7, 2, "b"), "in-1@bluefern.example")
                        .processed())
                .isTrue();
        assertThat(journal().thread(t, thread.id()).messageIds())
                .containsExactly("out-1@northwind.example", "in-1@bluefern.example", "out-2@northwind.example");
        assertThat(journal().conversationByMessageIds(t, List.of("in-1@bluefern.example")))
                .contains(thread.id());
        assertThat(journal().claim(t, 10, NOW, Duration.ofMinutes(5)))
                .extracting(OutboundEmail::messageId)
                .containsExactly("out-1@northwind.example", "out-2@northwind.example");
    }

    @Test
    default void conversationsShouldBeFoundByTokenAndCustomerButNeverAcrossTenants() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        ThreadInfo thread = opened(a, "tokA", "out-a@northwind.example");

        assertThat(journal().conversationByToken(a, "tokA")).contains(thread.id());
        assertThat(journal().conversationByToken(b, "tokA")).isEmpty();
        assertThat(journal().conversationByMessageIds(b, List.of("out-a@northwind.example")))
                .isEmpty();
        assertThat(journal().customerByEmail(a, "MARIA@bluefern.example")).contains(CustomerKey.of("C-1"));
        assertThat(journal().customerByEmail(b, "maria@bluefern.example")).isEmpty();
        assertThat(journal().latestConversation(a, CustomerKey.of("C-1"), List.of("INV-1041")))
                .contains(thread.id());
    }

    @Test
    default void aConversationTheDebtorAnsweredByPayingShouldNotBeFollowedUp() {
        TenantId t = freshTenant();
        ThreadInfo thread = opened(t, "tokPaid", "out-paid@northwind.example");
        OutboundEmail first = journal().claim(t, 10, NOW, Duration.ofMinutes(5)).getFirst();
        journal().sent(t, first.id(), NOW);
        Duration quiet = Duration.ofHours(48);
        assertThat(journal().state(t, thread.id()).unanswered()).isEqualTo(1);
        assertThat(journal().dueForFollowUp(t, NOW.plus(quiet), quiet)).containsExactly(thread.id());

        journal().answered(t, thread.id());

        assertThat(journal().state(t, thread.id()).unanswered()).isZero();
        assertThat(journal().dueForFollowUp(t, NOW.plus(Duration.ofDays(30)), quiet))
                .isEmpty();
    }

    @Test
    default void theOutboxShouldLeaseClaimsAndNeverSendASentEmailAgain() {
        TenantId t = freshTenant();
        opened(t, "tok2", "out-3@northwind.example");

        List<OutboundEmail> claimed = journal().claim(t, 10, NOW, Duration.ofMinutes(5));
        assertThat(claimed).hasSize(1);
        assertThat(journal().claim(t, 10, NOW.plusSeconds(60), Duration.ofMinutes(5)))
                .isEmpty();
        assertThat(journal().claim(t, 10, NOW.plusSeconds(301), Duration.ofMinutes(5)))
                .hasSize(1);

        journal().retry(t, claimed.getFirst().id(), NOW.plusSeconds(3600), "421 try later");
        assertThat(journal().claim(t, 10, NOW.plusSeconds(1800), Duration.ofMinutes(5)))
                .isEmpty();
        List<OutboundEmail> again = journal().claim(t, 10, NOW.plusSeconds(3601), Duration.ofMinutes(5));
        assertThat(again).extracting(OutboundEmail::messageId).containsExactly("out-3@northwind.example");

        journal().sent(t, again.getFirst().id(), NOW.plusSeconds(3602));
        assertThat(journal().claim(t, 10, NOW.plusSeconds(99_999), Duration.ofMinutes(5)))
                .isEmpty();
    }

    @Test
    default void aMailboxPositionShouldOnlyMoveForwardUnderTheSameUidValidity() {
        TenantId t = freshTenant();
        assertThat(journal().position(t, "ar/INBOX")).isEmpty();

        journal().savePosition(t, "ar/INBOX", 7, 10, NOW);
        journal().savePosition(t, "ar/INBOX", 7, 4, NOW);
        assertThat(journal().position(t, "ar/INBOX"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly(7, 10));

        journal().savePosition(t, "ar/INBOX", 8, 2, NOW);
        assertThat(journal().position(t, "ar/INBOX"))
                .hasValueSatisfying(p -> assertThat(p).containsExactly(8, 2));
        assertThat(journal().position(t, "billing/INBOX")).isEmpty();
    }
}
