package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Policy.Limits;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a debtor's proposal against a {@link Policy}: accept it when the agent may agree alone, ask a person when
 * they may, otherwise counter with the best offer the agent may make; decline only when nothing can be offered. Pure
 * and deterministic. Every accepted or countered {@link Terms} satisfies the automatic limits (property-tested).
 */
public final class PolicyEngine {
    private PolicyEngine() {}

    public static Decision evaluate(Policy policy, Terms proposal, LocalDate today) {
        String v = policy.version();
        if (proposal.balance().isNegative() || proposal.balance().isZero()) {
            return new Decision.Decline(v, List.of("nothing is owed"));
        }
        List<String> autoBreaks = violations(policy, policy.auto(), proposal, today, true);
        if (autoBreaks.isEmpty()) {
            return new Decision.Accept(proposal, v, List.of("within the automatic limits of policy " + v));
        }
        List<String> approvableBreaks = violations(policy, policy.approvable(), proposal, today, false);
        Optional<Terms> fallback = agentMayOffer(policy, proposal.balance())
                ? Optional.of(bestOffer(policy, policy.auto(), proposal, today))
                : Optional.empty();
        if (approvableBreaks.isEmpty()) {
            return new Decision.NeedsApproval(proposal, approver(policy, proposal.balance()), fallback, v, autoBreaks);
        }
        if (fallback.isPresent()) {
            return new Decision.Counter(fallback.get(), v, approvableBreaks);
        }
        Terms best = bestOffer(policy, policy.approvable(), proposal, today);
        List<String> reasons = new ArrayList<>(approvableBreaks);
        reasons.add("every arrangement on a balance this large needs approval");
        return new Decision.NeedsApproval(best, approver(policy, proposal.balance()), Optional.empty(), v, reasons);
    }

    /**
     * What the agent may offer unprompted, most attractive first: the whole balance at once within the immediate
     * window (with the automatic discount when there is one), then the longest plan the automatic limits allow.
     */
    public static List<Terms> offers(Policy policy, Money balance, LocalDate today) {
        Limits l = policy.auto();
        List<Terms> out = new ArrayList<>();
        LocalDate limit = today.plusDays(Math.min(policy.immediateDays(), l.maxPromiseDays()));
        LocalDate soon = onAWeekday(
                max(policy.earliestFirstPayment(today, today.plusDays(l.maxPromiseDays())), limit),
                today,
                today.plusDays(l.maxPromiseDays()));
        int discount = soon.isAfter(today.plusDays(policy.immediateDays())) ? 0 : l.maxDiscountPercent();
        Terms full = new Terms(balance, discount, false, List.of(new Installment(soon, balance)));
        out.add(new Terms(balance, discount, false, List.of(new Installment(soon, full.due()))));
        if (l.maxInstallments() > 1) {
            Terms longest = longestPlan(policy, l, balance, today);
            if (longest.isPlan()) {
                out.add(longest);
            }
        }
        return out;
    }

    /**
     * The most installments over the longest time a tier allows, the first payment at its minimum within the first
     * payment window: what a struggling debtor can be offered (tier {@code auto}) or asked for (tier {@code approvable}).
     * One payment when the tier allows no plan.
     */
    public static Terms longestPlan(Policy policy, Limits l, Money balance, LocalDate today) {
        List<Installment> wanted = new ArrayList<>();
        for (int i = 0; i < l.maxInstallments(); i++) {
            wanted.add(new Installment(today.plusDays(l.maxPlanDays()), new Money(1, balance.currency())));
        }
        return bestOffer(policy, l, new Terms(balance, 0, false, wanted), today);
    }

    private static boolean agentMayOffer(Policy policy, Money balance) {
        return policy.approvalAbove()
                .filter(limit -> limit.currency().equals(balance.currency()))
                .map(limit -> balance.compareTo(limit) < 0)
                .orElse(true);
    }

    private static String approver(Policy policy, Money balance) {
        boolean senior = policy.seniorAbove()
                .filter(limit -> limit.currency().equals(balance.currency()))
                .map(limit -> balance.compareTo(limit) >= 0)
                .orElse(false);
        return senior ? policy.seniorApprover() : policy.approver();
    }

    /** Why {@code t} breaks the tier {@code l}; empty when it does not. */
    static List<String> violations(Policy policy, Limits l, Terms t, LocalDate today, boolean automatic) {
        List<String> out = new ArrayList<>();
        Money due = t.due();
        int cmp = t.total().compareTo(due);
        if (cmp < 0) {
            out.add("pays " + t.total().format() + " of the " + due.format() + " owed");
        } else if (cmp > 0) {
            out.add("adds up to " + t.total().format() + ", more than the " + due.format() + " owed");
        }
        if (t.firstDue().isBefore(today)) {
            out.add("a payment is dated before today");
        }
        long toLast = ChronoUnit.DAYS.between(today, t.lastDue());
        if (!t.isPlan() && toLast > l.maxPromiseDays()) {
            out.add("pays in " + toLast + " days; the limit for one payment is " + l.maxPromiseDays());
        }
        if (t.isPlan()) {
            if (t.installments().size() > l.maxInstallments()) {
                out.add(t.installments().size() + " installments; the limit is " + l.maxInstallments());
            }
            if (toLast > l.maxPlanDays()) {
                out.add("the plan runs " + toLast + " days; the limit is " + l.maxPlanDays());
            }
            Money minFirst = minFirst(t.balance(), l);
            if (t.installments().getFirst().amount().compareTo(minFirst) < 0) {
                out.add("the first payment "
                        + t.installments().getFirst().amount().format() + " is below the " + l.minFirstPaymentPercent()
                        + " % minimum (" + minFirst.format() + ")");
            }
            if (ChronoUnit.DAYS.between(today, t.firstDue()) > policy.firstPaymentWithinDays()) {
                out.add("the first payment is more than " + policy.firstPaymentWithinDays() + " days away");
            }
        }
        if (t.discountPercent() > l.maxDiscountPercent()) {
            out.add("a " + t.discountPercent() + " % discount; the limit is " + l.maxDiscountPercent() + " %");
        }
        if (t.discountPercent() > 0
                && (t.isPlan() || ChronoUnit.DAYS.between(today, t.lastDue()) > policy.immediateDays())) {
            out.add("a discount is only for paying in full within " + policy.immediateDays() + " days");
        }
        if (automatic && t.lateFeesWaived() && !waiverAllowed(policy, t)) {
            out.add("waiving late fees on these terms needs approval");
        }
        if (automatic && !agentMayOffer(policy, t.balance())) {
            out.add("a balance of " + t.balance().format() + " needs approval for any arrangement");
        }
        return out;
    }

    private static boolean waiverAllowed(Policy policy, Terms t) {
        return switch (policy.lateFeeWaiver()) {
            case NEVER -> false;
            case ON_FULL_PAYMENT -> !t.isPlan();
            case ON_PLAN -> true;
        };
    }

    static Money minFirst(Money balance, Limits l) {
        long minor = Math.ceilDiv(Math.multiplyExact(balance.minor(), (long) l.minFirstPaymentPercent()), 100L);
        return new Money(minor, balance.currency());
    }

    /**
     * The offer closest to {@code p} inside {@code l}: as many installments as asked (up to the limit), the first as
     * large as asked but not below the minimum and not later than allowed, the rest evenly spread to the proposed last
     * date or the limit; one payment when a plan cannot fit. Discount only for one prompt payment.
     */
    static Terms bestOffer(Policy policy, Limits l, Terms p, LocalDate today) {
        Money balance = p.balance();
        LocalDate promiseLimit = today.plusDays(l.maxPromiseDays());
        // what we offer leaves the debtor time to pay: never due the day it is offered
        LocalDate earliest = policy.earliestFirstPayment(today, promiseLimit);
        int n = Math.min(p.installments().size(), l.maxInstallments());
        if (n == 1) {
            LocalDate due = onAWeekday(clamp(p.lastDue(), earliest, promiseLimit), today, promiseLimit);
            boolean prompt = ChronoUnit.DAYS.between(today, due) <= policy.immediateDays();
            return single(policy, p, due, prompt ? Math.min(p.discountPercent(), l.maxDiscountPercent()) : 0);
        }
        LocalDate firstDue = onAWeekday(
                clamp(
                        p.firstDue(),
                        policy.earliestFirstPayment(today, today.plusDays(policy.firstPaymentWithinDays())),
                        today.plusDays(policy.firstPaymentWithinDays())),
                today,
                today.plusDays(policy.firstPaymentWithinDays()));
        LocalDate lastLimit = today.plusDays(l.maxPlanDays());
        if (ChronoUnit.DAYS.between(firstDue, lastLimit) < n - 1L) {
            return single(policy, p, clamp(firstDue, today, promiseLimit), 0);
        }
        LocalDate last = clamp(p.lastDue(), firstDue.plusDays(n - 1L), lastLimit);
        long firstMinor = Math.max(
                minFirst(balance, l).minor(),
                Math.min(p.installments().getFirst().amount().minor(), balance.minor()));
        long rest = balance.minor() - firstMinor;
        if (rest <= 0) {
            return single(policy, p, clamp(firstDue, today, promiseLimit), 0);
        }
        int later = (int) Math.min(n - 1L, rest);
        List<Installment> out = new ArrayList<>();
        out.add(new Installment(firstDue, new Money(firstMinor, balance.currency())));
        long span = ChronoUnit.DAYS.between(firstDue, last);
        long each = rest / later;
        for (int i = 1; i <= later; i++) {
            long amount = i == later ? rest - each * (later - 1) : each;
            LocalDate due = onAWeekday(
                    firstDue.plusDays(Math.round((double) span * i / later)),
                    out.getLast().due(),
                    last);
            out.add(new Installment(due, new Money(amount, balance.currency())));
        }
        boolean waive = p.lateFeesWaived() && policy.lateFeeWaiver() == Policy.LateFeeWaiver.ON_PLAN;
        return new Terms(balance, 0, waive, out);
    }

    private static Terms single(Policy policy, Terms p, LocalDate due, int discount) {
        boolean waive = p.lateFeesWaived() && policy.lateFeeWaiver() != Policy.LateFeeWaiver.NEVER;
        Terms shape = new Terms(p.balance(), discount, waive, List.of(new Installment(due, p.balance())));
        return new Terms(p.balance(), discount, waive, List.of(new Installment(due, shape.due())));
    }

    /**
     * An installment the agent schedules falls on a business day: a weekend date moves to the Monday after, or the
     * Friday before when Monday is past {@code latest}, and never to or before {@code after} (the previous payment).
     */
    public static LocalDate onAWeekday(LocalDate d, LocalDate after, LocalDate latest) {
        if (!weekend(d)) {
            return d;
        }
        LocalDate monday = d;
        while (weekend(monday)) {
            monday = monday.plusDays(1);
        }
        if (!monday.isAfter(latest)) {
            return monday;
        }
        LocalDate friday = d;
        while (weekend(friday)) {
            friday = friday.minusDays(1);
        }
        return friday.isAfter(after) ? friday : d;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate clamp(LocalDate d, LocalDate min, LocalDate max) {
        return d.isBefore(min) ? min : d.isAfter(max) ? max : d;
    }
}
