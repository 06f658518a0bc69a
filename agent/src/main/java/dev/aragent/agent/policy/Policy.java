package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms one debtor may be offered, in two tiers: {@code auto} limits the agent applies alone, {@code approvable}
 * limits a person may approve (who: {@code approver}, or {@code seniorApprover} from {@code seniorAbove}), beyond which
 * a proposal is countered with the best offer the agent may make. {@code version} names the policy in every audit
 * record.
 */
public record Policy(
        String version,
        Limits auto,
        Limits approvable,
        int firstPaymentWithinDays,
        int immediateDays,
        LateFeeWaiver lateFeeWaiver,
        Optional<Money> approvalAbove,
        String approver,
        Optional<Money> seniorAbove,
        String seniorApprover,
        int leadBusinessDays) {

    /** The usual lead: an offer's first payment falls at least this many business days after the day it is made. */
    public static final int DEFAULT_LEAD_BUSINESS_DAYS = 2;

    /**
     * Limits of one tier: installments, days from today to the last payment of a plan, days to a single promised
     * payment, the smallest first payment as a percent of the balance, the largest discount for paying at once.
     */
    public record Limits(
            int maxInstallments,
            int maxPlanDays,
            int maxPromiseDays,
            int minFirstPaymentPercent,
            int maxDiscountPercent) {
        public Limits {
            if (maxInstallments < 1 || maxInstallments > 36) {
                throw new IllegalArgumentException("max installments must be 1-36: " + maxInstallments);
            }
            if (maxPlanDays < 0 || maxPromiseDays < 0) {
                throw new IllegalArgumentException("day limits cannot be negative");
            }
            if (minFirstPaymentPercent < 1 || minFirstPaymentPercent > 100) {
                throw new IllegalArgumentException("min first payment must be 1-100 %: " + minFirstPaymentPercent);
            }
            if (maxDiscountPercent < 0 || maxDiscountPercent > 50) {
                throw new IllegalArgumentException("max discount must be 0-50 %: " + maxDiscountPercent);
            }
        }

        /** The tier in words, for a person deciding within it. */
        public String describe() {
            return "up to " + maxInstallments + " payments over " + maxPlanDays + " days, the first at least "
                    + minFirstPaymentPercent + " % of the balance; one payment within " + maxPromiseDays + " days"
                    + (maxDiscountPercent > 0 ? "; a discount up to " + maxDiscountPercent + " %" : "");
        }

        /** Whether every limit of this tier is at least as generous as {@code other}'s. */
        boolean covers(Limits other) {
            return maxInstallments >= other.maxInstallments
                    && maxPlanDays >= other.maxPlanDays
                    && maxPromiseDays >= other.maxPromiseDays
                    && minFirstPaymentPercent <= other.minFirstPaymentPercent
                    && maxDiscountPercent >= other.maxDiscountPercent;
        }
    }

    /** When late fees may be waived without a person. */
    public enum LateFeeWaiver {
        NEVER,
        ON_FULL_PAYMENT,
        ON_PLAN
    }

    public Policy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(auto, "auto");
        Objects.requireNonNull(approvable, "approvable");
        if (!approvable.covers(auto)) {
            throw new IllegalArgumentException(
                    "policy " + version + ": the approvable limits must be at least as generous as the automatic ones");
        }
        if (firstPaymentWithinDays < 0 || immediateDays < 0) {
            throw new IllegalArgumentException("day limits cannot be negative");
        }
        if (leadBusinessDays < 0 || leadBusinessDays > 10) {
            throw new IllegalArgumentException(
                    "the first payment's lead must be 0-10 business days: " + leadBusinessDays);
        }
        if (approver.isBlank() || seniorApprover.isBlank()) {
            throw new IllegalArgumentException("approver roles are required");
        }
    }

    /** A cautious default: up to 3 installments over 60 days alone, 6 over 120 with the AR manager's approval. */
    public static Policy standard() {
        return new Policy(
                "standard-1",
                new Limits(3, 60, 14, 25, 0),
                new Limits(6, 120, 45, 10, 5),
                7,
                5,
                LateFeeWaiver.ON_FULL_PAYMENT,
                Optional.empty(),
                "ar_manager",
                Optional.empty(),
                "controller",
                DEFAULT_LEAD_BUSINESS_DAYS);
    }

    /**
     * The earliest day an offer made on {@code today} may ask for its first payment: {@link #leadBusinessDays()}
     * business days ahead (a debtor needs time to run a payment), never past {@code latest}.
     */
    public java.time.LocalDate earliestFirstPayment(java.time.LocalDate today, java.time.LocalDate latest) {
        java.time.LocalDate d = businessDaysAfter(today, leadBusinessDays);
        return d.isAfter(latest) ? latest : d;
    }

    /** {@code n} business days (Monday to Friday) after {@code day}. */
    public static java.time.LocalDate businessDaysAfter(java.time.LocalDate day, int n) {
        java.time.LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }

    public List<String> approvers() {
        return List.of(approver, seniorApprover);
    }
}
