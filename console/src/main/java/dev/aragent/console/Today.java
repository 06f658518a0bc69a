package dev.aragent.console;

import dev.aragent.agent.access.Principal;
import dev.aragent.agent.app.Workbench;
import dev.aragent.agent.queue.ActionQueue;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.queue.Reach;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.risk.Assessment;
import dev.aragent.agent.tasks.PersonTask;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The worklist page ({@code /}): the agent's queue for today, each account with why it is there (risk and its top
 * factors, the priority arithmetic, the rules applied) and what the agent will do and when in the debtor's own time;
 * what waits for a person; and the team's capacity against it.
 *
 * @param planned when the queue shown was planned, in the tenant's time
 * @param tasks the open tasks for people, due first
 * @param rows the queue in order
 * @param skipped accounts with open invoices the rules kept off the queue, and why
 * @param model what the risk model is and how good it was on held-out invoices
 */
public record Today(
        Who who,
        LocalDate day,
        String planned,
        List<TaskRow> tasks,
        List<Row> rows,
        List<Skipped> skipped,
        Capacity capacity,
        String model) {
    /** Touches a day one person makes when the tenant has not said otherwise: the seed's two people, 30 a day. */
    public static final int TOUCHES_PER_PERSON = 15;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    public Today {
        tasks = List.copyOf(tasks);
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** One account on the queue. {@code when} is the debtor's local time and zone. */
    public record Row(
            int rank,
            String customer,
            String account,
            String invoices,
            String amount,
            long daysOverdue,
            String risk,
            String channel,
            String strategy,
            String when,
            List<String> factors,
            List<String> notes,
            boolean forAPerson) {}

    /** An account left off today's queue, with the rule that did it and what a person should do, if anything. */
    public record Skipped(String customer, String account, String reason, String forAPerson) {}

    /** The team (people who work the queue × touches a day each) against what waits for a person today. */
    public record Capacity(int people, int touchesEach, int waiting) {
        public int touches() {
            return people * touchesEach;
        }

        /** Whether more waits than the team can reach today. */
        public boolean over() {
            return waiting > touches();
        }
    }

    /** Today's page for {@code who} from the worklist: the open tasks, the queue, the people working them. */
    public static Today of(Principal who, String csrf, Workbench.Worklist w) {
        return of(who, csrf, w.tasks(), w.plan(), w.planned(), w.people(), w.day(), w.zone(), w.paidUp(), w.stakes());
    }

    /**
     * Today's page for {@code who} from the queue's {@code plan} (made at {@code planned}) and the open {@code tasks},
     * with {@code people} working them on the tenant's {@code day} in its {@code zone}.
     */
    public static Today of(
            Principal who,
            String csrf,
            List<PersonTask> tasks,
            ActionQueue.Plan plan,
            java.time.Instant planned,
            int people,
            LocalDate day,
            ZoneId zone,
            java.util.Set<dev.aragent.agent.ledger.CustomerKey> paidUp,
            java.util.Map<dev.aragent.agent.ledger.CustomerKey, dev.aragent.agent.tasks.TaskOrder.Stake> stakes) {
        List<Row> rows = plan.entries().stream().map(Today::row).toList();
        List<Skipped> skipped = plan.skipped().stream()
                .map(k -> new Skipped(
                        k.name(),
                        k.customer().value(),
                        k.reason(),
                        k.forAPerson().orElse("")))
                .toList();
        int waiting = (int) (tasks.size()
                + rows.stream().filter(Row::forAPerson).count()
                + skipped.stream().filter(k -> !k.forAPerson().isEmpty()).count());
        String model = plan.model().kind() + " v" + plan.model().version()
                + plan.model()
                        .test()
                        .map(m -> String.format(Locale.ROOT, ", AUC %.3f on held-out invoices", m.auc()))
                        .orElse("")
                + " — " + plan.model().why();
        return new Today(
                Who.of(who, csrf),
                day,
                planned.atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ENGLISH)),
                tasks.stream()
                        .map(t -> TaskRow.of(t, day, zone, csrf, who.login())
                                .paidUp(t.customer().filter(paidUp::contains).isPresent())
                                .atStake(t.customer()
                                        .map(stakes::get)
                                        .map(dev.aragent.agent.tasks.TaskOrder.Stake::words)
                                        .orElse("")))
                        .toList(),
                rows,
                skipped,
                new Capacity(people, TOUCHES_PER_PERSON, waiting),
                model);
    }

    private static Row row(QueueEntry e) {
        return new Row(
                e.rank(),
                e.customerName(),
                e.customer().value(),
                Portfolio.listed(e.invoiceNumbers()),
                e.amount().format(),
                e.daysOverdue(),
                Risk.percent(e.risk()),
                channel(e.action().channel()),
                e.action().strategy().code().replace('_', ' '),
                e.action().when().format(WHEN) + " (" + e.timeZone().getId() + ")",
                e.factors().stream().map(f -> f.display()).toList(),
                e.notes(),
                e.action().channel() == Reach.HUMAN);
    }

    private static String channel(Reach r) {
        return switch (r) {
            case HUMAN -> "a person";
            default -> r.code();
        };
    }

    /** How risk is to be read, shown beside every figure of it. */
    public String riskNote() {
        return Assessment.FRAMING;
    }
}
