package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One batch run as the AR manager reads it, step by step: the accounts with open invoices pulled, those the rules
 * left out and why, those not due a touch today, risk and priority, the AR manager's rules that changed an account's
 * place or channel, the channel and local time chosen, the actions carried out, and what was recorded — with the count
 * going in and coming out of each step and the accounts it dropped or kept, each with why.
 */
public record Workflow(Instant at, List<Step> steps) {
    public Workflow {
        steps = List.copyOf(steps);
    }

    /** The accounts a step lists at most (the counts are always whole). */
    public static final int LINES = 500;

    /** One step: what it does, how many accounts came in and went on, and the accounts it names with why. */
    public record Step(String name, String words, int in, int out, List<Line> lines) {
        public Step {
            lines = List.copyOf(lines);
        }
    }

    /** An account a step dropped or kept, and why. */
    public record Line(CustomerKey customer, String name, String why) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    /**
     * The run that planned {@code plan} at {@code at} and carried out {@code due} (each with what it did, or empty
     * when it had been done before), leaving {@code notYet} for later in the day; {@code handedOn} the tasks for
     * people it opened besides (credit memos to apply).
     */
    static Workflow of(
            Instant at,
            ActionQueue.Plan plan,
            List<QueueEntry> due,
            List<Optional<String>> results,
            int notYet,
            int handedOn) {
        List<Step> steps = new ArrayList<>();
        int open = plan.accountsWithOpenInvoices();
        steps.add(new Step(
                "Pull overdue invoices",
                "Accounts with open invoices in the book (" + plan.invoicesScored()
                        + " invoices due a touch were scored).",
                open,
                open,
                List.of()));
        List<Line> excluded = plan.skipped().stream()
                .map(s -> new Line(s.customer(), s.name(), s.reason()))
                .limit(LINES)
                .toList();
        int afterExclusions = open - plan.skipped().size();
        steps.add(new Step(
                "Exclusions",
                "Left out by the rules: paused or taken over, disputes, credit memos pending, auto-pay, promises and"
                        + " call-backs not yet due, opt-outs, caps.",
                open,
                afterExclusions,
                excluded));
        int candidates = plan.entries().size();
        steps.add(new Step(
                "Cadence",
                "Not due a touch today by the cadence: " + plan.waiting() + " accounts.",
                afterExclusions,
                candidates,
                List.of()));
        steps.add(new Step(
                "Risk and priority",
                "Ordered by amount × risk × the share still recoverable; the risk is a probability indicator.",
                candidates,
                candidates,
                plan.entries().stream()
                        .limit(LINES)
                        .map(e -> new Line(
                                e.customer(),
                                e.customerName(),
                                String.format(
                                        Locale.ROOT,
                                        "#%d: %s open, %d days past due, risk %.0f %%, priority %.0f",
                                        e.rank(),
                                        e.amount().format(),
                                        e.daysOverdue(),
                                        e.risk() * 100,
                                        e.priority())))
                        .toList()));
        List<Line> ruled = plan.entries().stream()
                .filter(e -> !e.notes().isEmpty())
                .limit(LINES)
                .map(e -> new Line(e.customer(), e.customerName(), String.join("; ", e.notes())))
                .toList();
        steps.add(new Step(
                "Rules",
                "The AR manager's segment and customer rules that changed an account's place or channel: "
                        + plan.entries().stream()
                                .filter(e -> !e.notes().isEmpty())
                                .count() + " accounts.",
                candidates,
                candidates,
                ruled));
        Map<Reach, Integer> byChannel = new EnumMap<>(Reach.class);
        plan.entries().forEach(e -> byChannel.merge(e.action().channel(), 1, Integer::sum));
        steps.add(new Step(
                "Channel and time window",
                "By channel: "
                        + byChannel.entrySet().stream()
                                .map(c -> c.getValue() + " " + c.getKey().code())
                                .collect(Collectors.joining(", "))
                        + "; each in the debtor's contact window, " + notYet + " later today.",
                candidates,
                due.size(),
                plan.entries().stream()
                        .limit(LINES)
                        .map(e -> new Line(
                                e.customer(),
                                e.customerName(),
                                e.action().channel().code() + ", "
                                        + e.action().strategy().words() + ", "
                                        + TIME.format(e.action().when()) + " their time ("
                                        + e.action().when().getZone().getId() + ")"))
                        .toList()));
        List<Line> done = new ArrayList<>();
        int executed = 0;
        for (int k = 0; k < due.size(); k++) {
            QueueEntry e = due.get(k);
            Optional<String> r = results.get(k);
            if (r.isPresent()) {
                executed++;
            }
            if (done.size() < LINES) {
                done.add(new Line(e.customer(), e.customerName(), r.orElse("already done by an earlier run")));
            }
        }
        steps.add(new Step(
                "Actions",
                "Carried out now: each claimed in the outreach log first, so no run repeats one.",
                due.size(),
                executed,
                done));
        long people =
                due.stream().filter(e -> e.action().channel() == Reach.HUMAN).count();
        steps.add(new Step(
                "Recorded",
                executed + " actions recorded once each; " + (people + handedOn)
                        + " tasks for people opened (their outcomes become dispositions, written to the CRM).",
                executed,
                executed,
                List.of()));
        return new Workflow(at, steps);
    }
}
