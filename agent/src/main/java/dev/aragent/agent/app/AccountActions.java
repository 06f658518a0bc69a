package dev.aragent.agent.app;

import dev.aragent.agent.access.Principal;
import dev.aragent.agent.hold.Hold;
import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.spi.AccountHolds;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.PeopleTasks;
import dev.aragent.agent.tasks.Closing;
import dev.aragent.agent.tasks.PersonTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a person does to a whole account from its page: pause its collection (with a reason), take it over (the agent
 * writes nothing on it — no reminder, no reply, no follow-up — until it is handed back), resume or hand it back, and
 * write a note on it, log a call or an outcome (a promise, a dispute) heard outside any task, change its contacts.
 */
public final class AccountActions {
    private final AccountHolds holds;
    private final Ledger ledger;
    private final PeopleTasks tasks;
    private final Function<TenantId, QueueRules> rules;
    private final Clock clock;

    private AccountActions(
            AccountHolds holds, Ledger ledger, PeopleTasks tasks, Function<TenantId, QueueRules> rules, Clock clock) {
        this.holds = holds;
        this.ledger = ledger;
        this.tasks = tasks;
        this.rules = rules;
        this.clock = clock;
    }

    /** {@code tasks}: where a call a person logs is kept; {@code rules}: the tenant's day (their zone). */
    public static AccountActions create(
            AccountHolds holds, Ledger ledger, PeopleTasks tasks, Function<TenantId, QueueRules> rules, Clock clock) {
        return new AccountActions(holds, ledger, tasks, rules, clock);
    }

    /** The account's hold after the step, or why nothing changed. */
    public sealed interface Result {
        record Done(Optional<Hold> hold) implements Result {}

        record Refused(Optional<Hold> hold, String reason) implements Result {}

        /** The tenant has no account by that key. */
        record Unknown() implements Result {}
    }

    /** {@code action}: {@code pause} (needs a reason), {@code take_over} or {@code release}; as {@code who}. */
    public Result act(Principal who, String key, String action, String reason) {
        Optional<CustomerKey> customer = known(who, key);
        if (customer.isEmpty()) {
            return new Result.Unknown();
        }
        CustomerKey c = customer.get();
        Optional<Hold> now = holds.hold(who.tenant(), c);
        String why = reason == null ? "" : reason.strip();
        switch (action == null ? "" : action) {
            case "pause" -> {
                if (why.isEmpty()) {
                    return new Result.Refused(now, "say why the account is paused (the team reads it on the worklist)");
                }
                if (why.length() > Hold.MAX_REASON) {
                    return new Result.Refused(now, "the reason is longer than " + Hold.MAX_REASON + " characters");
                }
                holds.place(who.tenant(), new Hold(c, Hold.Kind.PAUSED, who.login(), why, clock.instant()));
            }
            case "take_over" ->
                holds.place(who.tenant(), new Hold(c, Hold.Kind.TAKEN_OVER, who.login(), why, clock.instant()));
            case "release" -> {
                if (!holds.release(who.tenant(), c, who.login(), clock.instant())) {
                    return new Result.Refused(now, "the account was not on hold");
                }
            }
            default -> {
                return new Result.Refused(now, "choose to pause, take over or release the account");
            }
        }
        return new Result.Done(holds.hold(who.tenant(), c));
    }

    /** The longest note a person may write on an account. */
    public static final int MAX_NOTE = 4000;

    /** {@code who} writes {@code text} on the account: a note beside the CRM's and the help desk's. */
    public Result note(Principal who, String key, String text) {
        Optional<CustomerKey> customer = known(who, key);
        if (customer.isEmpty()) {
            return new Result.Unknown();
        }
        Optional<Hold> now = holds.hold(who.tenant(), customer.get());
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NOTE) {
            return new Result.Refused(now, "write a note of 1 to " + MAX_NOTE + " characters");
        }
        Instant at = clock.instant();
        ledger.note(
                who.tenant(),
                new Note(
                        customer.get(),
                        "console-" + UUID.randomUUID(),
                        Note.Kind.NOTE,
                        at,
                        "console",
                        who.login(),
                        Optional.empty(),
                        body,
                        Optional.empty()));
        return new Result.Done(now);
    }

    /** What a person logged on an account, or why it was refused. */
    public sealed interface Logged {
        record Done(PersonTask task, Closing closing) implements Logged {}

        record Refused(String reason) implements Logged {}

        record Unknown() implements Logged {}
    }

    /**
     * {@code who} logs a call they made or an outcome they heard — a promise to pay on a date, a dispute with its
     * reason, a call back, no answer — on the account: it becomes the account's disposition (a dated one keeps the
     * agent off the account until then), goes to the CRM, and shows in the timeline, as closing a task does.
     */
    public Logged log(Principal who, String key, String outcome, String date, String note) {
        Optional<CustomerKey> customer = known(who, key);
        if (customer.isEmpty()) {
            return new Logged.Unknown();
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(rules.apply(who.tenant()).defaultZone()).toLocalDate();
        return switch (TaskDesk.read(who, outcome, date, note, true, now, today)) {
            case Closing.Invalid i -> new Logged.Refused(i.reason());
            case Closing.Valid v ->
                new Logged.Done(
                        tasks.log(who.tenant(), customer.get(), "logged_call", "logged by " + who.login(), v.closing()),
                        v.closing());
        };
    }

    /** What changing a contact came to. */
    public sealed interface Changed {
        record Done() implements Changed {}

        record Refused(String reason) implements Changed {}

        record Unknown() implements Changed {}
    }

    /**
     * {@code who} saves one of the account's contacts from its page: {@code replacing} the contact changed (its email,
     * else its phone; blank: a new one), then its name, email, phone (E.164, spaces and dashes ignored), role, and
     * whether it takes no email, no texts, and has consented to automated calls. A recorded opt-out stays whatever the
     * form says: only the debtor lifts it.
     */
    public Changed contact(Principal who, String key, Map<String, String> f) {
        Optional<CustomerKey> customer = known(who, key);
        if (customer.isEmpty()) {
            return new Changed.Unknown();
        }
        String email = f.getOrDefault("email", "").strip();
        String phone = f.getOrDefault("phone", "").replaceAll("[\\s().-]", "");
        Contact contact;
        try {
            contact = new Contact(
                    f.getOrDefault("name", "").strip(),
                    Optional.of(email).filter(e -> !e.isEmpty()),
                    Optional.of(phone).filter(p -> !p.isEmpty()),
                    f.getOrDefault("role", "").strip(),
                    checked(f, "email_opt_out"),
                    checked(f, "sms_opt_out"),
                    checked(f, "voice_consent"));
        } catch (IllegalArgumentException e) {
            return new Changed.Refused(e.getMessage());
        }
        if (contact.name().length() > 200 || contact.role().length() > 50) {
            return new Changed.Refused("a name of at most 200 characters and a role of at most 50");
        }
        Optional<String> replacing =
                Optional.ofNullable(f.get("replacing")).map(String::strip).filter(r -> !r.isEmpty());
        return ledger.saveContact(who.tenant(), customer.get(), replacing, contact, who.login())
                ? new Changed.Done()
                : new Changed.Refused("that contact is no longer on the account: reload the page");
    }

    private static boolean checked(Map<String, String> f, String name) {
        String v = f.getOrDefault(name, "");
        return v.equals("on") || v.equals("true") || v.equals("yes");
    }

    private Optional<CustomerKey> known(Principal who, String key) {
        try {
            CustomerKey c = CustomerKey.of(key);
            return ledger.customer(who.tenant(), c).map(x -> c);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
