package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.server.cli.CliRun;
import dev.aragent.store.Database;
import dev.aragent.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code risk train | eval | sample-history} and {@code queue} on the model and the AR manager's rules. */
class RiskCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Database db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void book() {
        db = TestDatabase.fresh();
        CliRun demo = CliRun.of(
                "demo",
                "--tour",
                "--accounts",
                "250",
                "--seed",
                "3",
                "--as-of",
                "2026-11-22",
                "--emails",
                "0",
                "--tenant",
                "risk",
                "--data-dir",
                dir.toString(),
                "--database-url",
                db.jdbcUrl());
        assertThat(demo.exit()).as(demo.out()).isZero();
    }

    private static CliRun cli(String... args) {
        return CliRun.of(concat(args, new String[] {
            "--tenant", "risk", "--data-dir", dir.toString(), "--database-url", db.jdbcUrl(), "--as-of", "2026-11-22"
        }));
    }

    private static double figure(String out, String name) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(name) + ": ([0-9.]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainSavesANewVersionTheQueueUsesWithFactorsInWords() throws Exception {
        CliRun train = cli("risk", "train");
        assertThat(train.exit()).as(train.out()).isZero();
        double auc = figure(train.out(), "risk.model.auc");
        double baseline = figure(train.out(), "risk.candidate.rule_aging_bucket.auc");
        assertThat(auc).isGreaterThan(baseline).isGreaterThan(0.7);
        assertThat(train.out())
                .contains("calibration on held-out rows")
                .containsPattern("saved: .*risk-model-v\\d{4}\\.json");

        CliRun queue = cli("queue", "--json", "--limit", "5");
        assertThat(queue.exit()).as(queue.out()).isZero();
        JsonNode q = JSON.readTree(queue.out());
        assertThat(q.at("/model/kind").asText()).isEqualTo("lightgbm");
        assertThat(q.at("/model/test_auc").asDouble()).isEqualTo(auc, org.assertj.core.data.Offset.offset(0.001));
        assertThat(q.get("entries").size()).isEqualTo(5);
        JsonNode first = q.at("/entries/0");
        for (String field : new String[] {
            "account",
            "contact",
            "invoices",
            "amount",
            "days_overdue",
            "time_zone",
            "priority",
            "risk",
            "factors",
            "action",
            "notes"
        }) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.at("/factors").size()).isEqualTo(3);
        assertThat(first.at("/factors/0/words").asText()).isNotBlank();
        assertThat(q.at("/entries/0/priority").asDouble())
                .isGreaterThanOrEqualTo(q.at("/entries/1/priority").asDouble());

        String vip = first.at("/account").asText();
        Path rules = dir.resolve("queue-rules/risk.yaml");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, """
                caps:
                  email: {max: 2, days: 7}
                segments:
                  restaurants: {priority: 0.5, note: "pay late but pay"}
                customers:
                  %s: {channel: human, note: "VIP: the owner calls"}
                """.formatted(vip));
        JsonNode ruled = JSON.readTree(cli("queue", "--json", "--limit", "400").out());
        JsonNode entry = null;
        for (JsonNode e : ruled.get("entries")) {
            if (e.at("/account").asText().equals(vip)) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.at("/action/channel").asText()).isEqualTo("human");
        assertThat(entry.at("/action/strategy").asText()).isEqualTo("human_call");
        assertThat(entry.get("notes").toString()).contains("VIP: the owner calls");

        Files.writeString(rules, "cadense: [1, 2]\n");
        CliRun typo = cli("queue");
        assertThat(typo.exit()).isNotZero();
        assertThat(typo.out()).contains("unknown rule 'cadense.0'");
        Files.delete(rules);
    }

    @Test
    void batchExecutesDueActionsOnceAndReportShowsThePortfolio() throws Exception {
        String[] at = {
            "--tenant",
            "risk",
            "--data-dir",
            dir.toString(),
            "--database-url",
            db.jdbcUrl(),
            "--now",
            "2026-11-24T19:00:00Z"
        };
        CliRun dry = CliRun.of(concat(new String[] {"batch", "--dry-run", "--max", "30"}, at));
        assertThat(dry.exit()).as(dry.out()).isZero();
        double would = figure(dry.out(), "batch.would_execute");
        assertThat(would).isPositive();
        CliRun first = CliRun.of(concat(new String[] {"batch", "--max", "30"}, at));
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(figure(first.out(), "batch.executed")).isEqualTo(would);
        assertThat(first.out()).contains("task for the AR team: ");
        int tasks = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from tasks where tenant_id = 'risk' and kind <> 'apply_credit_memo'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(tasks).isEqualTo((int) would);
        String memoTasks = "select count(*) || ' ' || count(distinct customer_key) from tasks where tenant_id = 'risk'"
                + " and kind = 'apply_credit_memo'";
        String memos = db.jdbi()
                .withHandle(h -> h.createQuery(memoTasks).mapTo(String.class).one());
        assertThat(memos)
                .as("an account left out for a pending credit memo: one task to apply it")
                .matches("([1-9][0-9]*) \\1");
        CliRun second = CliRun.of(concat(new String[] {"batch", "--max", "30"}, at));
        double more = figure(second.out(), "batch.executed"); // the next accounts: the first ones wait their next step
        int[] outreach = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*), count(distinct customer_key) from outreach where tenant_id = 'risk'")
                        .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)})
                        .one());
        assertThat(outreach[0]).isEqualTo((int) (would + more));
        assertThat(outreach[1]).as("no account is contacted twice").isEqualTo(outreach[0]);
        String memosAfter = db.jdbi()
                .withHandle(h -> h.createQuery(memoTasks).mapTo(String.class).one());
        assertThat(memosAfter).as("a second pass asks nobody twice").isEqualTo(memos);

        CliRun report = CliRun.of(concat(new String[] {"report", "--json"}, at));
        assertThat(report.exit()).as(report.out()).isZero();
        JsonNode r = JSON.readTree(report.out());
        assertThat(r.get("dso_days").asDouble()).isPositive();
        assertThat(r.get("cei_percent_30_days").asDouble()).isBetween(0.0, 100.0);
        assertThat(r.get("likely_write_offs").size()).isPositive();
        assertThat(r.at("/likely_write_offs/0/risk").asDouble()).isGreaterThanOrEqualTo(0.7);
        assertThat(r.at("/likely_write_offs/0/oldest_days_past_due").asInt()).isGreaterThan(60);
        // counts are counts and money, not the length of a capped list; one row per account
        assertThat(r.get("likely_write_off_invoices").asInt())
                .isGreaterThanOrEqualTo(r.get("likely_write_offs").size());
        assertThat(r.get("likely_write_off_accounts").asInt())
                .isGreaterThanOrEqualTo(r.get("likely_write_offs").size());
        assertThat(r.at("/likely_write_off_open/amount").asDouble()).isPositive();
        java.util.Set<String> accounts = new java.util.HashSet<>();
        r.get("likely_write_offs")
                .forEach(
                        w -> assertThat(accounts.add(w.get("account").asText())).isTrue());
        CliRun text = CliRun.of(concat(new String[] {"report"}, at));
        assertThat(text.out()).contains("report.dso:", "Likely write-offs this week", "HTML report with charts:");
        Path html = dir.resolve("reports/report-risk-2026-11-24.html");
        assertThat(Files.readString(html))
                .contains("<svg", "Likely write-offs this week", "DSO")
                // the calibration chart has a scale on both axes and the diagonal of perfect calibration
                .contains("dashed: perfect calibration", ">0.50</text>", "observed share", "predicted probability");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void evalOnAHistoryFileReportsAucForLatePayment() throws Exception {
        Path file = dir.resolve("history.csv");
        CliRun written =
                CliRun.of("risk", "sample-history", file.toString(), "--accounts", "400", "--as-of", "2026-11-22");
        assertThat(written.exit()).as(written.out()).isZero();
        CliRun eval = CliRun.of("risk", "eval", "--history", file.toString());
        assertThat(eval.exit()).as(eval.out()).isZero();
        assertThat(eval.out()).contains("extra columns [segment, payment_method]", "settled after the due date");
        assertThat(figure(eval.out(), "risk.model.auc")).isGreaterThan(0.65);
        // what orders the queue is the best of the learned model and every simple rule, and the output says which
        Matcher candidates = Pattern.compile("(?m)^risk\\.candidate\\.(\\S+)\\.auc: ([0-9.]+)")
                .matcher(eval.out());
        List<String> names = new java.util.ArrayList<>();
        while (candidates.find()) {
            names.add(candidates.group(1));
            assertThat(figure(eval.out(), "risk.model.auc"))
                    .as(candidates.group(1))
                    .isGreaterThanOrEqualTo(Double.parseDouble(candidates.group(2)));
        }
        assertThat(names).contains("lightgbm", "rule_share_paid_late", "rule_aging_bucket");
        assertThat(eval.out()).containsPattern("(?m)^risk\\.orders_queue: (lightgbm|rule:\\w+)$");
        assertThat(eval.out()).containsPattern("(?m)^risk\\.why: the learned model's held-out AUC");
    }

    @Test
    void aBrokenHistoryFileIsRefusedWithTheLineAndColumn() throws Exception {
        Path missing = dir.resolve("missing.csv");
        Files.writeString(
                missing,
                "customer_id,invoice_id,invoice_date,due_date,amount,settled_date\nC1,I1,2026-01-01,"
                        + "2026-01-31,10.00,\n");
        CliRun a = CliRun.of("risk", "eval", "--history", missing.toString());
        assertThat(a.exit()).isNotZero();
        assertThat(a.out()).contains("missing column(s) [disputed]");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed,region
                C1,I1,2026-01-01,2026-01-31,10.00,,no,West
                C1,I2,2026-13-01,2026-01-31,10.00,,no,West
                C2,I3,2026-02-01,2026-01-31,ten,,maybe,East
                """);
        CliRun b = CliRun.of("risk", "eval", "--history", bad.toString());
        assertThat(b.exit()).isNotZero();
        assertThat(b.out())
                .contains("line 3: invoice_date '2026-13-01' is not an ISO date")
                .contains("line 4: ");
    }
}
