package dev.aragent.store;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.Workflow;
import dev.aragent.agent.spi.BatchRuns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Batch runs in PostgreSQL ({@code batch_runs}, their steps and lines, V24): each run in one transaction, the
 * tenant's {@link #KEPT} latest kept, older ones removed with their steps and lines.
 */
public final class PostgresBatchRuns implements BatchRuns {
    /** Runs a tenant keeps: two a week for a quarter and more. */
    static final int KEPT = 30;

    private final Tenanted jdbi;

    private PostgresBatchRuns(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresBatchRuns create(Database database) {
        return new PostgresBatchRuns(database.tenanted());
    }

    @Override
    public void record(TenantId tenant, Workflow run) {
        UUID id = UUID.randomUUID();
        jdbi.useTransaction("keep a batch run", tenant, h -> {
            h.createUpdate("insert into batch_runs (tenant_id, run_id, run_at) values (:t, :id, :at)")
                    .bind("t", tenant.value())
                    .bind("id", id)
                    .bind("at", OffsetDateTime.ofInstant(run.at(), ZoneOffset.UTC))
                    .execute();
            var steps = h.prepareBatch("""
                    insert into batch_run_steps (tenant_id, run_id, step_no, name, words, in_count, out_count)
                    values (:t, :id, :n, :name, :words, :in, :out)""");
            var lines = h.prepareBatch("""
                    insert into batch_run_lines (tenant_id, run_id, step_no, line_no, customer_key, name, why)
                    values (:t, :id, :n, :l, :c, :name, :why)""");
            int lineCount = 0;
            for (int n = 0; n < run.steps().size(); n++) {
                Workflow.Step s = run.steps().get(n);
                steps.bind("t", tenant.value())
                        .bind("id", id)
                        .bind("n", n)
                        .bind("name", s.name())
                        .bind("words", s.words())
                        .bind("in", s.in())
                        .bind("out", s.out())
                        .add();
                for (int l = 0; l < s.lines().size(); l++) {
                    Workflow.Line line = s.lines().get(l);
                    lines.bind("t", tenant.value())
                            .bind("id", id)
                            .bind("n", n)
                            .bind("l", l)
                            .bind("c", line.customer().value())
                            .bind("name", line.name())
                            .bind("why", line.why())
                            .add();
                    lineCount++;
                }
            }
            if (!run.steps().isEmpty()) {
                steps.execute();
            }
            if (lineCount > 0) {
                lines.execute();
            }
            h.createUpdate("""
                            delete from batch_runs where tenant_id = :t and run_id not in
                              (select run_id from batch_runs where tenant_id = :t order by run_at desc limit :kept)""").bind("t", tenant.value()).bind("kept", KEPT).execute();
        });
    }

    @Override
    public Optional<Workflow> latest(TenantId tenant) {
        return jdbi.withHandle("read the latest batch run", tenant, h -> {
            record Head(UUID id, OffsetDateTime at) {}
            Optional<Head> head = h.createQuery("""
                            select run_id, run_at from batch_runs where tenant_id = :t
                            order by run_at desc limit 1""")
                    .bind("t", tenant.value())
                    .map((rs, ctx) ->
                            new Head(rs.getObject("run_id", UUID.class), rs.getObject("run_at", OffsetDateTime.class)))
                    .findOne();
            if (head.isEmpty()) {
                return Optional.<Workflow>empty();
            }
            Map<Integer, List<Workflow.Line>> lines = new HashMap<>();
            h.createQuery("""
                            select step_no, customer_key, name, why from batch_run_lines
                            where tenant_id = :t and run_id = :id order by step_no, line_no""")
                    .bind("t", tenant.value())
                    .bind("id", head.get().id())
                    .map((rs, ctx) -> Map.entry(
                            rs.getInt("step_no"),
                            new Workflow.Line(
                                    CustomerKey.of(rs.getString("customer_key")),
                                    rs.getString("name"),
                                    rs.getString("why"))))
                    .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            List<Workflow.Step> steps = h.createQuery("""
                            select step_no, name, words, in_count, out_count from batch_run_steps
                            where tenant_id = :t and run_id = :id order by step_no""")
                    .bind("t", tenant.value())
                    .bind("id", head.get().id())
                    .map((rs, ctx) -> new Workflow.Step(
                            rs.getString("name"),
                            rs.getString("words"),
                            rs.getInt("in_count"),
                            rs.getInt("out_count"),
                            lines.getOrDefault(rs.getInt("step_no"), List.of())))
                    .list();
            return Optional.of(new Workflow(head.get().at().toInstant(), steps));
        });
    }
}
