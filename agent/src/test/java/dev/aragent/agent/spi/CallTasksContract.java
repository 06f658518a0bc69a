package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallTasks} must do: a task is due until it waits or closes, each placed call is an attempt whose
 * outcome the task shows once the call ended, the calls a customer had lately are counted for the cap, and one tenant
 * never sees another's. The calls themselves are recorded through the {@link VoiceJournal} the tasks read.
 */
public interface CallTasksContract {
    CallTasks tasks();

    /** The journal the tasks' calls are recorded in. */
    VoiceJournal calls();

    /** The tenant has these customers, each owing one invoice numbered {@code INV-} and its key. */
    void givenCustomers(TenantId tenant, List<CustomerKey> customers);

    Instant NOW = Instant.parse("2026-11-02T15:00:00Z");
    CustomerKey CUSTOMER = CustomerKey.of("C-1");
    CustomerKey NEIGHBOUR = CustomerKey.of("C-2");

    /** A new tenant with {@link #CUSTOMER} and {@link #NEIGHBOUR}. */
    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenCustomers(t, List.of(CUSTOMER, NEIGHBOUR));
        return t;
    }

    /** A call's conversation with {@code customer} about its invoice. */
    default ConversationId conversation(TenantId tenant, CustomerKey customer) {
        return calls().open(tenant, customer, List.of("INV-" + customer.value()), NOW);
    }

    @Test
    default void aNewTaskIsDueAtOnceWithNoAttemptYet() {
        TenantId t = freshTenant();
        ConversationId c = conversation(t, CUSTOMER);

        UUID id = tasks().create(t, CUSTOMER, c, "call about INV-1041", NOW);

        assertThat(tasks().due(t, NOW))
                .containsExactly(new CallTasks.Task(
                        id,
                        c,
                        CUSTOMER,
                        "call about INV-1041",
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    default void aPlacedCallIsAnAttemptAndTheTaskShowsHowItEndedOnceItDid() {
        TenantId t = freshTenant();
        ConversationId c = conversation(t, CUSTOMER);
        UUID id = tasks().create(t, CUSTOMER, c, "call", NOW);

        tasks().placed(t, id, "CA-1", NOW.plusSeconds(60));
        calls().started(t, "CA-1", c, "+15555550100", NOW.plusSeconds(60));

        CallTasks.Task running = tasks().due(t, NOW.plusSeconds(61)).getFirst();
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.lastAttempt()).contains(NOW.plusSeconds(60));
        assertThat(running.callSid()).contains("CA-1");
        assertThat(running.lastOutcome()).as("still ringing").isEmpty();

        calls().ended(t, "CA-1", "no-answer", NOW.plusSeconds(90));
        assertThat(tasks().due(t, NOW.plusSeconds(91)).getFirst().lastOutcome()).contains("no-answer");
    }

    @Test
    default void aWaitingTaskIsNotDueBeforeItsTime() {
        TenantId t = freshTenant();
        UUID id = tasks().create(t, CUSTOMER, conversation(t, CUSTOMER), "call", NOW);

        tasks().waitUntil(t, id, NOW.plus(Duration.ofHours(2)));

        assertThat(tasks().due(t, NOW.plus(Duration.ofHours(2)).minusSeconds(1)))
                .isEmpty();
        assertThat(tasks().due(t, NOW.plus(Duration.ofHours(2))))
                .extracting(CallTasks.Task::id)
                .containsExactly(id);
    }

    @Test
    default void aClosedTaskIsNeverDueAgainAndLaterChangesPassItBy() {
        TenantId t = freshTenant();
        UUID reached = tasks().create(t, CUSTOMER, conversation(t, CUSTOMER), "call", NOW);
        UUID handedOver = tasks().create(t, CUSTOMER, conversation(t, CUSTOMER), "call", NOW.plusSeconds(1));

        tasks().close(t, reached, true, "called: completed");
        tasks().close(t, handedOver, false, "no phone that takes calls");
        tasks().placed(t, reached, "CA-late", NOW.plusSeconds(5));
        tasks().waitUntil(t, handedOver, NOW.plusSeconds(5));

        assertThat(tasks().due(t, NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    default void dueTasksComeOldestFirst() {
        TenantId t = freshTenant();
        ConversationId c = conversation(t, CUSTOMER);
        UUID first = tasks().create(t, CUSTOMER, c, "first", NOW);
        UUID second = tasks().create(t, CUSTOMER, c, "second", NOW.plusSeconds(30));
        UUID third = tasks().create(t, CUSTOMER, c, "third", NOW.plusSeconds(60));

        assertThat(tasks().due(t, NOW.plusSeconds(60)))
                .extracting(CallTasks.Task::id)
                .containsExactly(first, second, third);
    }

    @Test
    default void theCallsACustomerHadSinceAnInstantAreCountedForTheCap() {
        TenantId t = freshTenant();
        ConversationId c = conversation(t, CUSTOMER);
        ConversationId other = conversation(t, NEIGHBOUR);
        calls().started(t, "CA-old", c, "+15555550100", NOW.minus(Duration.ofDays(40)));
        calls().started(t, "CA-1", c, "+15555550100", NOW.minus(Duration.ofDays(3)));
        calls().started(t, "CA-2", c, "+15555550100", NOW.minus(Duration.ofDays(1)));
        calls().started(t, "CA-other", other, "+15555550111", NOW.minus(Duration.ofDays(1)));

        assertThat(tasks().callsTo(t, CUSTOMER, NOW.minus(Duration.ofDays(31))))
                .containsExactlyInAnyOrder(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)));
        assertThat(tasks().callsTo(freshTenant(), CUSTOMER, NOW.minus(Duration.ofDays(31))))
                .isEmpty();
    }

    @Test
    default void oneTenantNeitherSeesNorChangesAnothersTasks() {
        TenantId t = freshTenant();
        TenantId other = freshTenant();
        UUID id = tasks().create(t, CUSTOMER, conversation(t, CUSTOMER), "call", NOW);

        assertThat(tasks().due(other, NOW)).isEmpty();
        tasks().placed(other, id, "CA-x", NOW);
        tasks().waitUntil(other, id, NOW.plus(Duration.ofDays(1)));
        tasks().close(other, id, true, "not theirs");

        assertThat(tasks().due(t, NOW))
                .singleElement()
                .satisfies(task -> assertThat(task.attempts()).isZero());
    }
}
