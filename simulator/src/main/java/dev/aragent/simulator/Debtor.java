package dev.aragent.simulator;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * One simulated account's debtor in one arm: their persona, what they have read, what they will write and when, and
 * the payments they will make. Decisions come from random sources seeded per account and situation, so both arms draw
 * the same numbers in the same situations; what differs is how each arm treats their words.
 */
final class Debtor {
    /**
     * A payment the debtor makes: to an invoice, on a day, and what it kept back from what was open (a deduction it
     * claims: the invoice is paid as far as it is concerned); {@code own}: of its own accord, on the day its history
     * says it pays that invoice — not because anyone asked (an earlier payment someone prompted takes its place).
     */
    record Payment(LocalDate on, String invoice, long minor, long deducted, boolean own) {
        Payment(LocalDate on, String invoice, long minor) {
            this(on, invoice, minor, 0, false);
        }
    }

    /** How far ahead of its due date a debtor who pays what it is reminded of pays an invoice (a reminder 7 days before). */
    static final int REMINDED_AHEAD_DAYS = 7;

    /** What a deducting debtor says it kept back, in its remittance. */
    static final String DEDUCTION_REASON = "damaged case";

    /** A message the debtor will send: on a day, from an address, in answer to the message they read. */
    record Reply(LocalDate on, String from, String text, boolean automatic) {}

    final CustomerKey customer;
    final String name;
    final String email;
    /** The account's email addresses in the book: mail to any of them reaches the debtor (its payables team). */
    final List<String> emails;
    /** The account's phones in the book (texts and calls reach the debtor on any of them). */
    final List<String> phones;

    final Persona persona;
    /**
     * The draws of the situation at hand: each situation (the n-th message read, the n-th call rung, the n-th promise,
     * the n-th talk) has its own stream, from the account's seed, so that both arms — and two versions of the agent —
     * draw the same numbers in the same situation however many other draws came before it (common random numbers: a
     * change in what happens to one message no longer re-rolls every later decision of the debtor).
     */
    private Random random;

    private final long seed;
    private final int index;
    private int messagesRead;
    private int rung;
    private int talks;
    /** The behavioural parameters this quarter runs on. */
    final Assumptions assumptions;
    /** Whether the messages this debtor reads are personal (the agent's) rather than generic (plain dunning's). */
    boolean personal;

    final String newName;
    final String newEmail;
    final Map<String, Long> open = new LinkedHashMap<>(); // invoice → minor units still open
    final Map<String, LocalDate> due = new LinkedHashMap<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final Set<String> promisesSeen = new HashSet<>();
    /** The channels ("email", "sms") they answered on: an opt-out and an automatic reply come once per channel. */
    final Set<String> answeredOn = new HashSet<>();

    int read;
    int readByNewContact;
    Optional<LocalDate> firstContact = Optional.empty();
    Optional<LocalDate> back = Optional.empty();
    boolean answered;
    /** The addresses (email, phone) from which they said the account is not theirs. */
    final Set<String> notResponsible = new HashSet<>();
    /** The addresses (email, phone) they opted out from, each with whether a message since then confirmed it. */
    final Map<String, Boolean> optedOut = new java.util.HashMap<>();

    boolean called;
    /** The last day a person (or the agent's voice) talked to them about paying. */
    Optional<LocalDate> lastCalled = Optional.empty();
    /** They asked for a year-long plan, and have (or not yet) answered what the agent said to it. */
    boolean longPlan;

    boolean countered;
    /** They refused our counter to their year-long plan; a later offer (after a person's review) gets one answer. */
    boolean refusedCounter;

    boolean answeredReview;

    Debtor(
            CustomerKey customer,
            String name,
            String email,
            List<String> emails,
            List<String> phones,
            List<Invoice> invoices,
            java.util.function.Function<String, Optional<LocalDate>> settles,
            Assumptions assumptions,
            long seed,
            int index) {
        this.assumptions = assumptions;
        this.customer = customer;
        this.name = name;
        this.email = email;
        this.emails = emails;
        this.phones = phones;
        this.seed = seed;
        this.index = index;
        this.random = new Random(seed * 1_000_003L + index);
        this.persona = Persona.draw(random);
        String domain = email.substring(email.indexOf('@') + 1);
        this.newName = "Pat Quinn";
        this.newEmail = "ap." + customer.value().toLowerCase(java.util.Locale.ROOT) + "@" + domain;
        for (Invoice i : invoices) {
            issue(i, settles.apply(i.number()));
        }
    }

    /**
     * An invoice the account owes (sent today, or open when the quarter began), paid of its own accord on
     * {@code settles} unless something prompts it earlier.
     */
    void issue(Invoice invoice, Optional<LocalDate> settles) {
        if (!invoice.owing()) {
            return;
        }
        open.put(invoice.number(), invoice.openBalance().minor());
        due.put(invoice.number(), invoice.dueDate());
        settles.ifPresent(on -> payments.add(
                new Payment(on, invoice.number(), invoice.openBalance().minor(), 0, true)));
    }

    /** The name of each of the account's people by their address (lower-cased): who signs a message from there. */
    final Map<String, String> names = new java.util.HashMap<>();

    /** Who writes from {@code address}: the person on file there, the new contact they named, else the main contact. */
    String nameAt(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (a.equalsIgnoreCase(newEmail)) {
            return newName;
        }
        return names.getOrDefault(a, name);
    }

    long openMinor() {
        // what it kept back is still owed in the seller's books (billing decides it), whatever the debtor thinks
        return open.values().stream().mapToLong(Long::longValue).sum() + keptBack;
    }

    /** What they owe on {@code day} of invoices already past due (what they kept back counts, as in the books). */
    long overdueMinor(LocalDate day) {
        return open.entrySet().stream()
                        .filter(e -> due.get(e.getKey()).isBefore(day))
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                + keptBack;
    }

    /** Days past due of their oldest open invoice on {@code day} (0 when nothing is overdue). */
    long oldestLate(LocalDate day) {
        long late = 0;
        for (String invoice : open.keySet()) {
            late = Math.max(late, java.time.temporal.ChronoUnit.DAYS.between(due.get(invoice), day));
        }
        return late;
    }

    /** The invoice a disputing debtor disputes: their oldest. */
    String disputed() {
        return due.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /**
     * Pays on {@code on} every open invoice (but a disputed one) that is due by then or within a reminder's week of it —
     * what a message asking for payment names; what falls due later is paid as the account pays it.
     */
    void payAll(LocalDate on) {
        for (var e : List.copyOf(open.entrySet())) {
            if (persona == Persona.DISPUTES && e.getKey().equals(disputed())
                    || due.get(e.getKey()).isAfter(on.plusDays(REMINDED_AHEAD_DAYS))) {
                continue;
            }
            settle(e.getKey(), on);
        }
    }

    /**
     * Whether everything due by {@code day} (but a disputed invoice) is already on its way: a payment someone prompted is
     * scheduled for each (its own habit, weeks away, does not count).
     */
    boolean paysAll(LocalDate day) {
        for (String invoice : open.keySet()) {
            if (persona == Persona.DISPUTES && invoice.equals(disputed())
                    || due.get(invoice).isAfter(day)) {
                continue;
            }
            if (payments.stream().noneMatch(p -> p.invoice().equals(invoice) && !p.own())) {
                return false;
            }
        }
        return true;
    }

    /** Pays what is left of {@code invoice} on {@code on} at the latest: later payments of it give way. */
    private void settle(String invoice, LocalDate on) {
        long earlier = scheduledBy(invoice, on);
        payments.removeIf(p -> p.invoice().equals(invoice) && p.on().isAfter(on));
        long rest = open.getOrDefault(invoice, 0L) - earlier;
        if (rest > 0) {
            payments.add(new Payment(on, invoice, rest));
        }
    }

    private long scheduledBy(String invoice, LocalDate on) {
        return payments.stream()
                .filter(p -> p.invoice().equals(invoice) && !p.on().isAfter(on))
                .mapToLong(Payment::minor)
                .sum();
    }

    /** Pays {@code minor} toward the oldest open invoices on {@code on}; later payments of them shrink to what is left. */
    void pay(LocalDate on, long minor) {
        long left = minor;
        for (var e : open.entrySet()) {
            long room = e.getValue() - scheduledBy(e.getKey(), on);
            if (left <= 0 || room <= 0) {
                continue;
            }
            long part = Math.min(room, left);
            payments.add(new Payment(on, e.getKey(), part));
            left -= part;
            trimAfter(e.getKey(), on);
        }
    }

    /** Shrinks the payments of {@code invoice} after {@code on}, latest first, so that no more than is open is paid. */
    private void trimAfter(String invoice, LocalDate on) {
        long excess = payments.stream()
                        .filter(p -> p.invoice().equals(invoice))
                        .mapToLong(Payment::minor)
                        .sum()
                - open.getOrDefault(invoice, 0L);
        List<Payment> later = payments.stream()
                .filter(p -> p.invoice().equals(invoice) && p.on().isAfter(on))
                .sorted(java.util.Comparator.comparing(Payment::on).reversed())
                .toList();
        for (Payment p : later) {
            if (excess <= 0) {
                return;
            }
            payments.remove(p);
            long keep = p.minor() - Math.min(excess, p.minor());
            excess -= p.minor() - keep;
            if (keep > 0) {
                payments.add(new Payment(p.on(), p.invoice(), keep, 0, p.own()));
            }
        }
    }

    /**
     * Payments due on {@code day}, taken out of the schedule and off the open balances. A debtor that deducts (one in
     * ten, by its account number) keeps back once, from the first invoice of at least $200 it pays in full on a day it
     * pays nothing else (so its remittance says which invoice), a twentieth
     * of it (at most $50) for a damaged case: as far as it is concerned that invoice is paid.
     */
    List<Payment> paymentsOn(LocalDate day) {
        List<Payment> due = payments.stream().filter(p -> !p.on().isAfter(day)).toList();
        payments.removeAll(due);
        List<Payment> today = new ArrayList<>();
        for (Payment scheduled : due) {
            long before = open.getOrDefault(scheduled.invoice(), 0L);
            if (before <= 0) {
                continue; // paid already, another way
            }
            Payment p = scheduled.minor() > before
                    ? new Payment(day, scheduled.invoice(), before, 0, scheduled.own())
                    : new Payment(day, scheduled.invoice(), scheduled.minor(), 0, scheduled.own());
            Payment paid = p;
            if (deducts() && !deducted && due.size() == 1 && p.minor() == before && before >= 200_00) {
                long kept = Math.min(before / 20, 50_00);
                paid = new Payment(p.on(), p.invoice(), before - kept, kept, p.own());
                deducted = true;
                keptBack += kept;
            }
            open.merge(p.invoice(), -(paid.minor() + paid.deducted()), Long::sum);
            today.add(paid);
        }
        open.values().removeIf(v -> v <= 0);
        return today;
    }

    /** Whether this debtor takes deductions on what it pays (its habit, from its account number). */
    boolean deducts() {
        return Math.floorMod(customer.value().hashCode(), 10) == 7;
    }

    private boolean deducted;
    private long keptBack;

    List<Reply> repliesOn(LocalDate day) {
        List<Reply> today = replies.stream().filter(r -> r.on().equals(day)).toList();
        replies.removeAll(today);
        return today;
    }

    /** The draws from now on are the {@code n}-th {@code situation}'s own. */
    private void situation(String situation, int n) {
        long h = (seed * 1_000_003L + index) * 31 + situation.hashCode();
        h = h * 1_000_033L + n;
        // a 64-bit finalizer (Stafford's mix 13): nearby keys give unrelated streams
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        random = new Random(h ^ (h >>> 31));
    }

    /** A number of days between {@code from} and {@code to}, inclusive. */
    int days(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Whether {@code address} is a phone (a text) rather than an email address. */
    static boolean isPhone(String address) {
        return address.startsWith("+");
    }

    /**
     * The debtor reads a message sent to {@code address} (an email address, or a phone for a text) on {@code day}: the
     * first one may bring an answer and, by persona, a payment; later ones add pressure. An opt-out comes once per
     * channel; an automatic reply answers email only.
     */
    void read(LocalDate day, String address) {
        read(day, address, false);
    }

    /**
     * As {@link #read(LocalDate, String)}; {@code offer}: the message offers terms to accept (a debtor who refused our
     * counter answers the offer a person approved after reviewing the account: three in four take it).
     */
    void read(LocalDate day, String address, boolean offer) {
        situation("read", ++messagesRead);
        if (address.equalsIgnoreCase(newEmail)) {
            if (++readByNewContact == 1) {
                payAll(day.plusDays(days(1, 5))); // the right person, reached, pays
            }
            return;
        }
        read++;
        if (firstContact.isEmpty()) {
            firstContact = Optional.of(day);
        }
        if (persona == Persona.OUT_OF_OFFICE && back.isEmpty()) {
            back = Optional.of(day.plusDays(10));
        }
        boolean text = isPhone(address);
        boolean first =
                persona == Persona.OPTS_OUT || persona.automatic() ? answeredOn.add(text ? "sms" : "email") : read == 1;
        if (first && persona.answers() && !(text && persona.automatic())) {
            Map<String, String> slots = Map.of(
                    "monthly",
                    String.format(java.util.Locale.US, "$%,d", Math.max(1, openMinor() / 1200)),
                    "invoice",
                    disputed(),
                    "new_name",
                    newName,
                    "new_email",
                    newEmail,
                    "back",
                    back.map(b -> b.format(
                                    java.time.format.DateTimeFormatter.ofPattern("EEEE, MMMM d", java.util.Locale.US)))
                            .orElse(""));
            String words = text ? persona.firstText(random, slots) : persona.firstAnswer(random, slots);
            longPlan = words.contains("12 months");
            replies.add(new Reply(
                    persona.automatic() ? day : day.plusDays(days(0, 2)), address, words, persona.automatic()));
        } else if (text
                && persona == Persona.GHOSTS
                && answeredOn.add("sms")
                && chance(assumptions.ghostAnswersText())) {
            // some who never open the AR emails answer a text
            replies.add(new Reply(day.plusDays(days(0, 1)), address, pick(TEXT_PROMISES), false));
        } else if (longPlan && !countered && !text) {
            // the answer to their year-long plan (a shorter counter-offer, mostly): half take it, half cannot
            countered = true;
            LocalDate on = day.plusDays(days(0, 1)); // drawn in the order they always were
            boolean takes = chance(assumptions.counterTaken());
            refusedCounter = !takes;
            replies.add(new Reply(
                    on,
                    address,
                    takes
                            ? pick("OK, that works for us.", "Fine, we can do that.")
                            : pick("No, that is too much for us right now, we can't.", "We can't do that, sorry."),
                    false));
        } else if (refusedCounter && !answeredReview && offer && !text) {
            // the longer plan the AR manager approved, offered to them: most take it
            answeredReview = true;
            replies.add(new Reply(
                    day.plusDays(days(0, 1)),
                    address,
                    chance(assumptions.reviewedPlanTaken())
                            ? pick("OK, we can do that.", "Yes, that works for us.")
                            : pick("No, we still can't.", "Sorry, that still doesn't work for us."),
                    false));
        }
        // how much a message still moves them: less as their debt ages, and less again for a generic one on old debt
        double moved = assumptions.moved(oldestLate(day), personal);
        switch (persona) {
            case PAYS_ON_REMINDER -> payAll(day.plusDays(days(1, 5)));
            case PAID_TRULY -> payAll(day.plusDays(days(2, 6))); // it was in the post
            case DISPUTES -> payAll(day.plusDays(days(3, 7))); // all but the disputed invoice
            case OUT_OF_OFFICE -> {
                if (back.isPresent() && !day.isBefore(back.get()) && read > 1) {
                    payAll(day.plusDays(days(1, 4)));
                }
            }
            case GHOSTS -> {
                if (chance(assumptions.ghostPaysOnMessage() * moved)) {
                    payAll(day.plusDays(days(1, 4)));
                }
            }
            case HOSTILE, OPTS_OUT -> {
                if (read > 1 && chance(0.04 * moved)) {
                    payAll(day.plusDays(days(2, 7)));
                }
            }
            case PAID_FALSELY -> {
                if (read > 2 && chance(0.25 * moved)) {
                    payAll(day.plusDays(days(1, 3)));
                }
            }
            case PAYS_AFTER_PLAN -> {
                if (read > 4 && chance(0.3 * moved)) { // a final notice, without a plan: some find the money
                    payAll(day.plusDays(days(3, 10)));
                }
            }
            case ASKS_FOR_A_CALL -> {
                if (read > 3 && chance(0.2 * moved)) {
                    payAll(day.plusDays(days(2, 7)));
                }
            }
            case WRONG_CONTACT -> {}
        }
    }

    /** A promise or plan the debtor agreed to: each installment paid on its day, or not, as the persona keeps them. */
    void promised(LocalDate day, String promise, LocalDate on, long minor) {
        if (!promisesSeen.add(promise) || paysAll(day)) {
            return;
        }
        situation("promise", promisesSeen.size());
        double keeps =
                switch (persona) {
                    case PAYS_AFTER_PLAN, PAYS_ON_REMINDER, PAID_TRULY -> assumptions.keepsReliable();
                    case PAID_FALSELY, HOSTILE -> assumptions.keepsDoubtful();
                    default -> assumptions.keepsOther();
                };
        if (chance(keeps)) {
            pay(on.isAfter(day) ? on : day.plusDays(1), minor);
        }
    }

    private static final String[] TEXT_PROMISES = {
        "Will pay this Friday.", "ok will pay it friday", "Sorry, missed this. Paying it all on Friday."
    };

    /** Whether they pick up a call on {@code day}. */
    boolean picksUp(LocalDate day) {
        situation("rung", ++rung);
        double p = assumptions.picksUp();
        return switch (persona) {
            case GHOSTS -> chance(p * 0.22);
            case OUT_OF_OFFICE -> back.map(b -> !day.isBefore(b)).orElse(true) && chance(p * 0.86);
            case HOSTILE, OPTS_OUT -> chance(p * 0.57);
            default -> chance(p);
        };
    }

    /**
     * What they say on a call, in order, after being asked whether they are the right person: who they are, then what
     * their persona says (a promise or plan, a dispute, a claim it is paid, anger, an opt-out); a promise read back to
     * them is confirmed by the caller, not here.
     */
    List<String> onTheCall(LocalDate day) {
        situation("on the call", rung);
        List<String> who = List.of("Yes, speaking.", "Yes, this is me.", "Speaking.", "Yes, that's me.");
        String me = who.get(random.nextInt(who.size()));
        String words =
                switch (persona) {
                    case PAYS_AFTER_PLAN, ASKS_FOR_A_CALL ->
                        pick(
                                "We can pay half on Friday and the rest in two weeks.",
                                "Could we do half this Friday and the other half two weeks later?",
                                "We can pay half now and the rest in two weeks.");
                    case PAYS_ON_REMINDER, OUT_OF_OFFICE, GHOSTS ->
                        pick(
                                "We'll pay the full balance on Friday.",
                                "I can pay it all this Friday.",
                                "We will pay the whole amount on Friday.");
                    case PAID_TRULY -> pick("We already paid this last week, please check.", "That was paid by ACH.");
                    case PAID_FALSELY -> pick("I'm pretty sure we paid this already.", "We sent a check for this.");
                    case DISPUTES ->
                        pick(
                                "We're disputing invoice " + disputed() + ", two cases arrived damaged.",
                                "Invoice " + disputed() + " was short shipped, we only got part of the order.");
                    case HOSTILE ->
                        pick(
                                "Stop calling us. You'll get paid when we get paid.",
                                "This is ridiculous, we are not paying until you fix your mess.");
                    case OPTS_OUT -> pick("Do not call me again.", "Please stop contacting me.");
                    case WRONG_CONTACT -> "";
                };
        if (persona == Persona.WRONG_CONTACT) {
            return List.of(pick("No, I don't handle payables any more.", "No, wrong person."));
        }
        if (paysAll(day)) { // everything is already on its way: they say so rather than promise again
            return List.of(
                    me, pick("We already sent the payment for all of it.", "That's paid, it went out this week."));
        }
        return List.of(me, words);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /**
     * A person called them (a call the agent asked for, or the team's own round): once a fortnight at most a call moves
     * them to pay what is due.
     */
    void calledBy(LocalDate day) {
        if (lastCalled.isPresent() && day.isBefore(lastCalled.get().plusDays(14))) {
            return;
        }
        called = true;
        lastCalled = Optional.of(day);
        situation("talk", ++talks);
        double p = assumptions.callPays() * assumptions.moved(oldestLate(day), true);
        double pays =
                switch (persona) {
                    case ASKS_FOR_A_CALL -> p * 1.3;
                    case HOSTILE, GHOSTS, PAID_FALSELY -> p * 0.6;
                    default -> p;
                };
        if (chance(pays)) {
            payAll(day.plusDays(days(2, 6)));
        }
    }
}
