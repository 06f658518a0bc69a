package dev.aragent.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.access.Role;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.spi.InMemoryContactLog;
import dev.aragent.agent.spi.InMemoryCrmOutbox;
import dev.aragent.agent.spi.InMemoryPeopleTasks;
import dev.aragent.agent.spi.PeopleTasksContract;
import dev.aragent.agent.tasks.PersonTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A person works a task: the form's words checked, the outcome kept once, on the tenant's day. */
class TaskDeskTest {
    static final TenantId T = TenantId.of("northwind");
    static final CustomerKey C = CustomerKey.of("C-1041");
    /** 03:00 UTC on 25 November is still the 24th in New York, the default rules' zone. */
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    final InMemoryContactLog contacts = new InMemoryContactLog();
    final InMemoryCrmOutbox crm = new InMemoryCrmOutbox();
    final InMemoryPeopleTasks tasks = new InMemoryPeopleTasks(contacts, crm);
    final TaskDesk desk = TaskDesk.create(tasks, t -> QueueRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    final Principal dana = new Principal(
            UUID.randomUUID(),
            "dana@northwind.example",
            "Dana Reyes",
            T,
            Role.COLLECTOR,
            EnumSet.allOf(Permission.class),
            "session");

    UUID call() {
        return tasks.add(
                T,
                new PeopleTasksContract.Given(
                        C,
                        "call_debtor",
                        "open",
                        "personal follow-up: INV-1041",
                        Optional.empty(),
                        Optional.empty(),
                        NOW));
    }

    @Test
    void aPromiseOnTheTenantsDayIsKeptAsTheDispositionOnce() {
        UUID id = call();

        var first = desk.close(dana, id.toString(), "promised", "2026-11-24", "after payroll");
        var again = desk.close(dana, id.toString(), "promised", "2026-11-24", "after payroll");

        assertThat(first).isInstanceOfSatisfying(TaskDesk.Result.Done.class, d -> {
            assertThat(d.task().status()).isEqualTo("done");
            assertThat(d.closing().orElseThrow().by()).isEqualTo("dana@northwind.example");
        });
        assertThat(again)
                .isInstanceOfSatisfying(
                        TaskDesk.Result.Refused.class,
                        r -> assertThat(r.reason()).contains("closed already"));
        AccountActivity a = contacts.activity(T, C);
        assertThat(a.lastOutcome()).map(AccountActivity.Outcome::paymentStatus).contains("promised");
        assertThat(a.retryOn()).contains(LocalDate.of(2026, 11, 25));
        assertThat(crm.counts(T).waiting()).isEqualTo(1);
    }

    @Test
    void whatTheFormLacksIsRefusedInWordsAndChangesNothing() {
        UUID id = call();

        assertThat(reason(desk.close(dana, id.toString(), "promised", "", ""))).contains("needs a date");
        assertThat(reason(desk.close(dana, id.toString(), "promised", "2026-11-23", "")))
                .contains("between today (2026-11-24)");
        assertThat(reason(desk.close(dana, id.toString(), "promised", "next friday", "")))
                .contains("not a date");
        assertThat(reason(desk.close(dana, id.toString(), "disputed", "", " "))).contains("needs a note");
        assertThat(reason(desk.close(dana, id.toString(), "<script>", "", ""))).isEqualTo("choose what happened");
        assertThat(reason(desk.close(dana, "not-a-task", "done", "", ""))).isEqualTo("no such task");
        assertThat(reason(desk.close(dana, UUID.randomUUID().toString(), "done", "", "")))
                .isEqualTo("no such task");

        assertThat(tasks.task(T, id).map(PersonTask::open)).contains(true);
        assertThat(contacts.activity(T, C).lastOutcome()).isEmpty();
        assertThat(crm.counts(T).waiting()).isZero();
    }

    @Test
    void anotherTenantsTaskIsNoSuchTask() {
        UUID id = call();
        Principal other = new Principal(
                dana.person(),
                dana.login(),
                dana.name(),
                TenantId.of("globex"),
                Role.COLLECTOR,
                dana.scopes(),
                "session");

        assertThat(reason(desk.close(other, id.toString(), "done", "", ""))).isEqualTo("no such task");
        assertThat(reason(desk.take(other, id.toString(), true))).isEqualTo("no such task");
        assertThat(tasks.task(T, id).map(PersonTask::open)).contains(true);
    }

    @Test
    void aPersonTakesATaskAndGivesItBack() {
        UUID id = call();

        assertThat(desk.take(dana, id.toString(), true))
                .isInstanceOfSatisfying(
                        TaskDesk.Result.Done.class,
                        d -> assertThat(d.task().assignee()).contains("dana@northwind.example"));
        assertThat(desk.take(dana, id.toString(), false))
                .isInstanceOfSatisfying(
                        TaskDesk.Result.Done.class,
                        d -> assertThat(d.task().assignee()).isEmpty());
    }

    static String reason(TaskDesk.Result r) {
        assertThat(r).isInstanceOf(TaskDesk.Result.Refused.class);
        return ((TaskDesk.Result.Refused) r).reason();
    }

    UUID task(CustomerKey customer, String kind, String detail, Optional<LocalDate> due) {
        return tasks.add(T, new PeopleTasksContract.Given(customer, kind, "open", detail, Optional.empty(), due, NOW));
    }

    @Test
    void oneCallCoversTheAccountsOtherCallsButNotACallBackBookedOrAnotherAccount() {
        UUID first = call();
        UUID step = task(C, "call_debtor", "personal follow-up (step 30): INV-1041", Optional.empty());
        UUID booked = task(C, "call_debtor", "call back", Optional.of(LocalDate.of(2026, 12, 1)));
        UUID dispute = task(C, "billing_dispute", "INV-1041: damaged case", Optional.empty());
        UUID elsewhere = task(CustomerKey.of("C-2002"), "call_debtor", "personal follow-up", Optional.empty());

        var closed = desk.close(dana, first.toString(), "no_answer", "", "");

        assertThat(closed)
                .isInstanceOfSatisfying(
                        TaskDesk.Result.Done.class,
                        d -> assertThat(d.covered()).singleElement().satisfies(t -> {
                            assertThat(t.id()).isEqualTo(step);
                            assertThat(t.status()).isEqualTo("done");
                        }));
        assertThat(tasks.task(T, booked).map(PersonTask::open)).contains(true);
        assertThat(tasks.task(T, dispute).map(PersonTask::open)).contains(true);
        assertThat(tasks.task(T, elsewhere).map(PersonTask::open)).contains(true);
        assertThat(contacts.activity(T, C).lastOutcome())
                .as("the call's outcome is the account's last word, not the cover's")
                .map(AccountActivity.Outcome::paymentStatus)
                .contains("no_commitment");
    }

    @Test
    void aCallSkippedAsNotNeededCoversNothing() {
        UUID first = call();
        UUID step = task(C, "call_debtor", "personal follow-up (step 30): INV-1041", Optional.empty());

        desk.close(dana, first.toString(), "skipped", "", "paid yesterday");

        assertThat(tasks.task(T, step).map(PersonTask::open)).contains(true);
    }
}
