package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import java.util.List;
import java.util.Optional;

/**
 * One way to apply a receipt: to which customer, how much to each of its invoices (oldest first when the payer did not
 * say), what stays on the account as credit (an overpayment), the deduction the payer took when it is short, how sure
 * (0 to 1) and why, in words a person checks.
 */
public record Candidate(
        CustomerKey customer,
        String customerName,
        List<Payment.Allocation> allocations,
        Money credit,
        Optional<Deduction> deduction,
        double confidence,
        List<String> reasons) {

    public Candidate {
        allocations = List.copyOf(allocations);
        reasons = List.copyOf(reasons);
        confidence = Math.max(0, Math.min(1, confidence));
    }

    /** A short payment: what was kept back on which invoice, and why; a dispute when the why is one. */
    public record Deduction(String invoice, Money amount, String reason, boolean dispute) {}

    /** The invoices it pays, in order. */
    public List<String> invoices() {
        return allocations.stream().map(Payment.Allocation::invoiceNumber).toList();
    }

    /** This candidate, less sure, with one more reason. */
    public Candidate doubted(double factor, String why) {
        List<String> more = new java.util.ArrayList<>(reasons);
        more.add(why);
        return new Candidate(customer, customerName, allocations, credit, deduction, confidence * factor, more);
    }

    /** This candidate as a person confirmed it: sure, saying who. */
    public Candidate confirmed(String by) {
        List<String> more = new java.util.ArrayList<>(reasons);
        more.add("confirmed by " + by);
        return new Candidate(customer, customerName, allocations, credit, deduction, 1.0, more);
    }

    /** This candidate at most {@code cap} sure, with one more reason. */
    public Candidate capped(double cap, String why) {
        return confidence <= cap ? this : doubted(cap / confidence, why);
    }
}
