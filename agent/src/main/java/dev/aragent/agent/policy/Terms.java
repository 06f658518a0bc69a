package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a debtor would pay: the balance the terms settle, the discount taken off it (percent, only for paying at once),
 * whether late fees are waived, and the installments (one for a single promise), in date order, summing to the balance
 * less the discount.
 */
public record Terms(Money balance, int discountPercent, boolean lateFeesWaived, List<Installment> installments) {

    public Terms {
        Objects.requireNonNull(balance, "balance");
        installments = List.copyOf(installments);
        if (installments.isEmpty()) {
            throw new IllegalArgumentException("terms need at least one installment");
        }
        if (discountPercent < 0 || discountPercent > 100) {
            throw new IllegalArgumentException("discount must be 0-100 %: " + discountPercent);
        }
        for (int i = 0; i < installments.size(); i++) {
            if (!installments.get(i).amount().currency().equals(balance.currency())) {
                throw new IllegalArgumentException("installment " + (i + 1) + " is in "
                        + installments.get(i).amount().currency() + ", the balance in " + balance.currency());
            }
            if (i > 0
                    && installments
                            .get(i)
                            .due()
                            .isBefore(installments.get(i - 1).due())) {
                throw new IllegalArgumentException("installments must be in date order");
            }
        }
    }

    /** One payment of everything on one day. */
    public static Terms single(Money balance, LocalDate due) {
        return new Terms(balance, 0, false, List.of(new Installment(due, balance)));
    }

    public Money total() {
        return installments.stream().map(Installment::amount).reduce(Money.zero(balance.currency()), Money::plus);
    }

    /** What settles the balance under these terms: the balance less the discount, rounded down to the minor unit. */
    public Money due() {
        return new Money(balance.minor() - discountMinor(), balance.currency());
    }

    long discountMinor() {
        return Math.multiplyExact(balance.minor(), (long) discountPercent) / 100;
    }

    public LocalDate firstDue() {
        return installments.getFirst().due();
    }

    public LocalDate lastDue() {
        return installments.getLast().due();
    }

    /** "$1,062.50 on 2026-11-09, $1,593.75 on 2026-12-06": the installments as people read them in a list. */
    public String describe() {
        return String.join(
                ", ",
                installments.stream()
                        .map(i -> i.amount().format() + " on " + i.due())
                        .toList());
    }

    public boolean isPlan() {
        return installments.size() > 1;
    }

    /**
     * These terms on a balance that changed since they were offered: the installments keep their dates, the last one
     * absorbs the difference (a payment arrived meanwhile). Installments a smaller balance no longer needs are dropped.
     */
    public Terms withBalance(Money newBalance) {
        if (newBalance.equals(balance)) {
            return this;
        }
        java.util.List<Installment> out = new java.util.ArrayList<>();
        long left = newBalance.minor() - Math.multiplyExact(newBalance.minor(), (long) discountPercent) / 100;
        for (Installment i : installments) {
            if (left <= 0) {
                break;
            }
            boolean last = i == installments.getLast();
            long amount = last ? left : Math.min(left, i.amount().minor());
            out.add(new Installment(i.due(), new Money(amount, newBalance.currency())));
            left -= amount;
        }
        if (out.isEmpty()) {
            out.add(new Installment(installments.getFirst().due(), newBalance));
        }
        return new Terms(newBalance, discountPercent, lateFeesWaived, out);
    }
}
