package dev.aragent.agent.voice;

import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Standing;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.CallTasks;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.StaffFeed;
import dev.aragent.agent.spi.VoiceCaller;
import dev.aragent.agent.spi.VoiceJournal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Placing the calls the agent decided on (a use case): a call about a conversation to the number an AI voice may call,
 * a call the queue asks for (a conversation held by phone, and its task), and the calls conversations asked for, each
 * when {@link CallPlanner} allows and retried on its schedule until it reached the debtor or goes to a person. Every
 * placed call is recorded with the number it dialled, so its stream opens once and a wrong party stops further calls.
 */
public final class CallDesk {
    private final Ledger ledger;
    private final VoiceJournal journal;
    private final CallTasks tasks;
    private final StaffFeed staff;
    private final Optional<VoiceCaller> caller;
    private final Optional<String> ourNumber;
    private final Optional<URI> publicUrl;
    private final Function<TenantId, QueueRules> rules;
    private final String company;
    private final Optional<String> transferTo;
    private final Clock clock;

    private CallDesk(
            Ledger ledger,
            VoiceJournal journal,
            CallTasks tasks,
            StaffFeed staff,
            Optional<VoiceCaller> caller,
            Optional<String> ourNumber,
            Optional<URI> publicUrl,
            Function<TenantId, QueueRules> rules,
            String company,
            Optional<String> transferTo,
            Clock clock) {
        this.company = company;
        this.transferTo = transferTo;
        this.ledger = ledger;
        this.journal = journal;
        this.tasks = tasks;
        this.staff = staff;
        this.caller = caller;
        this.ourNumber = ourNumber;
        this.publicUrl = publicUrl;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A desk that places calls through {@code caller} from {@code ourNumber} (both empty when no provider is
     * configured: then every call is a person's), reached at {@code publicUrl}; calls say they are from {@code
     * company} and hand a debtor who asks for a person to {@code transferTo}.
     */
    public static CallDesk create(
            Ledger ledger,
            VoiceJournal journal,
            CallTasks tasks,
            StaffFeed staff,
            Optional<VoiceCaller> caller,
            Optional<String> ourNumber,
            Optional<URI> publicUrl,
            Function<TenantId, QueueRules> rules,
            String company,
            Optional<String> transferTo,
            Clock clock) {
        return new CallDesk(
                ledger, journal, tasks, staff, caller, ourNumber, publicUrl, rules, company, transferTo, clock);
    }

    /** Whether {@code conversation} names a conversation of the tenant. */
    public boolean known(TenantId tenant, String conversation) {
        return state(tenant, conversation).isPresent();
    }

    private Optional<ConversationState> state(TenantId tenant, String id) {
        try {
            return Optional.of(journal.state(tenant, new ConversationId(UUID.fromString(id))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a call about {@code conversation} must know: whom to ask for (not a contact who said they are the wrong
     * person), the account's whole open balance and invoices, whom to hand over to. Empty for an id the tenant does not
     * have, or an account with nothing open (paid between the call being placed and answered).
     */
    public Optional<CallBrief> brief(TenantId tenant, String conversation) {
        Optional<ConversationState> known = state(tenant, conversation);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        ConversationState state = known.get();
        Optional<Customer> customer = ledger.customer(tenant, state.customer());
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        // a call states the account's open balance, as every message does (not the conversation's first invoices)
        Standing standing = ledger.standing(tenant, state.customer());
        if (standing.settled()) {
            return Optional.empty();
        }
        String contact = customer.get().contacts().stream()
                .filter(k -> !(k.emailOptOut() && k.smsOptOut()))
                .map(Contact::name)
                .filter(n -> !n.isBlank())
                .findFirst()
                .orElse("the person who handles accounts payable");
        return Optional.of(new CallBrief(
                state.id(),
                customer.get().name(),
                contact,
                company,
                standing.total(),
                standing.invoices().stream().map(Invoice::number).toList(),
                transferTo));
    }

    /** Whether calls can be placed (a provider and a public URL configured). */
    public boolean places() {
        return caller.isPresent() && publicUrl.isPresent();
    }

    /**
     * Calls the customer of a conversation (the first contact with a phone who has not opted out of texts and calls and
     * whose consent to an AI voice is on record), from our number, with answering-machine detection; {@code base} is
     * where the provider reaches this service.
     */
    public VoiceCaller.Result call(TenantId tenant, ConversationId conversation, URI base) {
        if (caller.isEmpty() || ourNumber.isEmpty()) {
            return new VoiceCaller.Rejected("Twilio is not configured");
        }
        var state = journal.state(tenant, conversation);
        String phone;
        switch (aiVoiceNumber(tenant, state.customer())) {
            case VoiceNumber.Callable c -> phone = c.phone();
            case VoiceNumber.None none -> {
                return new VoiceCaller.Rejected(none.why());
            }
        }
        String root = base.toString().replaceFirst("/$", "");
        var result = caller.get()
                .place(
                        phone,
                        ourNumber.get(),
                        URI.create(root + "/voice/twiml?conversation=" + conversation.value()),
                        URI.create(root + "/webhooks/twilio/voice"));
        if (result instanceof VoiceCaller.Placed p) {
            journal.started(tenant, p.callSid(), conversation, phone, clock.instant());
        }
        return result;
    }

    /** What a text to a debtor on a call needs: the customer, the number we called, the invoices open. */
    public record TextOnCall(Customer customer, String phone, List<Invoice> open) {
        public TextOnCall {
            open = List.copyOf(open);
        }
    }

    /**
     * Where to text the debtor of a call how to pay (the number an AI voice may call, whose consent is on record and
     * who has not opted out of texts), with the account's open invoices; empty when there is none or nothing is open.
     */
    public Optional<TextOnCall> textOnCall(TenantId tenant, CustomerKey customer) {
        if (!(aiVoiceNumber(tenant, customer) instanceof VoiceNumber.Callable c)) {
            return Optional.empty();
        }
        Standing standing = ledger.standing(tenant, customer);
        return ledger.customer(tenant, customer)
                .filter(k -> !standing.settled())
                .map(k -> new TextOnCall(k, c.phone(), standing.invoices()));
    }

    /** The number an AI voice may call for an account, or why there is none. */
    private sealed interface VoiceNumber {
        record Callable(String phone) implements VoiceNumber {}

        record None(String why) implements VoiceNumber {}
    }

    /**
     * An AI voice calls only a number whose consent is on record (a mobile number needs it, and we cannot tell which
     * numbers are mobile); the account's other numbers are a person's to call.
     */
    private VoiceNumber aiVoiceNumber(TenantId tenant, CustomerKey customer) {
        List<Contact> reachable = ledger.customer(tenant, customer).stream()
                .flatMap(c -> c.contacts().stream())
                .filter(k -> k.phone().isPresent() && !k.smsOptOut())
                .toList();
        if (reachable.isEmpty()) {
            return new VoiceNumber.None("no phone on file for " + customer);
        }
        return reachable.stream()
                .filter(Contact::voiceConsent)
                .<VoiceNumber>map(k -> new VoiceNumber.Callable(k.phone().get()))
                .findFirst()
                .orElseGet(() -> new VoiceNumber.None("no consent on record for an AI-voice call to "
                        + reachable.getFirst().phone().get() + ": a person calls"));
    }

    /**
     * The queue decided to call an account about {@code invoices}: a conversation held by phone is opened and the call
     * placed, its retries following a task. Needs a public URL (where the provider fetches the call's TwiML) and a
     * number an AI voice may call; otherwise nothing is opened and the call is a person's.
     */
    public VoiceCaller.Result callAbout(TenantId tenant, CustomerKey customer, List<String> invoices) {
        if (caller.isEmpty() || publicUrl.isEmpty()) {
            return new VoiceCaller.Rejected(
                    "calls need Twilio and AR_PUBLIC_URL (where Twilio fetches the call's TwiML)");
        }
        if (aiVoiceNumber(tenant, customer) instanceof VoiceNumber.None none) {
            return new VoiceCaller.Rejected(none.why());
        }
        Instant now = clock.instant();
        var conversation = journal.open(tenant, customer, invoices, now);
        var task = tasks.create(
                tenant, customer, conversation, "the queue: a call about " + String.join(", ", invoices), now);
        var result = call(tenant, conversation, publicUrl.get());
        settle(tenant, task, result, now);
        return result;
    }

    /** A task's call placed, postponed or refused. */
    private void settle(TenantId tenant, java.util.UUID task, VoiceCaller.Result result, Instant now) {
        switch (result) {
            case VoiceCaller.Placed c -> tasks.placed(tenant, task, c.callSid(), now);
            case VoiceCaller.RetryLater r -> tasks.waitUntil(tenant, task, now.plus(r.after()));
            case VoiceCaller.Rejected r -> tasks.close(tenant, task, false, "not called: " + r.reason());
        }
    }

    /**
     * Places the calls conversations asked for ({@code call_debtor} tasks: a second broken promise, "call me"), each
     * when {@link CallPlanner} allows: inside the debtor's calling hours, under the call cap, after a voicemail or no
     * answer on the retry schedule; a call that reached the debtor closes its task, one nobody answered four times goes
     * to a person (and staff are told). Without a provider and a public URL the tasks stay for people. Returns the
     * calls placed.
     */
    public int callsDue(TenantId tenant) {
        if (!places()) {
            return 0;
        }
        Instant now = clock.instant();
        QueueRules r = rules.apply(tenant);
        int placed = 0;
        for (CallTasks.Task task : tasks.due(tenant, now)) {
            if (task.callSid().isPresent()) {
                if (task.lastOutcome().isEmpty()) {
                    continue; // the call is still going on
                }
                if (!CallPlanner.unanswered(task.lastOutcome().get())) {
                    tasks.close(
                            tenant,
                            task.id(),
                            true,
                            "called: " + task.lastOutcome().get());
                    continue;
                }
            }
            ZoneId zone = ledger.customer(tenant, task.customer())
                    .flatMap(c -> c.timeZone())
                    .orElse(r.defaultZone());
            var decision = CallPlanner.decide(
                    now,
                    zone,
                    r,
                    task.attempts(),
                    task.lastAttempt(),
                    tasks.callsTo(tenant, task.customer(), now.minus(Duration.ofDays(31))));
            switch (decision) {
                case CallPlanner.Decision.Wait w -> tasks.waitUntil(tenant, task.id(), w.until());
                case CallPlanner.Decision.GiveUp g -> {
                    tasks.close(tenant, task.id(), false, g.why());
                    staff.notice(
                            tenant,
                            "call_unanswered",
                            task.id().toString(),
                            "Nobody answered " + task.attempts() + " calls about "
                                    + task.customer().value() + " (" + task.detail() + "): please try yourselves.",
                            now);
                }
                case CallPlanner.Decision.Place p -> {
                    var result = call(tenant, task.conversation(), publicUrl.orElseThrow());
                    settle(tenant, task.id(), result, now);
                    if (result instanceof VoiceCaller.Placed) {
                        placed++;
                    }
                }
            }
        }
        return placed;
    }
}
