package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.risk.Factor;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One account on today's queue: its open invoices in the cadence, what to do (channel, strategy, when in the debtor's
 * local contact window) and why (risk with its top factors, the priority arithmetic, the rules applied).
 *
 * @param priority expected value of acting now: amount × risk × recoverable, with the configured weights and segment
 *     factor; higher first
 * @param risk 1 − the amount-weighted probability the invoices are paid within the horizon (a probability indicator,
 *     not a verdict)
 */
public record QueueEntry(
        int rank,
        CustomerKey customer,
        String customerName,
        String segment,
        Optional<Contact> contact,
        List<Invoice> invoices,
        Money amount,
        long daysOverdue,
        ZoneId timeZone,
        double priority,
        double risk,
        List<Factor> factors,
        Action action,
        List<String> notes) {

    public QueueEntry {
        invoices = List.copyOf(invoices);
        factors = List.copyOf(factors);
        notes = List.copyOf(notes);
    }

    /** The next best action. {@code step} is the cadence day it answers (days from the due date). */
    public record Action(Reach channel, Outreach strategy, ZonedDateTime when, int step) {}

    /** The invoice numbers, in the order shown. */
    public List<String> invoiceNumbers() {
        return invoices.stream().map(Invoice::number).toList();
    }

    /** This entry at {@code r} on the list, explained by {@code f}. */
    public QueueEntry ranked(int r, List<Factor> f) {
        return new QueueEntry(
                r,
                customer,
                customerName,
                segment,
                contact,
                invoices,
                amount,
                daysOverdue,
                timeZone,
                priority,
                risk,
                f,
                action,
                notes);
    }
}
