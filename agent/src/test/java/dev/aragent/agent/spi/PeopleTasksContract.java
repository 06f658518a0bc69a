package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import dev.aragent.agent.tasks.TaskOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PeopleTasks} must do: list the open tasks for people (not the calls the service still places) due
 * first, give one to a person, and close one once — its outcome the account's disposition (read back through the
 * {@link ContactLog}) and one CRM event (read back through the {@link CrmOutbox}); a skipped task records no
 * disposition; one tenant never sees or closes another's.
 */
public interface PeopleTasksContract {
    PeopleTasks tasks();

    /** The log the closed tasks' dispositions are read back from. */
    ContactLog contacts();

    /** The outbox the closed tasks' CRM events wait in. */
    CrmOutbox crm();

    /** The tenant has these customers, each named {@code Customer} and its key, owing one invoice. */
    void givenCustomers(TenantId tenant, List<CustomerKey> customers);

    /** A conversation with {@code customer}, opened at {@code at} and still open. */
    ConversationId givenConversation(TenantId tenant, CustomerKey customer, Instant at);

    /** A task as the agent leaves it (status {@code open} or {@code for_a_person}). */
    record Given(
            CustomerKey customer,
            String kind,
            String status,
            String detail,
            Optional<ConversationId> conversation,
            Optional<LocalDate> due,
            Instant created) {}

    /** The tenant has {@code task}; its id. */
    UUID givenTask(TenantId tenant, Given task);

    Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    CustomerKey NEIGHBOUR = CustomerKey.of("C-2");

    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenCustomers(t, List.of(CUSTOMER, NEIGHBOUR));
        return t;
    }

    default UUID task(TenantId t, CustomerKey customer, String kind, Optional<ConversationId> conversation) {
        return givenTask(
                t,
                new Given(
                        customer,
                        kind,
                        "open",
                        kind + " for " + customer.value(),
                        conversation,
                        Optional.empty(),
                        NOW));
    }

    static Closing closing(TaskOutcome outcome, Optional<LocalDate> on, String note) {
        return switch (Closing.of(outcome, on, note, "dana@acme.example", NOW, TODAY)) {
            case Closing.Valid v -> v.closing();
            case Closing.Invalid i -> throw new AssertionError(i.reason());
        };
    }

    default List<CrmEvent> crmEvents(TenantId t) {
        return crm().claim(t, 100, NOW.plus(Duration.ofDays(1)), Duration.ofMinutes(5)).stream()
                .map(CrmOutbox.Claimed::event)
                .toList();
    }

    @Test
    default void openTasksAreListedDueFirstThenOldestWithoutTheCallsTheServiceStillPlaces() {
        TenantId t = freshTenant();
        UUID old = givenTask(
                t,
                new Given(
                        CUSTOMER,
                        "billing_dispute",
                        "open",
                        "route INV-1 to billing",
                        Optional.empty(),
                        Optional.empty(),
                        NOW.minus(Duration.ofDays(3))));
        UUID recent = givenTask(
                t,
                new Given(
                        NEIGHBOUR,
                        "find_contact",
                        "open",
                        "no email for C-2",
                        Optional.empty(),
                        Optional.empty(),
                        NOW));
        UUID dueTomorrow = givenTask(
                t,
                new Given(
                        NEIGHBOUR,
                        "apply_credit_memo",
                        "open",
                        "apply CM-9",
                        Optional.empty(),
                        Optional.of(TODAY.plusDays(1)),
                        NOW));
        UUID gaveUp = givenTask(
                t,
                new Given(
                        CUSTOMER,
                        "call_debtor",
                        "for_a_person",
                        "three calls, no answer",
                        Optional.empty(),
                        Optional.empty(),
                        NOW.minus(Duration.ofDays(1))));
        ConversationId c = givenConversation(t, CUSTOMER, NOW);
        UUID serviceCalls = givenTask(
                t,
                new Given(CUSTOMER, "call_debtor", "open", "the service calls", Optional.of(c), Optional.empty(), NOW));

        List<PersonTask> open = tasks().open(t, 10);

        assertThat(open).extracting(PersonTask::id).containsExactly(dueTomorrow, old, gaveUp, recent);
        PersonTask first = open.getFirst();
        assertThat(first.customer()).contains(NEIGHBOUR);
        assertThat(first.customerName()).isEqualTo("Customer C-2");
        assertThat(first.kind()).isEqualTo("apply_credit_memo");
        assertThat(first.detail()).isEqualTo("apply CM-9");
        assertThat(first.due()).contains(TODAY.plusDays(1));
        assertThat(first.assignee()).isEmpty();
        assertThat(first.open()).isTrue();
        assertThat(tasks().open(t, 2)).hasSize(2);
        assertThat(tasks().close(t, serviceCalls, closing(TaskOutcome.DONE, Optional.empty(), "")))
                .as("a call the service still places is not a person's to close")
                .isFalse();
    }

    @Test
    default void aPromiseBecomesTheAccountsDispositionPausesItsCadenceAndTellsTheCrmOnce() {
        TenantId t = freshTenant();
        UUID id = task(t, CUSTOMER, "call_debtor", Optional.empty());
        LocalDate friday = TODAY.plusDays(4);

        assertThat(tasks().close(t, id, closing(TaskOutcome.PROMISED, Optional.of(friday), "after payroll")))
                .isTrue();

        PersonTask closed = tasks().task(t, id).orElseThrow();
        assertThat(closed.status()).isEqualTo("done");
        assertThat(closed.open()).isFalse();
        assertThat(tasks().open(t, 10)).isEmpty();
        AccountActivity a = contacts().activity(t, CUSTOMER);
        assertThat(a.lastOutcome()).map(AccountActivity.Outcome::paymentStatus).contains("promised");
        assertThat(a.retryOn()).contains(friday.plusDays(1));
        assertThat(a.cadencePaused()).isTrue();
        List<CrmEvent> events = crmEvents(t);
        assertThat(events).hasSize(1);
        CrmEvent e = events.getFirst();
        assertThat(e.kind()).isEqualTo(CrmEvent.Kind.DISPOSITION);
        assertThat(e.customer()).isEqualTo(CUSTOMER);
        assertThat(e.customerName()).isEqualTo("Customer C-1");
        assertThat(e.conversation()).isEmpty();
        assertThat(e.properties())
                .containsEntry("payment_status", "promised")
                .containsEntry("expected_payment_date", friday.toString())
                .containsEntry("by", "dana@acme.example");
        assertThat(e.note()).contains("promised to pay on " + friday).contains("after payroll");
    }

    @Test
    default void aPersonsCallOutsideAnyTaskIsLoggedAsAClosedTaskWithItsDispositionAndCrmEvent() {
        TenantId t = freshTenant();
        LocalDate friday = TODAY.plusDays(4);

        PersonTask logged = tasks().log(
                        t,
                        NEIGHBOUR,
                        "logged_call",
                        "a call by dana@acme.example",
                        closing(TaskOutcome.PROMISED, Optional.of(friday), "owner called back"));

        assertThat(logged.customer()).contains(NEIGHBOUR);
        assertThat(logged.kind()).isEqualTo("logged_call");
        assertThat(logged.open()).isFalse();
        assertThat(tasks().task(t, logged.id())).contains(logged);
        assertThat(tasks().open(t, 10)).isEmpty();
        AccountActivity a = contacts().activity(t, NEIGHBOUR);
        assertThat(a.lastOutcome()).map(AccountActivity.Outcome::paymentStatus).contains("promised");
        assertThat(a.cadencePaused()).isTrue();
        assertThat(contacts().activity(t, CUSTOMER).lastOutcome()).isEmpty();
        assertThat(crmEvents(t)).singleElement().satisfies(e -> {
            assertThat(e.customer()).isEqualTo(NEIGHBOUR);
            assertThat(e.properties()).containsEntry("payment_status", "promised");
            assertThat(e.note()).contains("owner called back");
        });
    }

    @Test
    default void theSameClosingSentTwiceIsTakenOnce() {
        TenantId t = freshTenant();
        UUID id = task(t, CUSTOMER, "call_debtor", Optional.empty());

        assertThat(tasks().close(t, id, closing(TaskOutcome.NO_ANSWER, Optional.empty(), "")))
                .isTrue();
        assertThat(tasks().close(t, id, closing(TaskOutcome.PROMISED, Optional.of(TODAY), "")))
                .isFalse();

        assertThat(contacts().activity(t, CUSTOMER).lastOutcome())
                .map(AccountActivity.Outcome::paymentStatus)
                .contains("no_commitment");
        assertThat(crmEvents(t)).hasSize(1);
    }

    @Test
    default void aTaskFromAConversationRecordsItsOutcomeInThatConversation() {
        TenantId t = freshTenant();
        ConversationId c = givenConversation(t, CUSTOMER, NOW.minus(Duration.ofDays(2)));
        UUID id = task(t, CUSTOMER, "billing_dispute", Optional.of(c));

        assertThat(tasks().task(t, id).orElseThrow().conversation()).contains(c);
        assertThat(tasks().close(t, id, closing(TaskOutcome.DISPUTED, Optional.empty(), "the case arrived damaged")))
                .isTrue();

        assertThat(contacts().activity(t, CUSTOMER).lastOutcome())
                .map(AccountActivity.Outcome::paymentStatus)
                .contains("disputed");
        CrmEvent e = crmEvents(t).getFirst();
        assertThat(e.conversation()).contains(c);
        assertThat(e.properties()).containsEntry("dispute_reason", "the case arrived damaged");
    }

    @Test
    default void aSkippedTaskRecordsNoDispositionAndTheCrmHearsItWasSkipped() {
        TenantId t = freshTenant();
        UUID id = task(t, CUSTOMER, "find_contact", Optional.empty());

        assertThat(tasks().close(t, id, closing(TaskOutcome.SKIPPED, Optional.empty(), "found in the CRM already")))
                .isTrue();

        assertThat(tasks().task(t, id).orElseThrow().status()).isEqualTo("skipped");
        assertThat(contacts().activity(t, CUSTOMER).lastOutcome()).isEmpty();
        CrmEvent e = crmEvents(t).getFirst();
        assertThat(e.kind()).isEqualTo(CrmEvent.Kind.TASK);
        assertThat(e.properties()).containsEntry("status", "skipped").containsEntry("task", "find_contact");
        assertThat(e.note()).contains("found in the CRM already");
    }

    @Test
    default void aTaskGoesToAPersonUntilItIsClosed() {
        TenantId t = freshTenant();
        UUID id = task(t, CUSTOMER, "verify_payment", Optional.empty());

        assertThat(tasks().assign(t, id, Optional.of("sam@acme.example"))).isTrue();
        assertThat(tasks().open(t, 10).getFirst().assignee()).contains("sam@acme.example");
        assertThat(tasks().assign(t, id, Optional.empty())).isTrue();
        assertThat(tasks().task(t, id).orElseThrow().assignee()).isEmpty();

        tasks().close(t, id, closing(TaskOutcome.DONE, Optional.empty(), ""));
        assertThat(tasks().assign(t, id, Optional.of("sam@acme.example"))).isFalse();
        assertThat(tasks().task(t, id).orElseThrow().status()).isEqualTo("done");
    }

    @Test
    default void oneTenantNeverSeesAssignsOrClosesAnothersTasks() {
        TenantId mine = freshTenant();
        TenantId theirs = freshTenant();
        UUID id = task(theirs, CUSTOMER, "call_debtor", Optional.empty());

        assertThat(tasks().open(mine, 10)).isEmpty();
        assertThat(tasks().task(mine, id)).isEmpty();
        assertThat(tasks().assign(mine, id, Optional.of("sam@acme.example"))).isFalse();
        assertThat(tasks().close(mine, id, closing(TaskOutcome.DONE, Optional.empty(), "")))
                .isFalse();
        assertThat(tasks().task(theirs, id).orElseThrow().open()).isTrue();
        assertThat(crmEvents(mine)).isEmpty();
        assertThat(crmEvents(theirs)).isEmpty();
    }

    @Test
    default void theLastCallAPersonMadeOnEachAccountIsKnownButNotASkippedTaskNorAnotherTenants() {
        TenantId t = freshTenant();
        UUID called = task(t, CUSTOMER, "call_debtor", Optional.empty());
        UUID skipped = task(t, NEIGHBOUR, "call_debtor", Optional.empty());
        UUID dispute = task(t, NEIGHBOUR, "billing_dispute", Optional.empty());
        assertThat(tasks().close(t, called, closing(TaskOutcome.NO_ANSWER, Optional.empty(), "")))
                .isTrue();
        assertThat(tasks().close(t, skipped, closing(TaskOutcome.SKIPPED, Optional.empty(), "paid")))
                .isTrue();
        assertThat(tasks().close(t, dispute, closing(TaskOutcome.DONE, Optional.empty(), "")))
                .isTrue();

        assertThat(tasks().lastCalls(t, NOW.minus(Duration.ofDays(7)))).containsExactly(Map.entry(CUSTOMER, NOW));
        assertThat(tasks().lastCalls(t, NOW.plusSeconds(1))).isEmpty();
        assertThat(tasks().lastCalls(freshTenant(), NOW.minus(Duration.ofDays(7))))
                .isEmpty();

        tasks().log(t, NEIGHBOUR, "logged_call", "rang them", closing(TaskOutcome.NO_ANSWER, Optional.empty(), ""));
        assertThat(tasks().lastCalls(t, NOW.minus(Duration.ofDays(7)))).containsKey(NEIGHBOUR);
    }
}
