package dev.aragent.agent.conversation;

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
 * Executes queue actions with what this installation has: an email through the mail desk or a text through the SMS
 * desk (drafted from the templates or the LLM, checked by the guardrails, queued in the outbox) when that channel is
 * configured; otherwise — and for calls and people — a task for the AR team saying exactly what to do.
 */
public final class Outreacher implements BatchRun.Executor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outreacher.class);
    private static final int MAX_INVOICES = 10;

    private final Ledger ledger;
    private final OutreachLog log;
    private final Optional<MailDesk> desk;
    private final Optional<dev.aragent.agent.conversation.SmsDesk> sms;
    private final Optional<TurnTaker> turnTaker;
    private final Clock clock;
    private java.util.function.BiFunction<
                    dev.aragent.agent.ledger.CustomerKey,
                    List<String>,
                    Optional<dev.aragent.agent.spi.VoiceCaller.Result>>
            caller = (c, i) -> Optional.empty();

    private Outreacher(
            Ledger ledger,
            OutreachLog log,
            Optional<MailDesk> desk,
            Optional<dev.aragent.agent.conversation.SmsDesk> sms,
            Optional<TurnTaker> turnTaker,
            Clock clock) {
        this.ledger = ledger;
        this.log = log;
        this.desk = desk;
        this.sms = sms;
        this.turnTaker = turnTaker;
        this.clock = clock;
    }

    /** Every action becomes a task for the AR team (no mailbox configured). */
    public static Outreacher tasksOnly(Ledger ledger, OutreachLog log, Clock clock) {
        return new Outreacher(ledger, log, Optional.empty(), Optional.empty(), Optional.empty(), clock);
    }

    /** Email actions are drafted by {@code collector} and queued through {@code desk}; the rest become tasks. */
    public static Outreacher withEmail(
            Ledger ledger, OutreachLog log, MailDesk desk, TurnTaker turnTaker, Clock clock) {
        return new Outreacher(ledger, log, Optional.of(desk), Optional.empty(), Optional.of(turnTaker), clock);
    }

    /** Email and SMS actions through whichever desks are configured, drafted by {@code collector}; the rest tasks. */
    public static Outreacher withChannels(
            Ledger ledger,
            OutreachLog log,
            Optional<MailDesk> desk,
            Optional<dev.aragent.agent.conversation.SmsDesk> sms,
            TurnTaker turnTaker,
            Clock clock) {
        return new Outreacher(ledger, log, desk, sms, Optional.of(turnTaker), clock);
    }

    @Override
    public String execute(TenantId tenant, QueueEntry e) {
        String what = e.action().strategy().words() + " about " + String.join(", ", e.invoiceNumbers()) + " ("
                + e.amount().format() + ", " + e.daysOverdue() + " days overdue)";
        // the book again, right before anything goes out: a payment, a settlement or a dispute since the plan drops it
        Optional<String> stale = dev.aragent.agent.queue.StillDue.stale(
                e.invoices(), ledger.accountFile(tenant, e.customer()).invoices());
        if (stale.isPresent()) {
            LOG.atInfo()
                    .addKeyValue("tenant", tenant)
                    .addKeyValue("customer", e.customer())
                    .addKeyValue("why", stale.get())
                    .log("planned action dropped before it went out");
            return "dropped, nothing sent: " + stale.get();
        }
        Optional<Customer> customer = ledger.customer(tenant, e.customer());
        Optional<Contact> contact = e.contact();
        switch (e.action().channel()) {
            case EMAIL -> {
                return email(tenant, e, customer, contact, what, "");
            }
            case SMS -> {
                if (sms.isPresent()
                        && customer.isPresent()
                        && contact.flatMap(Contact::phone).isPresent()
                        && !contact.get().smsOptOut()) {
                    List<Invoice> invoices =
                            e.invoices().stream().limit(MAX_INVOICES).toList();
                    Optional<String> text = opening(tenant, customer.get(), contact.get(), invoices, e, Channel.SMS);
                    if (text.isPresent()) {
                        sms.get()
                                .remind(
                                        tenant,
                                        e.customer(),
                                        contact.get().phone().get(),
                                        invoices.stream().map(Invoice::number).toList(),
                                        text.get());
                        return "text queued to " + contact.get().phone().get() + ": " + what;
                    }
                    return unworded(tenant, e, what);
                }
                if (sms.isEmpty()
                        && desk.isPresent()
                        && contact.flatMap(Contact::email).isPresent()) {
                    return email(tenant, e, customer, contact, what, " (no SMS configured: by email)");
                }
                return hand(
                        tenant,
                        e,
                        "change_channel",
                        "text " + contact.flatMap(Contact::phone).orElse("the contact") + " (no SMS configured): "
                                + what);
            }
            case CALL -> {
                Optional<dev.aragent.agent.spi.VoiceCaller.Result> placed =
                        contact.flatMap(Contact::phone).isPresent()
                                ? caller.apply(e.customer(), e.invoiceNumbers())
                                : Optional.empty();
                if (placed.orElse(null) instanceof dev.aragent.agent.spi.VoiceCaller.Placed p) {
                    String call = "call placed (" + p.callSid() + ") to "
                            + contact.flatMap(Contact::phone).orElseThrow() + ": " + what;
                    // a voicemail is no record: the step's message goes out in writing as well
                    return emailable(customer, contact)
                            ? call + "; in writing, " + email(tenant, e, customer, contact, what, "")
                            : call;
                }
                String why = placed.orElse(null) instanceof dev.aragent.agent.spi.VoiceCaller.Rejected r
                        ? " (" + r.reason() + ")"
                        : "";
                String task = hand(
                        tenant,
                        e,
                        "call_debtor",
                        "call " + contact.flatMap(Contact::phone).orElse("the contact") + why + ": " + what);
                // the call is a person's, and their day is full of them: the step's message still goes out in writing
                // (the simulated quarter showed high-value accounts silent for weeks behind the team's call list)
                return emailable(customer, contact)
                        ? task + "; meanwhile " + email(tenant, e, customer, contact, what, "")
                        : task;
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

    /** Whether an email may go to {@code contact} of {@code customer}: a mailbox, an address, no opt-out. */
    private boolean emailable(Optional<Customer> customer, Optional<Contact> contact) {
        return desk.isPresent()
                && customer.isPresent()
                && contact.flatMap(Contact::email).isPresent()
                && !contact.get().emailOptOut();
    }

    /** An email action (or a text one where only email is configured): worded, checked and queued, or a task. */
    private String email(
            TenantId tenant,
            QueueEntry e,
            Optional<Customer> customer,
            Optional<Contact> contact,
            String what,
            String note) {
        if (emailable(customer, contact)) {
            List<Invoice> invoices = e.invoices().stream().limit(MAX_INVOICES).toList();
            Optional<String> text = opening(tenant, customer.get(), contact.get(), invoices, e, Channel.EMAIL);
            if (text.isPresent()) {
                desk.get().remind(tenant, customer.get(), contact.get(), invoices, text.get());
                return "email queued to " + contact.get().email().get() + note + ": " + what;
            }
            return unworded(tenant, e, what);
        }
        return hand(tenant, e, "change_channel", "send an email (no mailbox configured): " + what);
    }

    /** The first message of an outreach, worded for the channel and checked by the guardrails. */
    private Optional<String> opening(
            TenantId tenant,
            Customer customer,
            Contact contact,
            List<Invoice> invoices,
            QueueEntry e,
            Channel channel) {
        if (turnTaker.isEmpty()) {
            return Optional.empty();
        }
        return turnTaker
                .get()
                .opening(
                        tenant,
                        customer,
                        contact.name().isBlank() ? "" : contact.name().split("\\s+")[0],
                        invoices,
                        e.action().strategy() == Outreach.PAYMENT_PLAN_OFFER,
                        CadenceStep.at(e.daysOverdue()),
                        channel,
                        LocalDate.now(clock.withZone(e.timeZone())));
    }

    /** Call actions place calls through {@code caller} (empty: not configured, the action becomes a task). */
    public Outreacher calling(
            java.util.function.BiFunction<
                            dev.aragent.agent.ledger.CustomerKey,
                            List<String>,
                            Optional<dev.aragent.agent.spi.VoiceCaller.Result>>
                    caller) {
        this.caller = caller;
        return this;
    }

    private String unworded(TenantId tenant, QueueEntry e, String what) {
        log.handOff(
                tenant,
                e.customer(),
                "human_review",
                "nothing sent: no draft passed the guardrails; write the " + what);
        return "no draft passed the guardrails: handed to a person";
    }

    private String hand(TenantId tenant, QueueEntry e, String kind, String detail) {
        log.handOff(tenant, e.customer(), kind, detail);
        return "task for the AR team: " + detail;
    }
}
