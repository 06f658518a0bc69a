package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.AccountRecord;
import dev.aragent.agent.risk.Factor;
import dev.aragent.agent.risk.Features;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plans today's actions, one per account: which of its open invoices are due a touch in the cadence, through which
 * channel, with which strategy, at what local time, and why. Accounts are ordered by the expected value of acting now —
 * open amount × risk (from the model) × the share still recoverable at that age — under the AR manager's rules:
 * exclusions, pauses, segment and customer adjustments, opt-outs, frequency caps and contact windows.
 */
public final class ActionQueue {
    /** Days after an outreach within which a payment, promise or agreement counts as its success. */
    public static final int OUTCOME_DAYS = 14;

    private final dev.aragent.agent.spi.Ledger ledger;
    private final dev.aragent.agent.spi.ContactLog contacts;
    private final OutreachLog outreach;
    private final java.util.function.Function<dev.aragent.agent.ledger.TenantId, Optional<RiskModel>> models;
    private final java.util.function.Function<dev.aragent.agent.ledger.TenantId, QueueRules> rules;
    private final dev.aragent.agent.risk.Tone tone;
    private final java.time.Clock clock;

    private ActionQueue(
            dev.aragent.agent.spi.Ledger ledger,
            dev.aragent.agent.spi.ContactLog contacts,
            OutreachLog outreach,
            java.util.function.Function<dev.aragent.agent.ledger.TenantId, Optional<RiskModel>> models,
            java.util.function.Function<dev.aragent.agent.ledger.TenantId, QueueRules> rules,
            dev.aragent.agent.risk.Tone tone,
            java.time.Clock clock) {
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
            dev.aragent.agent.spi.Ledger ledger,
            dev.aragent.agent.spi.ContactLog contacts,
            OutreachLog outreach,
            java.util.function.Function<dev.aragent.agent.ledger.TenantId, Optional<RiskModel>> models,
            java.util.function.Function<dev.aragent.agent.ledger.TenantId, QueueRules> rules,
            dev.aragent.agent.risk.Tone tone,
            java.time.Clock clock) {
        return new ActionQueue(ledger, contacts, outreach, models, rules, tone, clock);
    }

    /** Today's plan for a tenant, at most {@code limit} entries. */
    public Plan plan(dev.aragent.agent.ledger.TenantId tenant, int limit) {
        List<AccountRecord> accounts = dev.aragent.agent.risk.AccountRecords.load(ledger, contacts, tenant);
        dev.aragent.agent.risk.Scoring scoring =
                dev.aragent.agent.risk.Scoring.of(models.apply(tenant), accounts, tone, clock.instant());
        RiskModel model = scoring.model();
        Features features = scoring.features();
        return plan(
                accounts,
                ledger.pausedInvoices(tenant),
                outreach.executed(tenant),
                model,
                features,
                rules.apply(tenant),
                clock.instant(),
                limit);
    }

    /** The entries of {@link #plan(dev.aragent.agent.ledger.TenantId, int)}. */
    public List<QueueEntry> today(dev.aragent.agent.ledger.TenantId tenant, int limit) {
        return plan(tenant, limit).entries();
    }

    /** The rules in force for a tenant. */
    public QueueRules rules(dev.aragent.agent.ledger.TenantId tenant) {
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

    /** An account the rules kept off today's queue. */
    public record Skip(dev.aragent.agent.ledger.CustomerKey customer, String name, String reason) {}

    /**
     * Plans over {@code accounts} at {@code now}. {@code paused} holds invoice numbers whose collection is paused
     * (disputes); {@code executed} the actions already taken (their steps count as done, their outcomes teach the
     * strategy choice).
     */
    public static Plan plan(
            Collection<AccountRecord> accounts,
            Set<String> paused,
            List<OutreachLog.Executed> executed,
            RiskModel model,
            Features features,
            QueueRules rules,
            Instant now,
            int limit) {
        Map<dev.aragent.agent.ledger.CustomerKey, Instant> lastExecuted = new HashMap<>();
        for (OutreachLog.Executed e : executed) {
            lastExecuted.merge(e.customer(), e.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        StrategyLearner learner = new StrategyLearner(results(executed, accounts, now));
        int width = features.schema().width();
        List<Candidate> candidates = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        int withOpen = 0;
        int waiting = 0;
        double[] rows = new double[1024 * width];
        int rowCount = 0;
        for (AccountRecord account : accounts) {
            Customer customer = account.customer();
            ZoneId zone = customer.timeZone().orElse(rules.defaultZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<Invoice> open = account.invoices().stream()
                    .filter(i -> i.status() == InvoiceStatus.OPEN
                            && !i.openBalance().isZero()
                            && !paused.contains(i.number()))
                    .toList();
            if (open.isEmpty()) {
                continue;
            }
            withOpen++;
            List<Integer> cadence = rules.cadenceFor(customer.segment());
            int firstStep = cadence.stream().min(Integer::compare).orElseThrow();
            List<Invoice> due = open.stream()
                    .filter(i -> i.daysPastDue(today) >= firstStep)
                    .sorted(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                    .toList();
            if (due.isEmpty()) {
                continue;
            }
            if (rules.excludeAutoPay() && customer.tags().stream().anyMatch(ActionQueue::isAutoPay)) {
                skipped.add(new Skip(customer.key(), customer.name(), "auto-pay customer: left out of the cadence"));
                continue;
            }
            if (rules.skipWhenCreditMemoPending() && !account.creditMemos().isEmpty()) {
                skipped.add(new Skip(
                        customer.key(),
                        customer.name(),
                        "credit memo " + account.creditMemos().getFirst().number()
                                + " pending: apply it before asking for payment"));
                continue;
            }
            var activity = account.activity();
            if (activity.cadencePaused()
                    && activity.retryOn().map(r -> r.isAfter(today)).orElse(true)) {
                String stage = activity.lastOutcome()
                        .map(o -> o.stage().replace('_', ' '))
                        .orElse("in conversation");
                skipped.add(new Skip(
                        customer.key(),
                        customer.name(),
                        "cadence paused: " + stage
                                + activity.retryOn()
                                        .map(r -> ", next look on " + r)
                                        .orElse("")));
                continue;
            }
            long maxDays = due.getFirst().daysPastDue(today);
            int step = firstStep;
            for (int s : cadence) {
                if (s <= maxDays && s > step) {
                    step = s;
                }
            }
            Instant stepStarts =
                    due.getFirst().dueDate().plusDays(step).atStartOfDay(zone).toInstant();
            Optional<Instant> lastOut = lastOutbound(account, lastExecuted.get(customer.key()));
            if (lastOut.isPresent() && !lastOut.get().isBefore(stepStarts)) {
                waiting++;
                continue;
            }
            Features.Summary summary = features.summary(account, today, now);
            int from = rowCount;
            for (Invoice i : due) {
                if ((rowCount + 1) * width > rows.length) {
                    rows = java.util.Arrays.copyOf(rows, rows.length * 2);
                }
                features.row(account, i, today, now, summary, rows, rowCount * width);
                rowCount++;
            }
            candidates.add(new Candidate(account, zone, today, due, step, maxDays, summary, from, rowCount));
        }
        double[] all = java.util.Arrays.copyOf(rows, rowCount * width);
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
        Map<dev.aragent.agent.ledger.CustomerKey, Candidate> byKey = new HashMap<>();
        candidates.forEach(c -> byKey.put(c.account().customer().key(), c));
        List<double[]> groups = new ArrayList<>(shown);
        List<double[]> weights = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            Candidate c = byKey.get(entries.get(k).customer());
            groups.add(java.util.Arrays.copyOfRange(all, c.from() * width, c.to() * width));
            weights.add(c.due().stream()
                    .mapToDouble(i -> (double) i.openBalance().minor())
                    .toArray());
        }
        List<List<Factor>> factors = model.explainGroups(groups, weights);
        List<QueueEntry> top = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            top.add(entries.get(k).ranked(k + 1, factors.get(k)));
        }
        return new Plan(top, skipped, withOpen, rowCount, waiting, model.info());
    }

    private record Candidate(
            AccountRecord account,
            ZoneId zone,
            LocalDate today,
            List<Invoice> due,
            int step,
            long maxDays,
            Features.Summary summary,
            int from,
            int to) {}

    private static QueueEntry entry(
            Candidate c,
            double[] paid,
            QueueRules rules,
            StrategyLearner learner,
            SplittableRandom random,
            Instant now) {
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

        Choice choice = channel(c, rules, override, amount, notes, now);
        Outreach strategy;
        if (choice.reach() == Reach.HUMAN) {
            strategy = Outreach.HUMAN_CALL;
        } else {
            StrategyLearner.Choice learned = learner.choose(segment, c.step(), candidatesFor(c), random);
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

    private record Choice(Reach reach, Optional<Contact> contact, Instant notBefore) {}

    private static Choice channel(
            Candidate c,
            QueueRules rules,
            QueueRules.CustomerRule override,
            Money amount,
            List<String> notes,
            Instant now) {
        List<Contact> contacts = c.account().customer().contacts();
        Optional<Contact> email = contacts.stream()
                .filter(k -> k.email().isPresent() && !k.emailOptOut())
                .findFirst();
        Optional<Contact> sms = contacts.stream()
                .filter(k -> k.phone().isPresent() && !k.smsOptOut())
                .findFirst();
        Optional<Contact> phone =
                contacts.stream().filter(k -> k.phone().isPresent()).findFirst();
        if (override != null && override.channel().isPresent()) {
            Reach forced = override.channel().get();
            notes.add("customer rule: " + forced.code() + " only"
                    + (override.note().isBlank() ? "" : " (" + override.note() + ")"));
            Optional<Contact> who = forced == Reach.EMAIL ? email : forced == Reach.SMS ? sms : phone;
            return new Choice(forced, who.or(() -> contacts.stream().findFirst()), now);
        }
        if (contacts.stream().anyMatch(k -> k.email().isPresent() && k.emailOptOut())) {
            notes.add("email opted out");
        }
        if (contacts.stream().anyMatch(k -> k.phone().isPresent() && k.smsOptOut())) {
            notes.add("SMS opted out");
        }
        if (email.isEmpty() && sms.isEmpty() && contacts.stream().anyMatch(k -> k.emailOptOut() || k.smsOptOut())) {
            notes.add("opted out of email and SMS: automated outreach stopped, a person decides");
            return new Choice(Reach.HUMAN, phone.or(() -> contacts.stream().findFirst()), now);
        }
        var summary = c.summary();
        List<Reach> order = new ArrayList<>();
        boolean highValue = amount.minor() >= rules.highValueMinor() && c.maxDays() >= 30;
        if (phone.isPresent() && (highValue || summary.broken60() >= 2 || summary.unanswered() >= 3)) {
            notes.add(
                    summary.broken60() >= 2
                            ? summary.broken60() + " broken promises in 60 days: call"
                            : highValue
                                    ? "high value (" + amount.format() + ") and " + c.maxDays() + " days late: call"
                                    : summary.unanswered() + " messages without an answer: call");
            order.addAll(List.of(Reach.CALL, Reach.EMAIL, Reach.SMS));
        } else if (summary.unanswered() >= 2 && sms.isPresent()) {
            notes.add(summary.unanswered() + " emails without an answer: try SMS");
            order.addAll(List.of(Reach.SMS, Reach.EMAIL, Reach.CALL));
        } else {
            order.addAll(List.of(Reach.EMAIL, Reach.SMS, Reach.CALL));
        }
        Instant earliest = null;
        Reach deferred = null;
        for (Reach r : order) {
            Optional<Contact> who = r == Reach.EMAIL ? email : r == Reach.SMS ? sms : phone;
            if (who.isEmpty()) {
                continue;
            }
            QueueRules.Cap cap = rules.caps().get(r);
            if (cap == null) {
                return new Choice(r, who, now);
            }
            Instant windowStart = now.minus(cap.days(), ChronoUnit.DAYS);
            var channel =
                    switch (r) {
                        case EMAIL -> dev.aragent.agent.drafting.Channel.EMAIL;
                        case SMS -> dev.aragent.agent.drafting.Channel.SMS;
                        default -> dev.aragent.agent.drafting.Channel.VOICE;
                    };
            long sent = c.account().activity().sent(channel, windowStart, now.plusSeconds(1));
            if (sent < cap.max()) {
                return new Choice(r, who, now);
            }
            notes.add(String.format(Locale.ROOT, "%s cap reached (%d in %d days)", r.code(), cap.max(), cap.days()));
            Instant frees = c.account().activity().touches().stream()
                    .filter(t -> !t.inbound() && t.channel() == channel && !t.at().isBefore(windowStart))
                    .map(t -> t.at().plus(cap.days(), ChronoUnit.DAYS))
                    .min(Comparator.naturalOrder())
                    .orElse(now);
            if (earliest == null || frees.isBefore(earliest)) {
                earliest = frees;
                deferred = r;
            }
        }
        if (deferred != null) {
            Reach r = deferred;
            notes.add("every allowed channel is at its cap: " + r.code() + " when the cap frees");
            return new Choice(r, r == Reach.EMAIL ? email : r == Reach.SMS ? sms : phone, earliest);
        }
        notes.add("no reachable contact (none on file, or all opted out): a person must find one");
        return new Choice(Reach.HUMAN, contacts.stream().findFirst(), now);
    }

    private static List<Outreach> candidatesFor(Candidate c) {
        if (c.maxDays() >= 90) {
            return List.of(Outreach.FINAL_NOTICE);
        }
        if (c.maxDays() >= 60) {
            return List.of(Outreach.ESCALATION_NOTICE, Outreach.PAYMENT_PLAN_OFFER);
        }
        if (c.step() >= 30) {
            return List.of(Outreach.PAYMENT_PLAN_OFFER, Outreach.ESCALATION_NOTICE);
        }
        if (c.step() >= 14) {
            return List.of(Outreach.VALUE_ADDED_FOLLOW_UP, Outreach.PAYMENT_PLAN_OFFER);
        }
        if (c.step() >= 7) {
            return List.of(Outreach.GENTLE_REMINDER, Outreach.VALUE_ADDED_FOLLOW_UP);
        }
        return List.of(Outreach.GENTLE_REMINDER);
    }

    private static Optional<Instant> lastOutbound(AccountRecord account, Instant executed) {
        Optional<Instant> touched = account.activity().touches().stream()
                .filter(t -> !t.inbound())
                .map(dev.aragent.agent.risk.AccountActivity.Touch::at)
                .max(Comparator.naturalOrder());
        if (executed == null) {
            return touched;
        }
        return Optional.of(touched.filter(t -> t.isAfter(executed)).orElse(executed));
    }

    private static boolean isAutoPay(String tag) {
        String t =
                tag.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return t.equals("autopay");
    }

    /**
     * What each executed action led to, once its outcome window has passed (or earlier, on success): a payment
     * received, or a promise made, within {@link #OUTCOME_DAYS} days.
     */
    static List<StrategyLearner.Result> results(
            List<OutreachLog.Executed> executed, Collection<AccountRecord> accounts, Instant now) {
        if (executed.isEmpty()) {
            return List.of();
        }
        Map<dev.aragent.agent.ledger.CustomerKey, AccountRecord> byKey = new HashMap<>();
        accounts.forEach(a -> byKey.put(a.customer().key(), a));
        List<StrategyLearner.Result> out = new ArrayList<>();
        for (OutreachLog.Executed e : executed) {
            AccountRecord a = byKey.get(e.customer());
            if (a == null) {
                continue;
            }
            Instant until = e.at().plus(OUTCOME_DAYS, ChronoUnit.DAYS);
            LocalDate from = LocalDate.ofInstant(e.at(), java.time.ZoneOffset.UTC);
            LocalDate to = LocalDate.ofInstant(until, java.time.ZoneOffset.UTC);
            boolean paid = a.payments().stream()
                    .anyMatch(p ->
                            !p.receivedOn().isBefore(from) && !p.receivedOn().isAfter(to));
            boolean promised = a.activity().promises().stream()
                    .anyMatch(p -> !p.madeAt().isBefore(e.at()) && p.madeAt().isBefore(until));
            boolean success = paid || promised;
            if (success || !until.isAfter(now)) {
                out.add(new StrategyLearner.Result(e.segment(), e.step(), e.strategy(), success));
            }
        }
        return out;
    }
}
