package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.loopback.DemoClock;
import dev.aragent.server.App;
import dev.aragent.server.Settings;
import dev.aragent.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short simulation on a small book: both arms run through the real mail server and imports, the debtors are the same
 * in both, and every figure comes from what happened.
 */
class SimulationIT {
    @TempDir
    Path dir;

    @Test
    void theAgentAndPlainDunningMeetTheSameDebtorsAndTheReportCountsWhatHappened() {
        DemoClock clock = DemoClock.ticking(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);
        Settings settings = Settings.load(dir.resolve("absent.yaml"), Map.of("AR_TENANT", "sim-agent"))
                .withDataDir(dir);
        List<String> days = new ArrayList<>();
        Simulation.Result r;
        int textsIn;
        try (App app = App.with(settings, clock, TestDatabase.fresh())) {
            r = Simulation.run(
                    app, new Simulation.Settings(7, 100, 8, 8), clock, dir, (done, of, counts) -> days.add(counts));
            // beyond email, through the service's real endpoints: debtors' texts in by signed webhook, calls held
            // over ConversationRelay, approvals decided by clicks in Slack
            textsIn = count(
                    app,
                    "select count(*) from messages where tenant_id = 'sim-agent' and channel = 'sms'"
                            + " and direction = 'inbound'");
            assertThat(textsIn).as("debtors' texts the agent received").isPositive();
            assertThat(count(
                            app,
                            "select count(*) from messages where tenant_id = 'sim-agent' and channel = 'sms'"
                                    + " and direction = 'outbound' and status in ('sent', 'delivered')"))
                    .as("texts sent through Twilio")
                    .isPositive();
            assertThat(count(
                            app,
                            "select count(*) from call_lines where tenant_id = 'sim-agent' and speaker = 'debtor'"))
                    .as("what debtors said on the agent's calls")
                    .isPositive();
            assertThat(count(
                            app,
                            "select count(*) from approvals where tenant_id = 'sim-agent'"
                                    + " and decided_by like 'sim-manager@ar-agent.invalid (%) via Slack U0SIM'"))
                    .as("approvals the AR manager decided in Slack")
                    .isEqualTo(count(
                            app,
                            "select count(*) from approvals where tenant_id = 'sim-agent'"
                                    + " and decided_by is not null"))
                    .isPositive();
            assertThat(count(
                            app,
                            "select count(*) from messages where tenant_id = 'sim-dunning'"
                                    + " and channel <> 'email'"))
                    .as("plain dunning only emails")
                    .isZero();
            assertThat(count(
                            app,
                            "select count(*) from invoices where tenant_id = 'sim-agent' and status = 'paid'"
                                    + " and settled_date >= date '" + r.start() + "'"))
                    .as("the payments the debtors made settled their invoices in the agent's ledger")
                    .isPositive();
            assertThat(count(app, "select count(*) from bank_files where tenant_id = 'sim-agent'"))
                    .as("the agent learns of payments from the bank's files")
                    .isPositive();
            assertThat(count(
                            app,
                            "select count(*) from imports where tenant_id = 'sim-agent' and kind = 'payments'"
                                    + " and source like 'payments-%'"))
                    .as("not from a daily payments CSV (the book's own history is imported once, before)")
                    .isZero();
        }
        assertThat(days).hasSize(8);
        assertThat(r.debtors()).isGreaterThan(20);
        assertThat(r.mix().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.debtors());
        assertThat(r.mix()).containsKeys(Persona.PAYS_ON_REMINDER, Persona.GHOSTS);

        Simulation.Arm agent = r.agent();
        Simulation.Arm dunning = r.dunning();
        assertThat(agent.emails()).isPositive();
        assertThat(dunning.emails()).isPositive();
        assertThat(agent.repliesRead()).as("the agent reads every answer").isEqualTo(agent.debtorReplies());
        assertThat(dunning.repliesRead()).as("plain dunning reads none").isZero();
        assertThat(dunning.promises()).isZero();
        assertThat(dunning.humanTouches()).isZero();
        assertThat(agent.touchesByKind().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("every human touch is counted under what it was")
                .isEqualTo(agent.humanTouches());
        assertThat(agent.touchesByKind()).containsKey("approval");
        assertThat(agent.touchesByDay()).hasSize(8);
        assertThat(agent.touchesByDay().stream().mapToInt(Integer::intValue).sum())
                .as("every human touch is counted on its day")
                .isEqualTo(agent.humanTouches());
        assertThat(agent.daysOverCapacity()).isEqualTo((int)
                agent.touchesByDay().stream().filter(t -> t > 30).count());
        assertThat(agent.collected()).isEqualTo(sum(agent.collectedByDay()));
        assertThat(dunning.collected()).isEqualTo(sum(dunning.collectedByDay()));
        assertThat(agent.collectedAfterContact()).isLessThanOrEqualTo(agent.collected());
        assertThat(r.invoicedMinor())
                .as("invoices issued during the period (a living book)")
                .isPositive();
        assertThat(agent.openAtEnd()).isEqualTo(agent.openAtStart() + r.invoicedMinor() - agent.collected());
        Simulation.Arm team = r.team();
        assertThat(team.openAtEnd()).isEqualTo(team.openAtStart() + r.invoicedMinor() - team.collected());
        assertThat(team.emails() + team.texts())
                .as("the team alone sends nothing")
                .isZero();
        assertThat(team.touchesByDay()).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(30));
        assertThat(agent.touchesByDay())
                .as("the team's capacity holds on every day: what does not fit waits")
                .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(30));
        assertThat(agent.months()).singleElement().satisfies(m -> {
            assertThat(m.lastDay()).isEqualTo(8);
            assertThat(m.dso()).isPositive();
            assertThat(m.cei()).isBetween(0.0, 100.0);
        });
        // the fee is on the agent's uplift over plain dunning, not on cash plain dunning collected too
        assertThat(r.feeBaseMinor()).isLessThan(agent.collectedAfterContact());
        assertThat(r.feeMinor()).isEqualTo(Math.round(r.feeBaseMinor() * 0.08));
        assertThat(agent.contactedAfterOptOut()).isLessThanOrEqualTo(dunning.contactedAfterOptOut());
        assertThat(agent.texts()).isPositive();
        assertThat(agent.textReplies())
                .as("every text a debtor sent reached the agent")
                .isEqualTo(textsIn);
        assertThat(agent.calls()).isGreaterThanOrEqualTo(agent.callsAnswered());
        assertThat(agent.callsAnswered()).isPositive().isGreaterThanOrEqualTo(agent.callPromises());
        assertThat(dunning.texts() + dunning.calls()).isZero();
        assertThat(agent.cashAuto()).as("receipts the agent applied alone").isPositive();
        assertThat(agent.cashAuto())
                .as("most receipts apply themselves")
                .isGreaterThan(agent.cashByPerson() + agent.cashUnapplied());
        assertThat(agent.cashMisapplied())
                .as("every receipt the agent applied alone went where its payer meant")
                .isZero();
        assertThat(agent.contactedAfterPayment())
                .as("no reminder or text about an invoice already paid")
                .isZero();
        assertThat(agent.cashLink())
                .as("debtors paid through the links the agent's messages carried")
                .isPositive();
        assertThat(dunning.cashLink())
                .as("plain dunning's messages carry no link")
                .isZero();

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        SimReport.print(new PrintStream(text, true, StandardCharsets.UTF_8), r);
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("demo.agent.dso: ")
                .contains("demo.baseline.dso: ")
                .contains("demo.team.dso: ")
                .contains("demo.agent.dso_m1: ")
                .contains("demo.agent.countback_dso_m1: ")
                .contains("demo.agent.best_dso_m1: ")
                .contains("demo.agent.days_delinquent_m1: ")
                .contains("demo.dso_vs_baseline: ")
                .contains("demo.days_delinquent_vs_baseline: ")
                .contains(SimReport.dsoReading(r))
                .contains("demo.team.cei_m1: ")
                .contains("demo.agent.collected_m1: " + plainMoney(agent.collected()) + "\n")
                .contains("demo.agent.collected: ")
                .contains("demo.fee: ")
                .contains("demo.agent.retrainings: ")
                .contains("demo.agent.after_payment: 0\n")
                .contains("Payments reach the agent only as a real installation learns of them")
                .contains("demo.agent.cash_link: ")
                .contains("demo.agent.days_over_capacity: ")
                .contains("The AR team: 2 people × 15 touches a day = 30.")
                .contains("the agent's human touches: ");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        SimReport.sensitivity(new PrintStream(table, true, StandardCharsets.UTF_8), List.of(r));
        assertThat(table.toString(StandardCharsets.UTF_8))
                .contains("Sensitivity: the same 8-day quarter")
                .contains("sensitivity.base.agent.dso: ")
                .contains("sensitivity.base.team.write_offs: ")
                .contains(SimReport.verdict(r));
        assertThat(text.toString(StandardCharsets.UTF_8))
                .contains("The debtors' behaviour (assumptions: base)")
                .contains("project brief");
        String html = SimReport.html(r);
        assertThat(html)
                .contains("<svg")
                .contains("<polyline")
                .contains("plain dunning")
                .contains("team alone")
                .contains("every parameter and its source")
                .contains("aria-label=\"the agent's human touches by kind\"")
                .endsWith("</html>\n");
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedWithTheOptionToFix() {
        assertThatThrownBy(() -> new Simulation.Settings(1, 100, 0, 8)).hasMessageContaining("--days");
        assertThatThrownBy(() -> new Simulation.Settings(1, 5, 10, 8)).hasMessageContaining("--accounts");
        assertThatThrownBy(() -> new Simulation.Settings(1, 100, 10, 90)).hasMessageContaining("--fee-percent");
        assertThatThrownBy(() -> new Simulation.Settings(1, 100, 10, 8, 0, 15)).hasMessageContaining("--team");
    }

    private static int count(App app, String sql) {
        return app.database()
                .jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    /** An amount in minor units as the figure lines write it (no decimals when whole). */
    private static String plainMoney(long minor) {
        double v = minor / 100.0;
        return v == Math.rint(v)
                ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
