package dev.aragent.agent.queue;

import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.Factor;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Plans today's actions, one per account: which of its open invoices are due a touch in the cadence, through which
 * channel, with which strategy, at what local time, and why. Accounts are ordered by the expected value of acting now —
 * open amount × risk (from the model) × the share still recoverable at that age — under the AR manager's rules:
 * exclusions, pauses, segment and customer adjustments, opt-outs, frequency caps and contact windows.
 */
public final class ActionQueue {
    private final Ledger ledger;
    private final ContactLog contacts;
    private final OutreachLog outreach;
    private final Function<TenantId, Optional<RiskModel>> models;
    private final Function<TenantId, QueueRules> rules;
    private final Tone tone;
    private final Clock clock;
    private final AccountHolds holds;

    private ActionQueue(
            Ledger ledger,
            ContactLog contacts,
            OutreachLog outreach,
            Function<TenantId, Optional<RiskModel>> models,
            Function<TenantId, QueueRules> rules,
            Tone tone,
            Clock clock,
            AccountHolds holds) {
        this.holds = holds;
        this.ledger = ledger;
        this.contacts = contacts;
        this.outreach = outreach;
        this.models = models;
        this.rules = rules;
        this.tone = tone;
        this.clock = clock;
    }

    /**
     * A queue over a ledger and the agent's logs. {@code models} gives a tenant's trained risk model, if any (without
     * one the aging baseline ranks); {@code rules} its queue rules.
     */
    public static ActionQueue create(
            Ledger ledger,
            ContactLog contacts,
            OutreachLog outreach,
            Function<TenantId, Optional<RiskModel>> models,
            Function<TenantId, QueueRules> rules,
            Tone tone,
            Clock clock) {
        return new ActionQueue(ledger, contacts, outreach, models, rules, tone, clock, AccountHolds.none());
    }

    /** This queue leaving out the accounts people paused or took over ({@code holds}). */
    public ActionQueue withHolds(AccountHolds holds) {
        return new ActionQueue(ledger, contacts, outreach, models, rules, tone, clock, holds);
    }

    /** Today's plan for a tenant, at most {@code limit} entries, each with its risk factors. */
    public Plan plan(TenantId tenant, int limit) {
        return plan(tenant, limit, true);
    }

    /**
     * {@link #plan(TenantId, int)}; without {@code explained} the entries carry no risk factors. The scheduler's batch
     * executes actions and reads no factors: their contributions (TreeSHAP) cost more than the scores themselves.
     */
    public Plan plan(TenantId tenant, int limit, boolean explained) {
        return plan(tenant, limit, explained, clock.instant());
    }

    /**
     * {@link #plan(TenantId, int, boolean)} as of {@code now}: a batch plans and executes at one instant, or an action
     * due "now" at planning would fall after the instant the batch compares it with.
     */
    public Plan plan(TenantId tenant, int limit, boolean explained, Instant now) {
        return plan(tenant, AccountRecords.load(ledger, contacts, tenant), limit, explained, now);
    }

    /** {@link #plan(TenantId, int, boolean, Instant)} over the tenant's {@code accounts} as the caller read them. */
    public Plan plan(TenantId tenant, List<AccountRecord> accounts, int limit, boolean explained, Instant now) {
        Scoring scoring = Scoring.of(models.apply(tenant), accounts, tone, now);
        RiskModel model = scoring.model();
        Features features = scoring.features();
        return plan(
                accounts,
                ledger.pausedInvoices(tenant),
                holds.holds(tenant),
                outreach.executed(tenant),
                model,
                features,
                rules.apply(tenant),
                now,
                limit,
                explained);
    }

    /** The entries of {@link #plan(TenantId, int)}. */
    public List<QueueEntry> today(TenantId tenant, int limit) {
        return plan(tenant, limit).entries();
    }

    /** The rules in force for a tenant. */
    public QueueRules rules(TenantId tenant) {
        return rules.apply(tenant);
    }

    /** Today's plan: the ordered entries (at most {@code limit}), the accounts left out and why. */
    public record Plan(
            List<QueueEntry> entries,
            List<Skip> skipped,
            int accountsWithOpenInvoices,
            int invoicesScored,
            int waiting,
            RiskModel.Info model) {
        public Plan {
            entries = List.copyOf(entries);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * An account the rules kept off today's queue, and what a person must do for it to come back, when a person must
     * (a pending credit memo waits for someone to apply it).
     */
    public record Skip(CustomerKey customer, String name, String reason, Optional<String> forAPerson) {}

    /**
     * Plans over {@code accounts} at {@code now}. {@code paused} holds invoice numbers whose collection is paused
     * (disputes), {@code holds} the accounts people paused or took over (left out, with who and why); {@code executed} the actions already taken (their steps count as done, their outcomes teach the
     * strategy choice); with {@code explained}, each entry carries its risk factors.
     */
    public static Plan plan(
            Collection<AccountRecord> accounts,
            Set<String> paused,
            Map<CustomerKey, Hold> holds,
            List<OutreachLog.Executed> executed,
            RiskModel model,
            Features features,
            QueueRules rules,
            Instant now,
            int limit,
            boolean explained) {
        Map<CustomerKey, Instant> lastExecuted = new HashMap<>();
        for (OutreachLog.Executed e : executed) {
            lastExecuted.merge(e.customer(), e.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        StrategyLearner learner = new StrategyLearner(StrategyLearner.results(executed, accounts, now));
        int width = features.schema().width();
        List<Candidate> candidates = new ArrayList<>();
        Screening.Tally tally = new Screening.Tally();
        double[] rows = new double[1024 * width];
        int rowCount = 0;
        for (AccountRecord account : accounts) {
            Optional<Screening.Due> screened =
                    Screening.screen(account, paused, holds, lastExecuted, rules, now, tally);
            if (screened.isEmpty()) {
                continue;
            }
            Screening.Due d = screened.get();
            Features.Summary summary = features.summary(account, d.today(), now);
            int from = rowCount;
            for (Invoice i : d.invoices()) {
                if ((rowCount + 1) * width > rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                }
                features.row(account, i, d.today(), now, summary, rows, rowCount * width);
                rowCount++;
            }
            candidates.add(new Candidate(
                    account, d.zone(), d.today(), d.invoices(), d.step(), d.maxDays(), summary, from, rowCount));
        }
        double[] all = Arrays.copyOf(rows, rowCount * width);
        double[] paid = model.probabilities(all);
        List<QueueEntry> entries = new ArrayList<>(candidates.size());
        SplittableRandom random = new SplittableRandom(now.getEpochSecond() / 86_400);
        for (Candidate c : candidates) {
            entries.add(entry(c, paid, rules, learner, random, now));
        }
        entries.sort(Comparator.comparingDouble(QueueEntry::priority)
                .reversed()
                .thenComparing(e -> e.customer().value()));
        int shown = Math.min(limit, entries.size());
        Map<CustomerKey, Candidate> byKey = new HashMap<>();
        candidates.forEach(c -> byKey.put(c.account().customer().key(), c));
        List<double[]> groups = new ArrayList<>(shown);
        List<double[]> weights = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            Candidate c = byKey.get(entries.get(k).customer());
            groups.add(Arrays.copyOfRange(all, c.from() * width, c.to() * width));
            weights.add(c.due().stream()
                    .mapToDouble(i -> (double) i.openBalance().minor())
                    .toArray());
        }
        List<List<Factor>> factors = explained ? model.explainGroups(groups, weights) : List.of();
        List<QueueEntry> top = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            top.add(entries.get(k).ranked(k + 1, explained ? factors.get(k) : List.of()));
        }
        return new Plan(top, tally.skipped, tally.withOpen, rowCount, tally.waiting, model.info());
    }

    /** The expected value of acting now, with the arithmetic and the rules that shaped it as notes. */
    private record Priority(Money amount, double risk, double value, List<String> notes) {}

    private static Priority priority(Candidate c, double[] paid, QueueRules rules) {
        Customer customer = c.account().customer();
        List<String> notes = new ArrayList<>();
        Money amount = Money.zero(c.due().getFirst().openBalance().currency());
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < c.due().size(); k++) {
            Invoice i = c.due().get(k);
            if (i.openBalance().currency().equals(amount.currency())) {
                amount = amount.plus(i.openBalance());
            }
            weighted += paid[c.from() + k] * i.openBalance().minor();
            total += i.openBalance().minor();
        }
        double pPaid = total > 0 ? weighted / total : paid[c.from()];
        double risk = 1 - pPaid;
        double recoverable = rules.recoverable(c.maxDays());
        double factor = 1;
        String segment = customer.segment().orElse("");
        QueueRules.SegmentRule seg = rules.segments().get(segment);
        if (seg != null && seg.priority() != 1) {
            factor *= seg.priority();
            notes.add(String.format(
                    Locale.ROOT,
                    "segment %s: priority × %.2f%s",
                    segment,
                    seg.priority(),
                    seg.note().isBlank() ? "" : " (" + seg.note() + ")"));
        }
        QueueRules.CustomerRule override = rules.customers().get(customer.key());
        if (override != null && override.priority() != 1) {
            factor *= override.priority();
            notes.add(String.format(Locale.ROOT, "customer rule: priority × %.2f", override.priority()));
        }
        QueueRules.Weights w = rules.weights();
        double major = amount.toMajor().doubleValue();
        double priority = factor
                * Math.pow(Math.max(major, 0), w.amount())
                * Math.pow(risk, w.risk())
                * Math.pow(recoverable, w.recovery());
        notes.add(
                0,
                String.format(
                        Locale.ROOT,
                        "priority = %s × risk %.2f × %.0f%% recoverable at %d days%s = %,.0f",
                        amount.format(),
                        risk,
                        recoverable * 100,
                        c.maxDays(),
                        factor != 1 ? String.format(Locale.ROOT, " × %.2f", factor) : "",
                        priority));

        return new Priority(amount, risk, priority, notes);
    }

    private static QueueEntry entry(
            Candidate c,
            double[] paid,
            QueueRules rules,
            StrategyLearner learner,
            SplittableRandom random,
            Instant now) {
        Customer customer = c.account().customer();
        String segment = customer.segment().orElse("");
        Priority p = priority(c, paid, rules);
        List<String> notes = new ArrayList<>(p.notes());
        Money amount = p.amount();
        double risk = p.risk();
        double priority = p.value();
        Channels.Choice choice = Channels.choose(c, rules, amount, notes, now);
        Outreach strategy;
        if (choice.reach() == Reach.HUMAN) {
            strategy = Outreach.HUMAN_CALL;
        } else {
            StrategyLearner.Choice learned =
                    learner.choose(segment, c.step(), StrategyLearner.candidates(c.step(), c.maxDays()), random);
            strategy = learned.strategy();
            if (!learned.why().isEmpty()) {
                notes.add(learned.why());
            }
        }
        ZonedDateTime when = ContactWindow.next(choice.notBefore(), c.zone(), rules.window());
        notes.add(String.format(
                Locale.ROOT,
                "when: %s %s–%s local (%s)%s",
                rules.window().businessDaysOnly() ? "business days" : "every day",
                rules.window().from(),
                rules.window().to(),
                c.zone(),
                when.toInstant().isAfter(now.plusSeconds(60)) ? ", next opening " + when.toLocalDateTime() : ", now"));
        return new QueueEntry(
                0,
                customer.key(),
                customer.name(),
                segment,
                choice.contact(),
                c.due(),
                amount,
                c.maxDays(),
                c.zone(),
                priority,
                risk,
                List.of(),
                new QueueEntry.Action(choice.reach(), strategy, when, c.step()),
                notes);
    }
}
