package dev.aragent.agent.queue;

import static dev.aragent.agent.spi.Books.aging;
import static dev.aragent.agent.spi.Books.audit;
import static dev.aragent.agent.spi.Books.customerWithEmail;
import static dev.aragent.agent.spi.Books.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.imports.ImportKind;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.InMemoryLedger;
import dev.aragent.agent.spi.InMemoryOutreachLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchRunTest {
    /** Tuesday 15:00 UTC: inside the default window in New York (the default zone). */
    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    static final TenantId TENANT = TenantId.of("acme");

    @Test
    void executesEachDueActionOnceAndHandsFailuresToAPerson() {
        InMemoryOutreachLog log = new InMemoryOutreachLog();
        ActionQueue queue = queue(3, log, Clock.fixed(NOW, ZoneOffset.UTC));
        // the batch executes accounts side by side on worker threads: the record of what ran must be thread-safe
        List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchRun batch = new BatchRun(queue, log, (tenant, e) -> {
            if (e.customer().value().equals("c3")) {
                throw new IllegalStateException("SMTP refused");
            }
            done.add(e.customer().value());
            return "sent";
        });

        BatchRun.Report dry = batch.run(TENANT, NOW, 100, true);
        assertThat(dry.executed()).isEqualTo(3);
        assertThat(done).isEmpty();
        assertThat(log.executed(TENANT)).isEmpty();

        BatchRun.Report first = batch.run(TENANT, NOW, 100, false);
        assertThat(first.executed()).isEqualTo(3);
        assertThat(done).containsExactlyInAnyOrder("c1", "c2");
        assertThat(log.executed(TENANT)).hasSize(3);
        assertThat(log.handOffs(TENANT)).singleElement().asString().contains("c3 human_review", "SMTP refused");
        assertThat(first.lines()).anyMatch(l -> l.contains("failed, handed to a person"));

        BatchRun.Report again = batch.run(TENANT, NOW.plusSeconds(900), 100, false);
        assertThat(again.executed()).isZero();
        assertThat(done).hasSize(2);
    }

    @Test
    void eachRunIsKeptStepByStepWithTheCountsAndTheAccountsEachStepNamed() {
        InMemoryOutreachLog log = new InMemoryOutreachLog();
        ActionQueue queue = queue(3, log, Clock.fixed(NOW, ZoneOffset.UTC));
        dev.aragent.agent.spi.InMemoryBatchRuns runs = new dev.aragent.agent.spi.InMemoryBatchRuns();
        BatchRun batch = new BatchRun(queue, log, (tenant, e) -> {
                    if (e.customer().value().equals("c3")) {
                        throw new IllegalStateException("SMTP refused");
                    }
                    return "emailed";
                })
                .recordingIn(runs);

        batch.run(TENANT, NOW, 100, true);
        assertThat(runs.latest(TENANT)).as("a dry run is kept nowhere").isEmpty();
        batch.run(TENANT, NOW, 100, false);

        Workflow run = runs.latest(TENANT).orElseThrow();
        assertThat(run.at()).isEqualTo(NOW);
        assertThat(run.steps())
                .extracting(Workflow.Step::name)
                .containsExactly(
                        "Pull overdue invoices",
                        "Exclusions",
                        "Cadence",
                        "Risk and priority",
                        "Rules",
                        "Channel and time window",
                        "Actions",
                        "Recorded");
        assertThat(run.steps().getFirst().out()).isEqualTo(3);
        Workflow.Step actions = run.steps().get(6);
        assertThat(actions.in()).isEqualTo(3);
        assertThat(actions.out()).isEqualTo(3);
        assertThat(actions.lines())
                .extracting(Workflow.Line::why)
                .containsExactlyInAnyOrder("emailed", "emailed", "failed, handed to a person: SMTP refused");
        assertThat(run.steps().get(3).lines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l.why()).contains("risk"));

        // a quarter of an hour later the queue has nothing left to do today: the steps say where it went
        batch.run(TENANT, NOW.plusSeconds(900), 100, false);
        Workflow later = runs.latest(TENANT).orElseThrow();
        assertThat(later.at()).isEqualTo(NOW.plusSeconds(900));
        assertThat(later.steps().get(6).in()).isZero();
        assertThat(later.steps().get(2).out()).isZero();
    }

    @Test
    void anActionDueNowIsExecutedWhenTheClockMovesDuringThePass() {
        // real time moves between the batch's "now" and the queue's reading of the clock; found by the simulator
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        Clock moving = dev.aragent.agent.work.TestClocks.of(() -> NOW.plusMillis(reads.incrementAndGet()));
        InMemoryOutreachLog log = new InMemoryOutreachLog();
        ActionQueue queue = queue(1, log, moving);
        // the batch executes accounts side by side on worker threads: the record of what ran must be thread-safe
        List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchRun batch = new BatchRun(queue, log, (tenant, e) -> {
            done.add(e.customer().value());
            return "sent";
        });

        BatchRun.Report pass = batch.run(TENANT, moving.instant(), 100, false);

        assertThat(pass.executed()).isEqualTo(1);
        assertThat(pass.notYetInWindow()).isZero();
        assertThat(done).containsExactly("c1");
    }

    @Test
    void anAccountWaitingOnACreditMemoGetsOneTaskForAPersonHoweverManyPassesRun() {
        InMemoryOutreachLog log = new InMemoryOutreachLog();
        ActionQueue queue = queue(
                2,
                log,
                Clock.fixed(NOW, ZoneOffset.UTC),
                List.of(dev.aragent.agent.spi.Books.credit("c2", "CM-7", 1_000)));
        // the batch executes accounts side by side on worker threads: the record of what ran must be thread-safe
        List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchRun batch = new BatchRun(queue, log, (tenant, e) -> {
            done.add(e.customer().value());
            return "sent";
        });

        batch.run(TENANT, NOW, 100, false);
        batch.run(TENANT, NOW.plusSeconds(900), 100, false);

        assertThat(done).containsExactly("c1");
        assertThat(log.handOffs(TENANT)).singleElement().asString().contains("c2 apply_credit_memo", "CM-7");
    }

    private static ActionQueue queue(int accounts, InMemoryOutreachLog log, Clock clock) {
        return queue(accounts, log, clock, List.of());
    }

    /** A queue over the first {@code accounts} of three (20, 35 and 9 days past due) reading {@code clock}. */
    private static ActionQueue queue(
            int accounts, InMemoryOutreachLog log, Clock clock, List<dev.aragent.agent.ledger.CreditMemo> memos) {
        LocalDate today = LocalDate.of(2026, 11, 24);
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.apply(
                TENANT,
                aging(
                        List.of(
                                        customerWithEmail("c1", "Blue Fern Bistro", "ap@bluefern.example"),
                                        customerWithEmail("c2", "Granite Supply", "ap@granite.example"),
                                        customerWithEmail("c3", "Oak Cafe", "ap@oak.example"))
                                .subList(0, accounts),
                        List.of(
                                        open("c1", "INV-1", today.minusDays(20), 120_000, 120_000),
                                        open("c2", "INV-2", today.minusDays(35), 80_000, 80_000),
                                        open("c3", "INV-3", today.minusDays(9), 5_000, 5_000))
                                .subList(0, accounts),
                        memos),
                audit(ImportKind.AGING, accounts));
        return ActionQueue.create(
                ledger,
                ContactLog.empty(),
                log,
                t -> Optional.empty(),
                t -> QueueRules.defaults(),
                Tone.lexicon(),
                clock);
    }
}
