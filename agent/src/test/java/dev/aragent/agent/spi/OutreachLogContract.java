package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.Reach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OutreachLog} adapter must do: a step is executed once per account (and oldest invoice), however
 * many runs ask at once; what was executed reads back whole, oldest first; a task handed to people is made once while
 * it waits for them, and again once it is done; one tenant never sees or blocks another's. Each test uses fresh
 * tenants, so adapters may share one database. Times are whole seconds: a store may keep no finer than microseconds.
 */
public interface OutreachLogContract {
    OutreachLog log();

    /** The tenant has these accounts, as an aging import brings them (adapters add what their store needs). */
    void givenCustomers(TenantId tenant, List<CustomerKey> customers);

    /** The tasks of the tenant that are open or with a person, each as {@link #task}, in any order. */
    List<String> tasksForPeople(TenantId tenant);

    /** The open task of {@code kind} and {@code detail} on the account went to a person: it is not done yet. */
    void givenWithAPerson(TenantId tenant, CustomerKey customer, String kind, String detail);

    /** A person finished the task of {@code kind} and {@code detail} on the account. */
    void givenDone(TenantId tenant, CustomerKey customer, String kind, String detail);

    Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    CustomerKey C1 = CustomerKey.of("c1");
    CustomerKey C2 = CustomerKey.of("c2");

    /** A new tenant with accounts {@link #C1} and {@link #C2}. */
    default TenantId freshTenant() {
        TenantId t = TenantId.of("ol-" + UUID.randomUUID().toString().substring(0, 8));
        givenCustomers(t, List.of(C1, C2));
        return t;
    }

    /** A task as {@link #tasksForPeople} lists it. */
    static String task(CustomerKey customer, String kind, String detail) {
        return customer.value() + " " + kind + ": " + detail;
    }

    /** A gentle reminder by email at {@code step} of the cadence, about {@code invoices} (the oldest first). */
    static OutreachLog.Executed action(CustomerKey customer, int step, Instant at, String... invoices) {
        return new OutreachLog.Executed(
                customer, "retail", step, Outreach.GENTLE_REMINDER, Reach.EMAIL, at, List.of(invoices));
    }

    @Test
    default void everyRecordedActionShouldReadBackAsRecorded() {
        TenantId t = freshTenant();
        List<OutreachLog.Executed> recorded = new ArrayList<>();
        Outreach[] strategies = Outreach.values();
        Reach[] channels = Reach.values();
        for (int i = 0; i < strategies.length; i++) {
            recorded.add(new OutreachLog.Executed(
                    i % 2 == 0 ? C1 : C2,
                    i % 3 == 0 ? "" : "restaurants",
                    7 * (i + 1),
                    strategies[i],
                    channels[i % channels.length],
                    NOW.plus(Duration.ofDays(i)),
                    List.of("INV-" + i, "INV-" + (100 + i))));
        }

        for (OutreachLog.Executed e : recorded) {
            assertThat(log().record(t, e)).as("first time: %s", e).isTrue();
        }

        assertThat(log().executed(t)).containsExactlyElementsOf(recorded);
    }

    @Test
    default void aStepAlreadyExecutedShouldBeRefusedAndNothingWritten() {
        TenantId t = freshTenant();
        OutreachLog.Executed first = action(C1, 14, NOW, "INV-1");
        OutreachLog.Executed again = new OutreachLog.Executed(
                C1,
                "restaurants",
                14,
                Outreach.FINAL_NOTICE,
                Reach.SMS,
                NOW.plusSeconds(900),
                List.of("INV-1", "INV-2"));

        assertThat(log().record(t, first)).isTrue();
        assertThat(log().record(t, first)).as("the same action again").isFalse();
        assertThat(log().record(t, again))
                .as("the same account, step and oldest invoice, otherwise different")
                .isFalse();

        assertThat(log().executed(t)).containsExactly(first);
    }

    @Test
    default void anotherStepOrAnotherAccountShouldBeItsOwnAction() {
        TenantId t = freshTenant();
        OutreachLog.Executed c1Step14 = action(C1, 14, NOW, "INV-1");
        OutreachLog.Executed c1Step30 = action(C1, 30, NOW.plusSeconds(1), "INV-1");
        OutreachLog.Executed c2Step14 = action(C2, 14, NOW.plusSeconds(2), "INV-1");

        assertThat(log().record(t, c1Step14)).isTrue();
        assertThat(log().record(t, c1Step30)).isTrue();
        assertThat(log().record(t, c2Step14)).isTrue();

        assertThat(log().executed(t)).containsExactly(c1Step14, c1Step30, c2Step14);
    }

    @Test
    default void executedShouldListTheOldestFirstWhateverTheOrderRecorded() {
        TenantId t = freshTenant();
        OutreachLog.Executed late = action(C1, 30, NOW.plus(Duration.ofDays(16)), "INV-1");
        OutreachLog.Executed early = action(C2, 7, NOW, "INV-2");
        OutreachLog.Executed middle = action(C1, 14, NOW.plus(Duration.ofDays(7)), "INV-1");

        assertThat(log().record(t, late)).isTrue();
        assertThat(log().record(t, early)).isTrue();
        assertThat(log().record(t, middle)).isTrue();

        assertThat(log().executed(t)).containsExactly(early, middle, late);
    }

    @Test
    default void aTenantWithNothingExecutedShouldReadNothing() {
        assertThat(log().executed(freshTenant())).isEmpty();
    }

    /** The port does not say so, but every adapter refuses it: a step is told apart by its oldest invoice. */
    @Test
    default void anActionAboutNoInvoiceShouldBeRefused() {
        TenantId t = freshTenant();

        assertThatThrownBy(() -> log().record(t, action(C1, 14, NOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one invoice");
        assertThat(log().executed(t)).isEmpty();
    }

    /** Batch runs side by side (another pass, another instance) claim the same step: only one may execute it. */
    @Test
    default void runsRecordingOneStepAtOnceShouldLetExactlyOneThrough() throws Exception {
        TenantId t = freshTenant();
        int runs = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(runs)) {
            for (int i = 0; i < runs; i++) {
                OutreachLog.Executed claim = action(C1, 14, NOW.plusSeconds(i), "INV-1");
                Callable<Boolean> run = () -> {
                    start.await();
                    return log().record(t, claim);
                };
                answers.add(pool.submit(run));
            }
            start.countDown();
        }

        int through = 0;
        for (Future<Boolean> answer : answers) {
            through += answer.get() ? 1 : 0;
        }
        assertThat(through).isEqualTo(1);
        assertThat(log().executed(t)).hasSize(1);
    }

    @Test
    default void aTaskHandedOffShouldWaitForAPersonOnce() {
        TenantId t = freshTenant();

        log().handOff(t, C1, "apply_credit_memo", "apply CM-7 to INV-1");
        log().handOff(t, C1, "apply_credit_memo", "apply CM-7 to INV-1");
        log().handOff(t, C1, "apply_credit_memo", "apply CM-8 to INV-1");
        log().handOff(t, C1, "human_review", "apply CM-7 to INV-1");
        log().handOff(t, C2, "apply_credit_memo", "apply CM-7 to INV-1");
        log().handOff(t, C2, "apply_credit_memo", "apply CM-7 to INV-1");

        assertThat(tasksForPeople(t))
                .containsExactlyInAnyOrder(
                        task(C1, "apply_credit_memo", "apply CM-7 to INV-1"),
                        task(C1, "apply_credit_memo", "apply CM-8 to INV-1"),
                        task(C1, "human_review", "apply CM-7 to INV-1"),
                        task(C2, "apply_credit_memo", "apply CM-7 to INV-1"));
    }

    @Test
    default void aTaskWithAPersonShouldNotBeHandedOffAgain() {
        TenantId t = freshTenant();
        log().handOff(t, C1, "call_debtor", "call about INV-1");
        givenWithAPerson(t, C1, "call_debtor", "call about INV-1");

        log().handOff(t, C1, "call_debtor", "call about INV-1");

        assertThat(tasksForPeople(t)).containsExactly(task(C1, "call_debtor", "call about INV-1"));
    }

    @Test
    default void aTaskShouldBeHandedOffAgainOnceItIsDone() {
        TenantId t = freshTenant();
        log().handOff(t, C1, "find_contact", "no email or phone for the account");
        givenDone(t, C1, "find_contact", "no email or phone for the account");

        assertThat(tasksForPeople(t)).isEmpty();
        log().handOff(t, C1, "find_contact", "no email or phone for the account");

        assertThat(tasksForPeople(t)).containsExactly(task(C1, "find_contact", "no email or phone for the account"));
    }

    @Test
    default void oneTenantShouldNeitherSeeNorBlockAnothersStepsOrTasks() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        OutreachLog.Executed step = action(C1, 14, NOW, "INV-1");

        assertThat(log().record(a, step)).isTrue();
        assertThat(log().executed(b)).isEmpty();
        assertThat(log().record(b, step)).as("the same step in another tenant").isTrue();
        log().handOff(a, C1, "change_channel", "email bounced: try a phone");

        assertThat(tasksForPeople(b)).isEmpty();
        log().handOff(b, C1, "change_channel", "email bounced: try a phone");

        assertThat(log().executed(a)).containsExactly(step);
        assertThat(log().executed(b)).containsExactly(step);
        assertThat(tasksForPeople(a)).containsExactly(task(C1, "change_channel", "email bounced: try a phone"));
        assertThat(tasksForPeople(b)).containsExactly(task(C1, "change_channel", "email bounced: try a phone"));
    }
}
