package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.Payment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a receipt pays, as an AR clerk would, in order of evidence: the invoices its remittance names (exact
 * references, then the number written loosely), then — when it names none — the payer's name to a customer (names
 * people confirmed before, the customer's own name, a name like it) and the amount to a combination of that customer's
 * open invoices (at most {@value #MAX_COMBINED} of its {@value #MAX_SEARCHED} oldest, or the oldest in order). Every
 * candidate carries a confidence and its reasons; doubt (a payer who is another customer, a reference that names
 * nothing, two combinations that fit) lowers it. Deterministic: the same book and entry give the same answer.
 */
public final class CashMatcher {
    /** The confidence at and above which a receipt applies itself, unless the tenant sets another. */
    public static final double AUTO_APPLY = 0.95;

    static final int MAX_COMBINED = 4;
    /** A payer name this sure is a customer's: invoices of another customer it names are doubted. */
    static final double PAYER_KNOWN = 0.75;

    static final int MAX_SEARCHED = 20;
    private static final Pattern DIGITS = Pattern.compile("(\\d+)\\D*$");

    private final Map<String, Invoice> byNumber = new HashMap<>();
    private final Map<String, List<Invoice>> byDigits = new HashMap<>();
    private final Map<CustomerKey, List<Invoice>> openOf = new HashMap<>();
    // the customers' names, indexed once (normalizing every name is what building a matcher costs)
    private final Map<CustomerKey, Customer> customers;
    private final Map<String, List<CustomerKey>> byName;
    private final Map<String, Set<CustomerKey>> byWord;
    private final Map<String, CustomerKey> aliases;
    /** What each customer told us it paid, newest first. */
    private final Map<CustomerKey, List<Advised>> advised;

    /**
     * @param customers the tenant's customers
     * @param open the open invoices (others are ignored)
     * @param aliases payer names people confirmed, normalized, to the customer they belong to
     */
    public CashMatcher(List<Customer> customers, List<Invoice> open, Map<String, CustomerKey> aliases) {
        this.aliases = Map.copyOf(aliases);
        this.customers = new LinkedHashMap<>();
        this.byName = new HashMap<>();
        this.byWord = new HashMap<>();
        this.advised = new HashMap<>();
        for (Customer c : customers) {
            this.customers.put(c.key(), c);
            byName.computeIfAbsent(PayerNames.normalize(c.name()), n -> new ArrayList<>())
                    .add(c.key());
            PayerNames.keyWords(c.name())
                    .forEach(w -> byWord.computeIfAbsent(w, k -> new LinkedHashSet<>())
                            .add(c.key()));
        }
        index(open);
    }

    /** A matcher over {@code open} and {@code aliases} with {@code names}' customers and advices (not indexed again). */
    private CashMatcher(CashMatcher names, List<Invoice> open, Map<String, CustomerKey> aliases) {
        this.aliases = Map.copyOf(aliases);
        this.customers = names.customers;
        this.byName = names.byName;
        this.byWord = names.byWord;
        this.advised = names.advised;
        index(open);
    }

    /**
     * This matcher over {@code open} as the open invoices now (after receipts applied) and the payer names confirmed
     * now, the customers' names and the advices as they were: cheap next to building one.
     */
    public CashMatcher withOpen(List<Invoice> open, Map<String, CustomerKey> aliases) {
        return new CashMatcher(this, open, aliases);
    }

    private void index(List<Invoice> open) {
        for (Invoice i : open) {
            if (!i.owing()) {
                continue;
            }
            byNumber.put(normal(i.number()), i);
            Matcher d = DIGITS.matcher(i.number());
            if (d.find()) {
                byDigits.computeIfAbsent(stripZeros(d.group(1)), k -> new ArrayList<>())
                        .add(i);
            }
            openOf.computeIfAbsent(i.customer(), k -> new ArrayList<>()).add(i);
        }
        openOf.values()
                .forEach(l -> l.sort(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number)));
    }

    /**
     * This matcher reading what customers told us they paid ({@code advices}: an email's remittance advice, a text) for
     * the receipts that name nothing themselves.
     */
    public CashMatcher withAdvices(List<Advised> advices) {
        advices.stream()
                .sorted(Comparator.comparing(Advised::at).reversed())
                .forEach(a -> advised.computeIfAbsent(a.customer(), k -> new ArrayList<>())
                        .add(a));
        return this;
    }

    /** The ways to apply {@code entry}, surest first (none when nothing fits: a person finds the payer). */
    public CashMatch match(BankTransaction entry) {
        String text = String.join("\n", entry.references()) + "\n" + String.join("\n", entry.remittance());
        return match(entry, Remittance.read(text, this::invoiceOf));
    }

    /** As {@link #match(BankTransaction)}, with what the payer said read already (an email's advice, a text). */
    public CashMatch match(BankTransaction entry, Remittance.Advice advice) {
        Money amount = entry.amount();
        List<Invoice> named = advice.invoices().stream()
                .map(n -> byNumber.get(normal(n)))
                .filter(i -> i != null && i.openBalance().currency().equals(amount.currency()))
                .toList();
        List<PayerHit> payers = payers(entry.counterpartyName());
        List<Candidate> out = new ArrayList<>();
        Map<CustomerKey, List<Invoice>> namedBy = new LinkedHashMap<>();
        named.forEach(i ->
                namedBy.computeIfAbsent(i.customer(), k -> new ArrayList<>()).add(i));
        for (var e : namedBy.entrySet()) {
            boolean payerAgrees = !payers.isEmpty()
                    && payers.getFirst().customer().equals(e.getKey())
                    && payers.getFirst().score() >= PAYER_KNOWN;
            Candidate c = byReference(e.getKey(), e.getValue(), amount, advice, payerAgrees);
            if (namedBy.size() > 1) {
                c = c.doubted(0.5, "the remittance names invoices of " + namedBy.size() + " customers");
            } else if (payerAgrees && c.confidence() < 0.9) {
                misreferenced(e.getKey(), e.getValue(), amount, advice).ifPresent(out::add);
            }
            out.add(payerCheck(c, payers, entry.counterpartyName()));
        }
        if (!namedBy.isEmpty()
                && !payers.isEmpty()
                && payers.getFirst().score() >= PAYER_KNOWN
                && !namedBy.containsKey(payers.getFirst().customer())) {
            // the payer is a customer the remittance does not name: what its own invoices say goes beside
            byAmount(payers.getFirst(), amount, advice)
                    .map(c -> c.capped(0.9, "but the remittance names another customer's invoice"))
                    .ifPresent(out::add);
        }
        if (namedBy.isEmpty()) {
            for (PayerHit p : payers) {
                byAdvice(p, amount).ifPresent(out::add);
                byAmount(p, amount, advice).ifPresent(out::add);
            }
            if (out.isEmpty()) {
                out.addAll(anyCustomerByAmount(amount));
            }
            if (!advice.unknown().isEmpty()) {
                List<Candidate> capped = new ArrayList<>();
                for (Candidate c : out) {
                    Optional<String> slip = slip(advice.unknown(), c);
                    capped.add(
                            slip.isPresent()
                                    ? c.doubted(1.0, slip.get())
                                    : c.capped(
                                            0.9,
                                            "the remittance names " + String.join(", ", advice.unknown())
                                                    + ", which is no open invoice"));
                }
                out = capped;
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::confidence)
                .reversed()
                .thenComparing(c -> c.customer().value()));
        return new CashMatch(entry, advice, out.stream().limit(5).toList());
    }

    /** The invoice a written reference names: its number exactly, or its digits when only one invoice has them. */
    public Optional<String> invoiceOf(String token) {
        Invoice exact = byNumber.get(normal(token));
        if (exact != null) {
            return Optional.of(exact.number());
        }
        Matcher d = DIGITS.matcher(token);
        if (!d.find() || d.group(1).length() < 4) {
            return Optional.empty();
        }
        List<Invoice> same = byDigits.getOrDefault(stripZeros(d.group(1)), List.of());
        return same.size() == 1 ? Optional.of(same.getFirst().number()) : Optional.empty();
    }

    private Candidate byReference(
            CustomerKey customer, List<Invoice> named, Money amount, Remittance.Advice advice, boolean payerAgrees) {
        String names = String.join(", ", named.stream().map(Invoice::number).toList());
        long owed = named.stream().mapToLong(i -> i.openBalance().minor()).sum();
        long paid = amount.minor();
        List<String> reasons = new ArrayList<>();
        reasons.add("the remittance names " + names);
        if (paid == owed) {
            reasons.add("the amount " + amount.toPlainString() + " is their open balance");
            return candidate(customer, allocate(named, paid, amount), amount, Optional.empty(), 0.99, reasons);
        }
        if (paid > owed) {
            long excess = paid - owed;
            List<Invoice> others = openOf.getOrDefault(customer, List.of()).stream()
                    .filter(i -> !named.contains(i))
                    .toList();
            List<List<Invoice>> combos = combinations(others, excess, 2);
            if (combos.size() == 1) {
                List<Invoice> all = new ArrayList<>(named);
                all.addAll(combos.getFirst());
                reasons.add("the " + money(excess, amount) + " beyond them is the open balance of "
                        + String.join(
                                ", ",
                                combos.getFirst().stream().map(Invoice::number).toList()) + " too");
                return candidate(customer, allocate(all, paid, amount), amount, Optional.empty(), 0.95, reasons);
            }
            List<List<Invoice>> instead = combinations(others, paid, 1);
            if (!instead.isEmpty()) {
                reasons.add("it is more than they owe but exactly the balance of "
                        + instead.getFirst().getFirst().number() + ", which it does not name");
                return candidate(customer, allocate(named, owed, amount), amount, Optional.empty(), 0.6, reasons);
            }
            reasons.add("it pays " + money(excess, amount) + " more than they owe: kept as a credit on the account");
            if (excess * 10 > owed) {
                reasons.add("more than a tenth again: a person checks it is not meant for other invoices");
                return candidate(customer, allocate(named, owed, amount), amount, Optional.empty(), 0.85, reasons);
            }
            return candidate(customer, allocate(named, owed, amount), amount, Optional.empty(), 0.96, reasons);
        }
        long short_ = owed - paid;
        Optional<Remittance.Deduction> said = advice.deductions().stream()
                .filter(d -> Money.ofMajor(d.amount(), amount.currency()).minor() == short_)
                .findFirst();
        if (said.isEmpty()
                && advice.deductions().size() > 1
                && Money.ofMajor(advice.deducted(), amount.currency()).minor() == short_) {
            said = Optional.of(advice.deductions().getFirst());
        }
        if (said.isPresent()) {
            Remittance.Deduction d = said.get();
            Invoice on = d.invoice()
                    .map(n -> byNumber.get(normal(n)))
                    .filter(named::contains)
                    .orElse(named.getLast());
            List<Invoice> order = new ArrayList<>(named);
            order.remove(on);
            order.add(on);
            reasons.add("it is " + money(short_, amount) + " short, the deduction the payer states: " + d.reason());
            return candidate(
                    customer,
                    allocate(order, paid, amount),
                    amount,
                    Optional.of(new Candidate.Deduction(
                            on.number(), new Money(short_, amount.currency()), d.reason(), d.dispute())),
                    0.97,
                    reasons);
        }
        if (!advice.stated().isEmpty()) {
            long stated = named.stream()
                    .mapToLong(i -> Optional.ofNullable(advice.stated().get(i.number()))
                            .map(v -> Money.ofMajor(v, amount.currency()).minor())
                            .orElse(i.openBalance().minor()))
                    .sum();
            if (stated == paid) {
                reasons.add("it pays the amounts the remittance states beside each invoice");
                List<Payment.Allocation> as = named.stream()
                        .map(i -> new Payment.Allocation(
                                i.number(),
                                new Money(
                                        Math.min(
                                                i.openBalance().minor(),
                                                Optional.ofNullable(
                                                                advice.stated().get(i.number()))
                                                        .map(v -> Money.ofMajor(v, amount.currency())
                                                                .minor())
                                                        .orElse(i.openBalance().minor())),
                                        amount.currency())))
                        .toList();
                return candidate(customer, as, amount, Optional.empty(), 0.97, reasons);
            }
        }
        List<List<Invoice>> exactOthers = combinations(
                openOf.getOrDefault(customer, List.of()).stream()
                        .filter(i -> !named.contains(i))
                        .toList(),
                paid,
                1);
        if (!exactOthers.isEmpty()) {
            reasons.add("it is short of them but is exactly the balance of "
                    + exactOthers.getFirst().getFirst().number() + ", which it does not name");
            return candidate(customer, allocate(named, paid, amount), amount, Optional.empty(), 0.6, reasons);
        }
        reasons.add(
                "it is " + money(short_, amount) + " short with no reason given: a part payment, the rest stays open");
        if (named.size() > 1 && payerAgrees) {
            reasons.add("the payer's name is theirs too: paid in the order named");
        }
        double sure = named.size() == 1 || payerAgrees ? 0.96 : 0.88;
        return candidate(customer, allocate(named, paid, amount), amount, Optional.empty(), sure, reasons);
    }

    /**
     * A receipt from the customer whose name it bears that names one of its invoices but pays, to the cent, the balance of
     * another of them (and of no other set of its invoices): the payer copied the wrong line of its statement, and the
     * amount says which invoice it pays. Empty when the amount is a round figure (what a part payment of the invoice it
     * names looks like), when it pays what it names, or when it fits more than one way.
     */
    private Optional<Candidate> misreferenced(
            CustomerKey customer, List<Invoice> named, Money amount, Remittance.Advice advice) {
        long paid = amount.minor();
        long owed = named.stream().mapToLong(i -> i.openBalance().minor()).sum();
        if (named.size() != 1
                || paid == owed
                || round(amount)
                || !advice.deductions().isEmpty()) {
            return Optional.empty();
        }
        List<Invoice> others = openOf.getOrDefault(customer, List.of()).stream()
                .filter(i -> !named.contains(i) && i.openBalance().currency().equals(amount.currency()))
                .toList();
        List<List<Invoice>> fits = combinations(others, paid, 2);
        if (fits.size() != 1 || fits.getFirst().size() != 1) {
            return Optional.empty();
        }
        Invoice meant = fits.getFirst().getFirst();
        List<String> reasons = List.of(
                "the payer's name is the customer's",
                "the remittance names " + named.getFirst().number() + " (open "
                        + named.getFirst().openBalance().toPlainString() + "), which the amount "
                        + amount.toPlainString() + " does not fit",
                "the amount is to the cent the balance of " + meant.number()
                        + ", and of no other of its invoices: the reference was taken from the wrong line");
        return Optional.of(
                candidate(customer, allocate(List.of(meant), paid, amount), amount, Optional.empty(), 0.96, reasons));
    }

    /**
     * Whether an amount is a round figure (whole and a multiple of ten in its major unit), as part payments are and an
     * invoice's balance seldom is.
     */
    static boolean round(Money amount) {
        int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
        long unit = (long) Math.pow(10, digits);
        return amount.minor() % (unit * 10) == 0;
    }

    /**
     * A reference that names no invoice but is one slip of the finger (a digit changed, two swapped) from the one
     * invoice {@code c} pays in full: the payer meant it. Empty when none is.
     */
    private static Optional<String> slip(List<String> unknown, Candidate c) {
        if (c.allocations().size() != 1 || !c.credit().isZero()) {
            return Optional.empty();
        }
        String meant = c.allocations().getFirst().invoiceNumber();
        Matcher m = DIGITS.matcher(meant);
        if (!m.find()) {
            return Optional.empty();
        }
        for (String written : unknown) {
            Matcher w = DIGITS.matcher(written);
            if (w.find() && m.group(1).length() >= 4 && oneSlip(w.group(1), m.group(1))) {
                return Optional.of("the reference " + written + " names no invoice and is one slip from " + meant
                        + ", which the amount pays exactly");
            }
        }
        return Optional.empty();
    }

    /** Same length, and one character different or two neighbours swapped. */
    static boolean oneSlip(String a, String b) {
        if (a.length() != b.length() || a.equals(b)) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int k = 0; k < a.length(); k++) {
            if (a.charAt(k) != b.charAt(k)) {
                diffs++;
                if (first < 0) {
                    first = k;
                }
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    /** The open balances of {@code invoices}, in order: invoices alike in amount are alike to a payer who names none. */
    private static List<Long> amounts(List<Invoice> invoices) {
        return invoices.stream().map(i -> i.openBalance().minor()).sorted().toList();
    }

    /**
     * The invoices the payer's customer told us it paid (its latest advice whose invoices and amounts agree with this
     * receipt), as sure as the payer's name is the customer's.
     */
    private Optional<Candidate> byAdvice(PayerHit payer, Money amount) {
        for (Advised a : advised.getOrDefault(payer.customer(), List.of())) {
            Remittance.Advice said = Remittance.read(a.text(), this::invoiceOf);
            List<Invoice> named = said.invoices().stream()
                    .map(n -> byNumber.get(normal(n)))
                    .filter(i -> i != null
                            && i.customer().equals(payer.customer())
                            && i.openBalance().currency().equals(amount.currency()))
                    .toList();
            if (named.isEmpty()) {
                continue;
            }
            Candidate c = byReference(payer.customer(), named, amount, said, payer.score() >= PAYER_KNOWN);
            if (c.confidence() < 0.95) {
                continue; // what it told us was another payment
            }
            List<String> reasons = new ArrayList<>();
            reasons.add(payer.why());
            String words = a.text().strip().replaceAll("\\s+", " ");
            reasons.add("the customer told us (" + a.source() + ", "
                    + a.at().toString().substring(0, 10) + "): \""
                    + (words.length() > 120 ? words.substring(0, 120) + "…" : words) + "\"");
            reasons.addAll(c.reasons());
            return Optional.of(new Candidate(
                    c.customer(),
                    c.customerName(),
                    c.allocations(),
                    c.credit(),
                    c.deduction(),
                    c.confidence() * Math.min(1.0, payer.score() / 0.97),
                    reasons));
        }
        return Optional.empty();
    }

    private Candidate payerCheck(Candidate c, List<PayerHit> payers, String payer) {
        if (payers.isEmpty() || payer.isBlank()) {
            return c;
        }
        PayerHit top = payers.getFirst();
        if (top.customer().equals(c.customer())) {
            return c;
        }
        double like = PayerNames.similarity(payer, c.customerName());
        if (top.score() >= PAYER_KNOWN && like < 0.6) {
            return c.doubted(0.7, "but the payer '" + payer + "' is " + top.name() + "'s name");
        }
        return c;
    }

    private Optional<Candidate> byAmount(PayerHit payer, Money amount, Remittance.Advice advice) {
        List<Invoice> open = openOf.getOrDefault(payer.customer(), List.of()).stream()
                .filter(i -> i.openBalance().currency().equals(amount.currency()))
                .toList();
        List<String> reasons = new ArrayList<>(List.of(payer.why()));
        if (open.isEmpty()) {
            reasons.add("it has no open invoice: held as a credit on the account");
            return Optional.of(
                    candidate(payer.customer(), List.of(), amount, Optional.empty(), payer.score() * 0.5, reasons));
        }
        long paid = amount.minor();
        List<List<Invoice>> combos = combinations(open, paid, 5);
        long running = 0;
        int prefix = -1;
        for (int k = 0; k < open.size(); k++) {
            running += open.get(k).openBalance().minor();
            if (running == paid) {
                prefix = k + 1;
            }
        }
        if (combos.size() == 1) {
            List<Invoice> combo = combos.getFirst();
            reasons.add("the amount is the open balance of " + numbers(combo) + (combo.size() > 1 ? " together" : "")
                    + ", and of no other of its invoices");
            return Optional.of(candidate(
                    payer.customer(),
                    allocate(combo, paid, amount),
                    amount,
                    Optional.empty(),
                    payer.score() * 0.98,
                    reasons));
        }
        if (prefix > 0) {
            List<Invoice> oldest = open.subList(0, prefix);
            reasons.add(
                    "the amount is the open balance of its " + prefix + " oldest invoices (" + numbers(oldest) + ")");
            boolean alike = combos.stream().allMatch(c -> amounts(c).equals(amounts(oldest)));
            if (!combos.isEmpty() && alike) {
                reasons.add("its other invoices of the same amounts wait: the oldest are paid first");
            }
            return Optional.of(candidate(
                    payer.customer(),
                    allocate(oldest, paid, amount),
                    amount,
                    Optional.empty(),
                    // no set of at most four fits either: a total of so many invoices to the cent is theirs
                    payer.score() * (combos.isEmpty() ? 0.99 : alike ? 0.97 : 0.8),
                    reasons));
        }
        long deducted = Money.ofMajor(advice.deducted(), amount.currency()).minor();
        List<List<Invoice>> before = deducted > 0 ? combinations(open, paid + deducted, 2) : List.of();
        if (combos.isEmpty() && before.size() == 1) {
            Remittance.Deduction d = advice.deductions().getFirst();
            List<Invoice> combo = before.getFirst();
            reasons.add("with the " + money(deducted, amount) + " the payer deducts (" + d.reason()
                    + ") it is the open balance of " + numbers(combo));
            return Optional.of(candidate(
                    payer.customer(),
                    allocate(combo, paid, amount),
                    amount,
                    Optional.of(new Candidate.Deduction(
                            combo.getLast().number(), new Money(deducted, amount.currency()), d.reason(), d.dispute())),
                    payer.score() * 0.95,
                    reasons));
        }
        if (combos.size() > 1) {
            reasons.add("the amount fits more than one set of its invoices (" + numbers(combos.get(0)) + "; "
                    + numbers(combos.get(1)) + "): the oldest is proposed");
            return Optional.of(candidate(
                    payer.customer(),
                    allocate(combos.getFirst(), paid, amount),
                    amount,
                    Optional.empty(),
                    payer.score() * 0.75,
                    reasons));
        }
        reasons.add("the amount fits none of its invoices: a part payment, applied to the oldest");
        return Optional.of(candidate(
                payer.customer(),
                allocate(open, paid, amount),
                amount,
                Optional.empty(),
                payer.score() * 0.6,
                reasons));
    }

    /** With no payer known and no reference: the customers with one open invoice of exactly the amount. */
    private List<Candidate> anyCustomerByAmount(Money amount) {
        List<Candidate> out = new ArrayList<>();
        for (var e : openOf.entrySet()) {
            for (Invoice i : e.getValue()) {
                if (i.openBalance().equals(amount)) {
                    out.add(candidate(
                            e.getKey(),
                            allocate(List.of(i), amount.minor(), amount),
                            amount,
                            Optional.empty(),
                            0.4,
                            List.of("no payer name or reference we know; the amount is exactly " + i.number()
                                    + "'s open balance")));
                    break;
                }
            }
        }
        return out.size() > 5 ? out.subList(0, 5) : out;
    }

    /** The customers a payer's name may be, surest first: a confirmed name, the customer's own, a name like it. */
    List<PayerHit> payers(String payer) {
        if (payer.isBlank()) {
            return List.of();
        }
        String norm = PayerNames.normalize(payer);
        List<PayerHit> out = new ArrayList<>();
        CustomerKey known = aliases.get(norm);
        if (known != null && customers.containsKey(known)) {
            out.add(new PayerHit(known, name(known), 1.0, "'" + payer + "' was confirmed before as " + name(known)));
        }
        List<CustomerKey> same = byName.getOrDefault(norm, List.of());
        for (CustomerKey k : same) {
            if (!k.equals(known)) {
                double score = same.size() == 1 ? 0.97 : 0.6;
                out.add(new PayerHit(
                        k,
                        name(k),
                        score,
                        "the payer '" + payer + "' is the customer's name"
                                + (same.size() > 1 ? " (and " + (same.size() - 1) + " other customer's)" : "")));
            }
        }
        if (out.isEmpty()) {
            Set<CustomerKey> near = new LinkedHashSet<>();
            PayerNames.keyWords(payer).forEach(w -> {
                near.addAll(byWord.getOrDefault(w, Set.of()));
                byWord.keySet().stream()
                        .filter(k -> k.length() >= 4 && (k.startsWith(w) || w.startsWith(k)))
                        .forEach(k -> near.addAll(byWord.get(k)));
            });
            for (CustomerKey k : near) {
                double like = PayerNames.similarity(payer, name(k));
                if (like >= 0.75) {
                    out.add(new PayerHit(
                            k,
                            name(k),
                            like * 0.92,
                            String.format(Locale.ROOT, "the payer '%s' resembles %s (%.2f)", payer, name(k), like)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(PayerHit::score)
                .reversed()
                .thenComparing(h -> h.customer().value()));
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    record PayerHit(CustomerKey customer, String name, double score, String why) {}

    /** Subsets of at most {@link #MAX_COMBINED} of the oldest {@link #MAX_SEARCHED} invoices summing to {@code target}. */
    private static List<List<Invoice>> combinations(List<Invoice> invoices, long target, int enough) {
        List<Invoice> pool = invoices.size() > MAX_SEARCHED ? invoices.subList(0, MAX_SEARCHED) : invoices;
        List<List<Invoice>> found = new ArrayList<>();
        search(pool, 0, target, new ArrayList<>(), found, enough);
        return found;
    }

    private static void search(
            List<Invoice> pool, int from, long left, List<Invoice> chosen, List<List<Invoice>> found, int enough) {
        if (found.size() >= enough) {
            return;
        }
        if (left == 0 && !chosen.isEmpty()) {
            found.add(List.copyOf(chosen));
            return;
        }
        if (chosen.size() == MAX_COMBINED || left < 0) {
            return;
        }
        for (int k = from; k < pool.size() && found.size() < enough; k++) {
            long open = pool.get(k).openBalance().minor();
            if (open <= left) {
                chosen.add(pool.get(k));
                search(pool, k + 1, left - open, chosen, found, enough);
                chosen.removeLast();
            }
        }
    }

    /**
     * A payment made through a pay-now link: sure, whoever paid, because the link was made for this customer's
     * invoices. The money goes to the link's invoices still open, in the link's order, each paid in full until it runs
     * out (less than the link asked is a partial payment, never a deduction); what is left — an invoice paid another
     * way meanwhile — stays on the account as credit.
     */
    public static Candidate linked(PayLink link, String customerName, List<Invoice> stillOpen, Money amount) {
        java.util.Map<String, Invoice> open = new java.util.HashMap<>();
        stillOpen.forEach(i -> open.put(i.number(), i));
        List<Invoice> order = link.invoices().stream()
                .map(open::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        List<Payment.Allocation> allocations = allocate(order, amount.minor(), amount);
        long applied = allocations.stream().mapToLong(a -> a.amount().minor()).sum();
        List<String> reasons = new ArrayList<>();
        reasons.add("paid through the pay-now link for " + String.join(", ", link.invoices()));
        if (amount.minor() < link.amount().minor()) {
            reasons.add("a partial payment: " + amount.toPlainString() + " of the "
                    + link.amount().toPlainString() + " the link asked");
        }
        if (order.size() < link.invoices().size()) {
            reasons.add("paid another way meanwhile: "
                    + String.join(
                            ", ",
                            link.invoices().stream()
                                    .filter(n -> !open.containsKey(n))
                                    .toList()));
        }
        return new Candidate(
                link.customer(),
                customerName,
                allocations,
                new Money(amount.minor() - applied, amount.currency()),
                Optional.empty(),
                1.0,
                reasons);
    }

    /** {@code paid} spread over {@code invoices} in order, each paid in full until the money runs out. */
    private static List<Payment.Allocation> allocate(List<Invoice> invoices, long paid, Money amount) {
        List<Payment.Allocation> out = new ArrayList<>();
        long left = paid;
        for (Invoice i : invoices) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, i.openBalance().minor());
            out.add(new Payment.Allocation(i.number(), new Money(take, amount.currency())));
            left -= take;
        }
        return out;
    }

    private Candidate candidate(
            CustomerKey customer,
            List<Payment.Allocation> allocations,
            Money amount,
            Optional<Candidate.Deduction> deduction,
            double confidence,
            List<String> reasons) {
        long applied = allocations.stream().mapToLong(a -> a.amount().minor()).sum();
        return new Candidate(
                customer,
                name(customer),
                allocations,
                new Money(amount.minor() - applied, amount.currency()),
                deduction,
                confidence,
                reasons);
    }

    private String name(CustomerKey k) {
        Customer c = customers.get(k);
        return c == null ? k.value() : c.name();
    }

    private static String numbers(List<Invoice> invoices) {
        return String.join(", ", invoices.stream().map(Invoice::number).toList());
    }

    private static String money(long minor, Money like) {
        return new Money(minor, like.currency()).toPlainString();
    }

    private static String normal(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String stripZeros(String digits) {
        return digits.replaceFirst("^0+(?=\\d)", "");
    }
}
