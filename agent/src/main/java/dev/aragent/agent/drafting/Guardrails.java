package dev.aragent.agent.drafting;

import dev.aragent.agent.intent.Amount;
import dev.aragent.agent.intent.Mentions;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Terms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every draft, whoever wrote it, against what the decision allows: each amount, date and invoice number must be
 * one the request holds; no prohibited phrase; no concession the terms do not make (a waiver, a discount, "marked as
 * paid"); no contact detail of anyone else; no echoed instruction; the required disclosures present; the channel's
 * length respected. A draft that fails is not sent.
 */
public final class Guardrails {
    private static final Pattern BARE_DECIMAL =
            Pattern.compile("(?<![\\d.,/-])\\d{1,3}(?:,\\d{3})*\\.\\d{2}(?![\\d%])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern WEEKDAY_BEFORE_DATE = Pattern.compile(
            "(?i)\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug"
                    + "|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d)");
    /** A link, by scheme or by "www.": its authority (host, maybe with a user part) in group 1. */
    private static final Pattern LINK =
            Pattern.compile("(?iu)\\b(?:https?://|www\\.)([^\\s/:?#<>\"'\\])]+)[^\\s<>\\]\\)\"']*");
    /**
     * An IBAN (upper case, checked by its mod-97 digits below) in group 1, or a number announced as an account,
     * routing number, sort code or CLABE in group 2.
     */
    private static final Pattern BANK_DETAIL =
            Pattern.compile("\\b([A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?)\\b"
                    + "|(?i:\\b(?:account|acct|routing|aba|sort code|iban|clabe|konto|cuenta|compte)\\b"
                    + "(?:\\s*(?:no\\.?|number|nr\\.?|#|code))?\\s*[:#]?\\s*(\\d[\\d -]{4,}\\d)\\b)");
    /** "Our bank details have changed": the first line of the commonest payment fraud, in its usual word orders. */
    private static final Pattern CHANGED_DETAILS = Pattern.compile(
            "(?i)\\b(?:bank|banking|payment|remittance|wire)\\s+(?:details|information|info|account|instructions)"
                    + "\\s+(?:have\\s+|has\\s+)?(?:been\\s+)?(?:changed|updated|moved)|\\b(?:changed|updated)\\s+(?:our\\s+)?"
                    + "(?:bank|banking|payment|remittance)\\s+(?:details|information|account)|\\bnew\\s+(?:bank|banking|"
                    + "payment|remittance)\\s+(?:details|account|information)\\b");

    private static final Pattern WAIVER = Pattern.compile("(?i)\\bwaiv(?:e|ed|es|ing|er)\\b");
    private static final Pattern DISCOUNT = Pattern.compile("(?i)\\bdiscount(?:ed|s)?\\b|\\b\\d{1,2}\\s?% off\\b");
    private static final Pattern SETTLED_CLAIM =
            Pattern.compile("(?i)\\b(?:mark(?:ed)?|record(?:ed)?|consider(?:ed)?|show"
                    + "(?:s|n)?) (?:it |this |the invoice |your account |everything )?(?:as )?(?:paid|settled|closed)\\b|\\bbalance"
                    + " (?:is|of) (?:now )?(?:zero|\\$0(?:\\.00)?)\\b|\\bwrit(?:ten|e)[- ]off\\b|\\bno longer owe\\b|\\bnothing (?:is )?"
                    + "(?:owed|due)\\b|\\bpaid in full\\b");

    /** What a tenant configures: prohibited phrases (regular expressions, case-insensitive) and our own addresses. */
    public record Config(List<Pattern> prohibited, Set<String> ownAddresses) {
        public Config {
            prohibited = List.copyOf(prohibited);
            ownAddresses = Set.copyOf(
                    ownAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        }

        /** From phrase lines: a line is a regular expression; blank lines and {@code #} comments are skipped. */
        public static Config of(List<String> phraseLines, Set<String> ownAddresses) {
            List<Pattern> patterns = new ArrayList<>();
            for (String line : phraseLines) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    patterns.add(Pattern.compile("(?i)\\b(?:" + l + ")\\b"));
                }
            }
            return new Config(patterns, ownAddresses);
        }
    }

    /** The outcome: passed when {@code violations} is empty. */
    public record Result(List<String> violations) {
        public Result {
            violations = List.copyOf(violations);
        }

        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private final Config config;

    private Guardrails(Config config) {
        this.config = Objects.requireNonNull(config);
    }

    public static Guardrails create(Config config) {
        return new Guardrails(config);
    }

    public Result check(String text, DraftRequest r) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            out.add("the draft is empty");
        }
        if (text.length() > r.channel().maxChars()) {
            out.add("the draft has " + text.length() + " characters; "
                    + r.channel().code() + " allows " + r.channel().maxChars());
        }
        amounts(text, r, out);
        dates(text, r, out);
        for (String n : Mentions.invoiceNumbers(text)) {
            if (!r.allowedInvoiceNumbers().contains(n)) {
                out.add("names invoice " + n + ", which is not in this conversation's account");
            }
        }
        for (Pattern p : config.prohibited()) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                out.add("uses the prohibited phrase \"" + m.group() + "\"");
            }
        }
        concessions(text, r, out);
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            String a = email.group().toLowerCase(Locale.ROOT);
            if (!config.ownAddresses().contains(a)
                    && !r.sourceText().toLowerCase(Locale.ROOT).contains(a)) {
                out.add("gives the address " + a + ", which is not ours");
            }
        }
        paymentDetails(text, r, out);
        if (Mentions.injection(text)) {
            out.add("carries an instruction-like text (possible prompt injection echoed)");
        }
        String flat = flatten(text);
        for (String d : r.disclosures()) {
            if (!flat.contains(flatten(d))) {
                out.add("lacks the required disclosure \"" + d + "\"");
            }
        }
        return new Result(out);
    }

    /**
     * Where to pay comes only from the tenant's own instructions: a link to another host, bank details not in them,
     * or word that our bank details changed is refused, whoever wrote the draft (the LLM, a person's edit).
     */
    private static void paymentDetails(String text, DraftRequest r, List<String> out) {
        String ours = (r.paymentInstructions() + "\n" + String.join("\n", r.disclosures()) + "\n"
                        + r.payNow().map(DraftRequest.PayNow::url).orElse(""))
                .toLowerCase(Locale.ROOT);
        Optional<String> payHost = r.payNow().flatMap(p -> {
            Matcher m = LINK.matcher(p.url().toLowerCase(Locale.ROOT));
            return m.find() ? Optional.of(host(m.group(1))) : Optional.empty();
        });
        Set<String> ourHosts = new HashSet<>();
        Matcher own = LINK.matcher(ours);
        while (own.find()) {
            ourHosts.add(host(own.group(1)));
        }
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String host = host(link.group(1));
            if (!ourHosts.contains(host)) {
                out.add("links to " + host + ", which is not in the configured payment instructions");
            } else if (payHost.equals(Optional.of(host))
                    && !link.group().equals(r.payNow().get().url())) {
                out.add("links to a payment page other than the one made for this message: " + link.group());
            }
        }
        Set<String> ourNumbers = new HashSet<>();
        Matcher n = DIGITS.matcher(ours.replaceAll("(?<=\\d)[ -](?=\\d)", ""));
        while (n.find()) {
            ourNumbers.add(n.group());
        }
        Set<String> invoices = new HashSet<>();
        r.allowedInvoiceNumbers().forEach(i -> invoices.add(i.replaceAll("\\D", "")));
        Matcher bank = BANK_DETAIL.matcher(text);
        while (bank.find()) {
            boolean iban = bank.group(1) != null;
            String digits = (iban ? bank.group(1) : bank.group(2)).replaceAll("\\D", "");
            if (iban && !validIban(bank.group(1))
                    || digits.length() < 6
                    || invoices.contains(digits)
                    || ourNumbers.contains(digits)) {
                continue;
            }
            out.add("gives bank details (" + bank.group().strip() + ") that are not the configured ones");
        }
        if (CHANGED_DETAILS.matcher(text).find()) {
            out.add("says our bank or payment details changed");
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** A link's host as the browser reads it: after any {@code user@}, lower-cased, without a trailing dot. */
    private static String host(String authority) {
        String h = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** ISO 13616: country code and check digits moved to the end, letters as numbers; the whole is 1 mod 97. */
    static boolean validIban(String raw) {
        String s = raw.replaceAll("[ -]", "");
        if (s.length() < 15 || s.length() > 34) {
            return false;
        }
        int mod = 0;
        for (char c : (s.substring(4) + s.substring(0, 4)).toCharArray()) {
            if (Character.isDigit(c)) {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return mod == 1;
    }

    private static void amounts(String text, DraftRequest r, List<String> out) {
        Set<BigDecimal> allowed = new HashSet<>();
        r.allowedAmounts().forEach(m -> allowed.add(m.toMajor().stripTrailingZeros()));
        Set<BigDecimal> allowedShares = new HashSet<>();
        List<Terms> all = new ArrayList<>(r.options());
        r.terms().ifPresent(all::add);
        all.forEach(t ->
                allowedShares.add(BigDecimal.valueOf(t.discountPercent(), 2).stripTrailingZeros()));
        for (Amount a : Mentions.statedAmounts(r.sourceText())) {
            (a.kind() == Amount.Kind.SHARE ? allowedShares : allowed)
                    .add(a.value().stripTrailingZeros());
        }
        java.util.Set<BigDecimal> said = new java.util.TreeSet<>();
        for (Amount a : Mentions.statedAmounts(text)) {
            if (a.kind() == Amount.Kind.EXACT) {
                said.add(a.value().setScale(2, java.math.RoundingMode.UNNECESSARY));
            } else if (a.kind() == Amount.Kind.SHARE
                    && !allowedShares.contains(a.value().stripTrailingZeros())) {
                out.add("states " + a.display() + ", a share the decision does not set");
            }
        }
        Matcher m = BARE_DECIMAL.matcher(text);
        while (m.find()) {
            said.add(new BigDecimal(m.group().replace(",", "")).setScale(2));
        }
        for (BigDecimal v : said) {
            if (!allowed.contains(v.stripTrailingZeros())) {
                out.add("states the amount " + v.toPlainString() + ", which the decision does not allow");
            }
        }
    }

    private static void dates(String text, DraftRequest r, List<String> out) {
        String plain = WEEKDAY_BEFORE_DATE.matcher(text).replaceAll("");
        Set<LocalDate> allowed = new HashSet<>(r.allowedDates());
        allowed.addAll(Mentions.dates(r.sourceText(), r.today()));
        for (LocalDate d : Mentions.dates(plain, r.today())) {
            if (!allowed.contains(d)) {
                out.add("states the date " + d + ", which the decision does not set");
            }
        }
    }

    private static void concessions(String text, DraftRequest r, List<String> out) {
        List<Terms> all = new ArrayList<>(r.options());
        r.terms().ifPresent(all::add);
        String configured = r.sourceText();
        if (WAIVER.matcher(text).find()
                && all.stream().noneMatch(Terms::lateFeesWaived)
                && !WAIVER.matcher(configured).find()) {
            out.add("offers a waiver the terms do not grant");
        }
        if (DISCOUNT.matcher(text).find()
                && all.stream().allMatch(t -> t.discountPercent() == 0)
                && !DISCOUNT.matcher(configured).find()) {
            out.add("offers a discount the terms do not grant");
        }
        boolean settled = r.strategy() == Strategy.PAYMENT_FOUND
                && r.payment()
                        .map(p -> p.amount().compareTo(sameCurrency(r.balance(), p.amount())) >= 0)
                        .orElse(false);
        if (SETTLED_CLAIM.matcher(text).find() && !settled) {
            out.add("says the account is paid or settled, which the books do not show");
        }
    }

    private static Money sameCurrency(Money balance, Money payment) {
        return balance.currency().equals(payment.currency()) ? balance : payment;
    }

    private static String flatten(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
