package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Ledger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Today's action queue. This first ordering is the reference customer's own: past-due invoices by open amount × days
 * past due (in the invoice's major currency units), largest first. The risk model replaces it (issue 6).
 */
public final class ActionQueue {
    private final Ledger ledger;
    private final Clock clock;

    private ActionQueue(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public static ActionQueue create(Ledger ledger, Clock clock) {
        return new ActionQueue(ledger, clock);
    }

    /** The past-due invoices, ranked, at most {@code limit}. */
    public List<QueueEntry> today(TenantId tenant, int limit) {
        LocalDate today = LocalDate.now(clock);
        Map<CustomerKey, Customer> customers =
                ledger.customers(tenant).stream().collect(Collectors.toMap(Customer::key, Function.identity()));
        java.util.Set<String> paused = ledger.pausedInvoices(tenant);
        List<Invoice> pastDue = ledger.invoices(tenant, InvoiceStatus.OPEN).stream()
                .filter(i -> i.daysPastDue(today) > 0 && !i.openBalance().isZero() && !paused.contains(i.number()))
                .sorted(Comparator.comparingLong((Invoice i) -> score(i, today))
                        .reversed()
                        .thenComparing(Invoice::number))
                .limit(limit)
                .toList();
        List<QueueEntry> entries = new ArrayList<>(pastDue.size());
        for (Invoice invoice : pastDue) {
            Customer customer = customers.get(invoice.customer());
            long days = invoice.daysPastDue(today);
            long score = score(invoice, today);
            QueueEntry.Channel channel = channel(customer);
            entries.add(new QueueEntry(
                    entries.size() + 1,
                    invoice,
                    customer == null ? invoice.customer().value() : customer.name(),
                    days,
                    score,
                    channel,
                    reason(invoice, days, score, channel)));
        }
        return entries;
    }

    static long score(Invoice invoice, LocalDate today) {
        BigDecimal major = invoice.openBalance().toMajor();
        return major.multiply(BigDecimal.valueOf(Math.max(0, invoice.daysPastDue(today))))
                .longValue();
    }

    private static QueueEntry.Channel channel(Customer customer) {
        if (customer == null) {
            return QueueEntry.Channel.NONE;
        }
        for (Contact contact : customer.contacts()) {
            if (contact.email().isPresent() && !contact.emailOptOut()) {
                return QueueEntry.Channel.EMAIL;
            }
        }
        for (Contact contact : customer.contacts()) {
            if (contact.phone().isPresent() && !contact.smsOptOut()) {
                return QueueEntry.Channel.SMS;
            }
        }
        return customer.contacts().stream().anyMatch(c -> c.phone().isPresent())
                ? QueueEntry.Channel.PHONE
                : QueueEntry.Channel.NONE;
    }

    private static String reason(Invoice invoice, long days, long score, QueueEntry.Channel channel) {
        String how =
                switch (channel) {
                    case EMAIL -> "email the billing contact";
                    case SMS -> "text the contact (no email on file or opted out)";
                    case PHONE -> "call: opted out of email and SMS";
                    case NONE -> "no reachable contact: find one";
                };
        return invoice.openBalance().format() + " open × " + days + " days past due = " + String.format("%,d", score)
                + "; " + how;
    }
}
