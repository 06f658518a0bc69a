package dev.aragent.agent.queue;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.risk.AccountActivity;
import dev.aragent.agent.risk.AccountRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which accounts are due a touch today: open invoices not paused, in the cadence, not excluded by the rules (auto-pay,
 * a pending credit memo, a conversation that pauses the cadence), and the step they reached not yet taken.
 */
final class Screening {
    private Screening() {}

    /** What the screening of all accounts counted. */
    static final class Tally {
        final List<ActionQueue.Skip> skipped = new ArrayList<>();
        int withOpen;
        int waiting;
    }

    /**
     * Past the cadence's last step an account is touched again every this many days while it stays unpaid (the
     * simulator showed that without it the agent fell silent on old debts after one message).
     */
    static final int REPEAT_AFTER_LAST_STEP = 14;
    /** Days a paused conversation with no retry date (escalated, handed to a person) keeps the cadence paused. */
    static final int PAUSE_WITHOUT_RETRY = 7;

    /** An account's invoices due a touch: the step they reached and the day in the debtor's zone. */
    record Due(ZoneId zone, LocalDate today, List<Invoice> invoices, int step, long maxDays) {}

    /**
     * Whether an account is due a touch today: open invoices not paused, in the cadence, not excluded or paused by the
     * rules, and the step they reached not yet taken. What it leaves out is counted in {@code tally}.
     */
    static Optional<Due> screen(
            AccountRecord account,
            Set<String> paused,
            Map<CustomerKey, Hold> holds,
            Map<CustomerKey, Instant> lastExecuted,
            QueueRules rules,
            Instant now,
            Tally tally) {
        Customer customer = account.customer();
        ZoneId zone = customer.timeZone().orElse(rules.defaultZone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Invoice> open = account.invoices().stream()
                .filter(i -> i.owing() && !paused.contains(i.number()))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        tally.withOpen++;
        List<Integer> cadence = rules.cadenceFor(customer.segment().orElse(""));
        int firstStep = cadence.stream().min(Integer::compare).orElseThrow();
        var due = open.stream()
                .filter(i -> i.daysPastDue(today) >= firstStep)
                .sorted(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Hold hold = holds.get(customer.key());
        if (hold != null) {
            // a person's hold comes first: the account is theirs, whatever else the rules would say
            tally.skipped.add(new ActionQueue.Skip(
                    customer.key(),
                    customer.name(),
                    hold.why(),
                    hold.kind() == Hold.Kind.TAKEN_OVER
                            ? Optional.of("the account is " + hold.by() + "'s: hand it back to the agent when done")
                            : Optional.empty()));
            return Optional.empty();
        }
        Optional<String> excluded = excluded(account, rules);
        if (excluded.isPresent()) {
            tally.skipped.add(
                    new ActionQueue.Skip(customer.key(), customer.name(), excluded.get(), forAPerson(account, rules)));
            return Optional.empty();
        }
        Optional<String> inConversation = conversationPause(account, today);
        if (inConversation.isPresent()) {
            // a conversation covers what was owed when it was held: invoices issued since keep their own cadence
            // (the simulated quarter showed an account on a payment plan receive no reminder of its new invoices)
            due = issuedSince(due, account);
            if (due.isEmpty()) {
                tally.skipped.add(
                        new ActionQueue.Skip(customer.key(), customer.name(), inConversation.get(), Optional.empty()));
                return Optional.empty();
            }
        }
        long maxDays = due.getFirst().daysPastDue(today);
        // past the cadence's last step each repeat is a step of its own (day 44, 58, …): recorded as the last step
        // again, the outreach log took it for the one already taken and the old debt was never written to twice
        int step = (int) stepDay(cadence, maxDays);
        // each invoice keeps its own cadence: the touch is due when any of them reached a step since the last one
        // went out (a new invoice's reminder is not lost while an older one waits for its next step)
        Instant stepStarts = due.stream()
                .map(i -> i.dueDate()
                        .plusDays(stepDay(cadence, i.daysPastDue(today)))
                        .atStartOfDay(zone)
                        .toInstant())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Optional<Instant> lastOut = lastOutbound(account, lastExecuted);
        if (lastOut.isPresent() && !lastOut.get().isBefore(stepStarts) && !redirected(account, lastOut.get())) {
            tally.waiting++;
            return Optional.empty();
        }
        return Optional.of(new Due(zone, today, due, step, maxDays));
    }

    /**
     * The days past due at which the step an invoice {@code daysPastDue} days late has reached began: the cadence's last
     * step at or before it, and past the last step every {@value #REPEAT_AFTER_LAST_STEP} days again.
     */
    static long stepDay(List<Integer> cadence, long daysPastDue) {
        int first = cadence.stream().min(Integer::compare).orElseThrow();
        int last = cadence.stream().max(Integer::compare).orElseThrow();
        if (daysPastDue > last) {
            return last + (daysPastDue - last) / REPEAT_AFTER_LAST_STEP * REPEAT_AFTER_LAST_STEP;
        }
        return cadence.stream()
                .filter(s -> s <= daysPastDue)
                .max(Integer::compare)
                .orElse(first);
    }

    /**
     * What a person must do for an account the rules leave out: apply its pending credit memo (the queue would wait
     * for ever otherwise). Empty for exclusions that end by themselves or by design (auto-pay, a paused conversation).
     */
    private static Optional<String> forAPerson(AccountRecord account, QueueRules rules) {
        boolean autoPay =
                rules.excludeAutoPay() && account.customer().tags().stream().anyMatch(Screening::isAutoPay);
        if (autoPay
                || !rules.skipWhenCreditMemoPending()
                || account.creditMemos().isEmpty()) {
            return Optional.empty();
        }
        var memo = account.creditMemos().getFirst();
        return Optional.of(
                "apply credit memo " + memo.number() + " (" + memo.amount().format()
                        + memo.appliesTo().map(i -> " to " + i).orElse("")
                        + ") in the ledger: collection on the account waits for it");
    }

    /**
     * Of {@code due}, the invoices issued after the conversation's last turn. An escalation waits for a person on what
     * it was about; an account a person took over is held whole (a hold, screened before this).
     */
    private static List<Invoice> issuedSince(List<Invoice> due, AccountRecord account) {
        var outcome = account.activity().lastOutcome();
        if (outcome.isEmpty()) {
            return List.of();
        }
        LocalDate held = outcome.get().at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return due.stream().filter(i -> i.issueDate().isAfter(held)).toList();
    }

    /** Why the rules leave an account out today (auto-pay, a pending credit memo, a legal hold), if they do. */
    private static Optional<String> excluded(AccountRecord account, QueueRules rules) {
        Customer customer = account.customer();
        if (rules.excludeAutoPay() && customer.tags().stream().anyMatch(Screening::isAutoPay)) {
            return Optional.of("auto-pay customer: left out of the cadence");
        }
        if (rules.skipWhenCreditMemoPending() && !account.creditMemos().isEmpty()) {
            return Optional.of("credit memo " + account.creditMemos().getFirst().number()
                    + " pending: apply it before asking for payment");
        }
        var activity = account.activity();
        if (activity.lastOutcome()
                .map(o -> o.paymentStatus().equals("legal_hold"))
                .orElse(false)) {
            return Optional.of("legal hold: a person handles the account until they release it");
        }
        return Optional.empty();
    }

    /** Why a conversation in progress pauses the account's cadence today, if one does. */
    private static Optional<String> conversationPause(AccountRecord account, LocalDate today) {
        var activity = account.activity();
        // a pause without a retry date (handed to a person, a call asked for) lasts a week from the last turn, not
        // for ever: the simulator found three accounts in four silent after an escalation nobody followed up
        Optional<LocalDate> retry = activity.retryOn()
                .or(() -> activity.lastOutcome()
                        .map(o -> o.at().atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .plusDays(PAUSE_WITHOUT_RETRY)));
        // the conversation of the last outcome still holds the invoices it covered, even when a reminder of new
        // invoices opened another conversation since
        boolean held = activity.cadencePaused()
                || activity.lastOutcome()
                        .map(o -> AccountActivity.holdsCadence(o.stage()))
                        .orElse(false);
        if (held && retry.map(r -> r.isAfter(today)).orElse(true)) {
            String stage =
                    activity.lastOutcome().map(o -> o.stage().replace('_', ' ')).orElse("in conversation");
            return Optional.of("cadence paused: " + stage
                    + retry.map(r -> ", next look on " + r).orElse(""));
        }
        return Optional.empty();
    }

    /**
     * The last we heard was "not me" and nothing has gone out since but its confirmation: the contact they named (or
     * the account's next one, or a person) is written to at the next pass, not a cadence step later.
     */
    private static boolean redirected(AccountRecord account, Instant lastOut) {
        return account.activity()
                .lastOutcome()
                .filter(o -> o.paymentStatus().equals("wrong_contact"))
                .map(o -> !lastOut.isAfter(o.at().plus(java.time.Duration.ofHours(1))))
                .orElse(false);
    }

    private static Optional<Instant> lastOutbound(AccountRecord account, Map<CustomerKey, Instant> lastExecuted) {
        Optional<Instant> executed =
                Optional.ofNullable(lastExecuted.get(account.customer().key()));
        Optional<Instant> touched = account.activity().touches().stream()
                .filter(t -> !t.inbound())
                .map(AccountActivity.Touch::at)
                .max(Comparator.naturalOrder());
        return Stream.concat(touched.stream(), executed.stream()).max(Comparator.naturalOrder());
    }

    private static boolean isAutoPay(String tag) {
        String t =
                tag.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return t.equals("autopay");
    }
}
