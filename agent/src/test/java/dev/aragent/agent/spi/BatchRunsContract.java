package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link BatchRuns} must do: the latest run comes back whole, in step order; tenants stay apart. */
public interface BatchRunsContract {
    BatchRuns runs();

    /** The tenant exists. */
    void givenTenant(TenantId tenant);

    Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    default TenantId freshTenant() {
        TenantId t = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        givenTenant(t);
        return t;
    }

    static Workflow run(Instant at, String why) {
        return new Workflow(
                at,
                List.of(
                        new Workflow.Step("Pull overdue invoices", "Accounts with open invoices.", 3, 3, List.of()),
                        new Workflow.Step(
                                "Exclusions",
                                "Left out by the rules.",
                                3,
                                1,
                                List.of(
                                        new Workflow.Line(CustomerKey.of("C-1"), "Blue Fern <b>Bistro</b>", why),
                                        new Workflow.Line(CustomerKey.of("C-2"), "Harbor Foods", "auto-pay"))),
                        new Workflow.Step("Actions", "Carried out now.", 1, 1, List.of())));
    }

    @Test
    default void theLatestRunComesBackWholeInStepOrder() {
        TenantId t = freshTenant();
        assertThat(runs().latest(t)).isEmpty();
        Workflow first = run(NOW, "paused by dana: credit memo on its way");
        Workflow second = run(NOW.plus(Duration.ofDays(3)), "a promise to pay due Fri 27 Nov");

        runs().record(t, first);
        runs().record(t, second);

        assertThat(runs().latest(t)).contains(second);
    }

    @Test
    default void oneTenantNeverSeesAnothersRuns() {
        TenantId mine = freshTenant();
        TenantId theirs = freshTenant();
        runs().record(theirs, run(NOW, "theirs"));

        assertThat(runs().latest(mine)).isEmpty();
    }
}
