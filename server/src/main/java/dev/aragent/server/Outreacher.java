package dev.aragent.server;

import dev.aragent.agent.conversation.Collector;
import dev.aragent.agent.conversation.MailDesk;
import dev.aragent.agent.drafting.CadenceStep;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.BatchRun;
import dev.aragent.agent.queue.Outreach;
import dev.aragent.agent.queue.QueueEntry;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Executes queue actions with what this installation has: an email through the mail desk (drafted from the templates
 * or the LLM, checked by the guardrails, queued in the outbox) when a mailbox is configured; otherwise — and for SMS,
 * calls and people until those channels are connected — a task for the AR team saying exactly what to do.
 */
public final class Outreacher implements BatchRun.Executor {
    private static final int MAX_INVOICES = 10;

    private final Ledger ledger;
    private final OutreachLog log;
    private final Optional<MailDesk> desk;
    private final Optional<Collector> collector;
    private final Clock clock;

    private Outreacher(
            Ledger ledger, OutreachLog log, Optional<MailDesk> desk, Optional<Collector> collector, Clock clock) {
        this.ledger = ledger;
        this.log = log;
        this.desk = desk;
        this.collector = collector;
        this.clock = clock;
    }

    /** Every action becomes a task for the AR team (no mailbox configured). */
    public static Outreacher tasksOnly(Ledger ledger, OutreachLog log, Clock clock) {
        return new Outreacher(ledger, log, Optional.empty(), Optional.empty(), clock);
    }

    /** Email actions are drafted by {@code collector} and queued through {@code desk}; the rest become tasks. */
    public static Outreacher withEmail(
            Ledger ledger, OutreachLog log, MailDesk desk, Collector collector, Clock clock) {
        return new Outreacher(ledger, log, Optional.of(desk), Optional.of(collector), clock);
    }

    @Override
    public String execute(TenantId tenant, QueueEntry e) {
        String what = e.action().strategy().words() + " about " + String.join(", ", e.invoiceNumbers()) + " ("
                + e.amount().format() + ", " + e.daysOverdue() + " days overdue)";
        Optional<Customer> customer = ledger.customer(tenant, e.customer());
        Optional<Contact> contact = e.contact();
        switch (e.action().channel()) {
            case EMAIL -> {
                if (desk.isPresent()
                        && collector.isPresent()
                        && customer.isPresent()
                        && contact.flatMap(Contact::email).isPresent()
                        && !contact.get().emailOptOut()) {
                    List<Invoice> invoices =
                            e.invoices().stream().limit(MAX_INVOICES).toList();
                    Optional<String> text = collector
                            .get()
                            .opening(
                                    customer.get(),
                                    contact.get().name().isBlank()
                                            ? ""
                                            : contact.get().name().split("\\s+")[0],
                                    invoices,
                                    e.action().strategy() == Outreach.PAYMENT_PLAN_OFFER,
                                    CadenceStep.at(e.daysOverdue()),
                                    Channel.EMAIL,
                                    LocalDate.now(clock.withZone(e.timeZone())));
                    if (text.isPresent()) {
                        desk.get().remind(tenant, customer.get(), contact.get(), invoices, text.get());
                        return "email queued to " + contact.get().email().get() + ": " + what;
                    }
                    log.handOff(
                            tenant,
                            e.customer(),
                            "human_review",
                            "no email sent: no draft passed the guardrails; write the " + what);
                    return "no draft passed the guardrails: handed to a person";
                }
                return hand(tenant, e, "change_channel", "send an email (no mailbox configured): " + what);
            }
            case SMS -> {
                return hand(
                        tenant,
                        e,
                        "change_channel",
                        "text " + contact.flatMap(Contact::phone).orElse("the contact") + ": " + what);
            }
            case CALL -> {
                return hand(
                        tenant,
                        e,
                        "call_debtor",
                        "call " + contact.flatMap(Contact::phone).orElse("the contact") + ": " + what);
            }
            case HUMAN -> {
                return hand(
                        tenant,
                        e,
                        "call_debtor",
                        "personal follow-up ("
                                + String.join(
                                        "; ",
                                        e.notes()
                                                .subList(
                                                        Math.min(1, e.notes().size()),
                                                        e.notes().size())) + "): " + what);
            }
        }
        throw new IllegalStateException("unknown channel " + e.action().channel());
    }

    private String hand(TenantId tenant, QueueEntry e, String kind, String detail) {
        log.handOff(tenant, e.customer(), kind, detail);
        return "task for the AR team: " + detail;
    }
}
