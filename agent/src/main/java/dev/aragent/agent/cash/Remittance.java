package dev.aragent.agent.cash;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a payer says a payment is for — in a bank entry's remittance fields, an email and its attachments, a text or a
 * call: the invoices it names (however written: {@code INV-1041}, {@code #1041}, "1041 and 1043"), the amount stated
 * beside each, deductions with their reasons ("less 40.00 for the damaged case"), and references that look like
 * invoice numbers but name none. Rules, not a model: invoice numbers and amounts are what rules read best.
 */
public final class Remittance {
    private static final Pattern TOKEN = Pattern.compile("(?<![\\w.,$€£])([A-Za-z]{0,6}[-#/ ]?\\d[\\w/-]*)");
    private static final Pattern INVOICE_WORD = Pattern.compile(
            "(?i)(?:inv(?:oice)?s?|bill|rechnung(?:snr)?|facture|factura|ref(?:erence)?|nr|no)\\W{0,4}$");
    private static final String NUMBER = "(\\d{1,3}(?:[,.' \\u00a0]\\d{3})+(?:[.,]\\d{2})?|\\d+(?:[.,]\\d{2})?)";
    private static final Pattern STATED_AMOUNT = Pattern.compile(
            "^\\s*(?:[:=,;\\t|(–\"'-]\\s*)*(?:amount|amt|paid|betrag|montant)?\\s*:?\\s*(?:[$€£]|usd|eur|gbp|chf|cad)?\\s*"
                    + NUMBER + "(?![\\d/])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEDUCTION = Pattern.compile(
            "(?iuU)\\b(?:less|minus|deduct(?:ed|ing|ion(?: of)?)?|short[- ]?(?:paid|paying|payment(?: of)?|by)|"
                    + "withh[eo]ld(?:ing)?|holding back|held back|took off|taking off|abzüglich|abzgl\\.?|moins|"
                    + "menos|descontando|descontado)\\s+(?:of\\s+|a\\s+)?(?:[$€£]|usd\\s|eur\\s|gbp\\s)?\\s*"
                    + NUMBER + "\\s*(?:usd|eur|gbp|dollars|euros?)?\\s*(?:\\)|,)?\\s*"
                    + "(?:(?:for|because of|due to|re|as|on|für|wegen|pour|por)\\s+)?(?:the |a |an |our )?([^.;\\n]{0,80})");
    private static final Pattern DISPUTE_REASON = Pattern.compile(
            "(?iuU)\\b(damag|broken|defect|missing|short[- ]?ship|shortage|wrong|return|pric|overcharg|quality|"
                    + "not received|never received|not delivered|late deliver|credit|dispute|beschädigt|fehl|endommag|"
                    + "dañad|falt)");

    private Remittance() {}

    /**
     * What a payer says.
     *
     * @param invoices the invoices named, in the order first named
     * @param stated the amount written beside an invoice, when one was
     * @param deductions what the payer took off, with why
     * @param unknown references written as invoice numbers that name no invoice we know
     */
    public record Advice(
            List<String> invoices, Map<String, BigDecimal> stated, List<Deduction> deductions, List<String> unknown) {
        public Advice {
            invoices = List.copyOf(invoices);
            stated = Map.copyOf(stated);
            deductions = List.copyOf(deductions);
            unknown = List.copyOf(unknown);
        }

        public static final Advice NONE = new Advice(List.of(), Map.of(), List.of(), List.of());

        /** The deductions' sum. */
        public BigDecimal deducted() {
            return deductions.stream().map(Deduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An amount the payer took off, the invoice it names when it names one, and why — a dispute when the why is one. */
    public record Deduction(BigDecimal amount, Optional<String> invoice, String reason, boolean dispute) {}

    /**
     * Reads {@code text}; {@code invoiceOf} says which invoice a written reference names (empty: none we know) — the
     * caller knows the book and how loosely to read ("1041" for {@code INV-1041}).
     */
    public static Advice read(String text, Function<String, Optional<String>> invoiceOf) {
        if (text.isBlank()) {
            return Advice.NONE;
        }
        Set<String> invoices = new LinkedHashSet<>();
        Map<String, BigDecimal> stated = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group(1).strip();
            if (moneyAround(text, m.start(1), m.end(1))) {
                continue;
            }
            Optional<String> invoice = invoiceOf.apply(token);
            if (invoice.isPresent()) {
                invoices.add(invoice.get());
                Matcher amount =
                        STATED_AMOUNT.matcher(text.substring(m.end(1), Math.min(text.length(), m.end(1) + 40)));
                if (amount.find() && !stated.containsKey(invoice.get())) {
                    parse(amount.group(1))
                            .filter(v -> v.scale() > 0 || v.compareTo(BigDecimal.valueOf(10)) >= 0)
                            .ifPresent(v -> stated.put(invoice.get(), v));
                }
            } else if (looksLikeInvoice(text, m.start(1), token)) {
                unknown.add(token);
            }
        }
        List<Deduction> deductions = new ArrayList<>();
        Matcher d = DEDUCTION.matcher(text);
        while (d.find()) {
            Optional<BigDecimal> amount = parse(d.group(1));
            if (amount.isEmpty() || amount.get().signum() == 0) {
                continue;
            }
            String reason = d.group(2) == null ? "" : d.group(2).strip().replaceAll("\\s+", " ");
            Optional<String> named = Optional.empty();
            for (String invoice : invoices) {
                if (reason.toUpperCase(Locale.ROOT).contains(invoice.toUpperCase(Locale.ROOT))) {
                    named = Optional.of(invoice);
                }
            }
            deductions.add(new Deduction(
                    amount.get(),
                    named,
                    reason.isEmpty() ? "no reason given" : reason,
                    DISPUTE_REASON.matcher(reason).find()));
            // a figure read as a deduction is not an invoice's stated amount
            stated.values()
                    .removeIf(v -> v.compareTo(amount.get()) == 0 && deductions.size() == 1 && invoices.size() > 1);
        }
        return new Advice(new ArrayList<>(invoices), stated, deductions, new ArrayList<>(unknown));
    }

    /** "1,250.00", "1.250,00", "1 250,00", "1250" → the amount; empty when it is none. */
    public static Optional<BigDecimal> parse(String figure) {
        String f = figure.strip().replace("\u00a0", "").replace(" ", "").replace("'", "");
        if (f.isEmpty()) {
            return Optional.empty();
        }
        int lastDot = f.lastIndexOf('.');
        int lastComma = f.lastIndexOf(',');
        int last = Math.max(lastDot, lastComma);
        String digits;
        if (last >= 0 && f.length() - last - 1 == 2) {
            digits = f.substring(0, last).replaceAll("[.,]", "") + "." + f.substring(last + 1);
        } else {
            digits = f.replaceAll("[.,]", "");
        }
        try {
            return Optional.of(new BigDecimal(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A token that is part of a sum of money ("1,250.00", "$40") or a date is no invoice reference. */
    private static boolean moneyAround(String text, int start, int end) {
        boolean decimalsAfter = text.substring(start, end).chars().allMatch(Character::isDigit)
                && end + 1 < text.length()
                && (text.charAt(end) == '.' || text.charAt(end) == ',')
                && Character.isDigit(text.charAt(end + 1));
        String before = text.substring(Math.max(0, start - 4), start).toLowerCase(Locale.ROOT);
        boolean currencyBefore = before.matches(".*(?:[$€£]|usd|eur|gbp)\\s?$");
        return decimalsAfter || currencyBefore;
    }

    private static boolean looksLikeInvoice(String text, int start, String token) {
        boolean letters =
                token.matches("[A-Za-z]{2,6}[-#/]?\\d{3,}[\\w/-]*") || token.matches("[A-Z]{2,6} \\d{3,}[\\w/-]*");
        boolean hash = token.startsWith("#") && token.length() >= 4;
        boolean afterWord = INVOICE_WORD
                        .matcher(text.substring(Math.max(0, start - 16), start))
                        .find()
                && token.matches("\\d{3,}");
        return letters || hash || afterWord;
    }
}
