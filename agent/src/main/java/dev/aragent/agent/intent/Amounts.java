package dev.aragent.agent.intent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sums a debtor names: figures with a currency ("$1,250.50", "500 dollars", "€300", "1.250,50 EUR", "2k"),
 * bare figures after a paying verb ("we can pay 500 now", "installments of 250"), shares ("half", "a third", "50%"),
 * the rest and the whole. Invoice, PO and phone numbers, dates and counts ("3 payments") are not amounts.
 */
final class Amounts {
    private static final String NUMBER = "(\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern NOT_MONEY = Pattern.compile(
            "(?i)\\bINV-?\\d+|\\b(?:invoice|inv|po|order|ref|account|acct)\\s*(?:no\\.?|number|#)?\\s*:?\\s*#?\\d[\\d-]*"
                    + "|\\+?\\d?[\\s.(-]*\\d{3}[\\s.)-]*\\d{3}[\\s.-]*\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b"
                    + "|\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b(?!\\s*%)|\\b\\d{1,2}(?:st|nd|rd|th)\\b"
                    + "|\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\b(?:19|20)\\d{2}\\b(?!\\s*(?:dollars|usd|eur|€|\\$))");
    private static final Pattern SYMBOL = Pattern.compile("([$€£])\\s?" + NUMBER + "(\\s?k\\b)?");
    private static final Pattern CODE_BEFORE =
            Pattern.compile("(?i)\\b(usd|eur|gbp|cad|aud)\\s?" + NUMBER + "(\\s?k\\b)?");
    private static final Pattern CODE_AFTER =
            Pattern.compile("(?i)" + NUMBER + "(\\s?k)?\\s?(dollars|bucks|usd|eur|euros?|gbp|pounds|cad|aud|€|£|\\$)");
    private static final Pattern AFTER_VERB = Pattern.compile("(?i)\\b(?:pay|paying|send|sending|sent|wire|wiring|"
            + "transfer|transferring|put down|payments? of|installments? of|instalments? of|do|manage|afford|cover|"
            + "offer|offering)\\s+(?:you\\s+|about\\s+|around\\s+|roughly\\s+|maybe\\s+|another\\s+|only\\s+)*"
            + NUMBER + "(\\s?k\\b)?(?!\\s*(?:%|percent|days?|weeks?|months?|installments?|instalments?|payments?|"
            + "times|parts|chunks|invoices?|more|of (?:them|the)|[/\\d]))");
    private static final Pattern THOUSANDS = Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d)?)\\s?k\\b");
    private static final Pattern PERCENT = Pattern.compile("(?i)\\b(\\d{1,3}(?:\\.\\d+)?)\\s?(?:%|percent|per cent)");
    private static final Pattern SHARE = Pattern.compile(
            "(?i)\\b(half|a third|one third|two thirds|a quarter|one quarter|three quarters|la mitad|la moitié|die hälfte)\\b");
    private static final Pattern REST = Pattern.compile(
            "(?i)\\b(?:the rest|the remainder|the other half|rest (?=(?:in|on|by|next|at|later|after|end)\\b)|the remaining(?: balance| amount)?|remaining balance|what(?:'s| is) left"
                    + "|el resto|le reste|den rest)\\b");
    private static final Pattern FULL = Pattern.compile("(?i)\\b(?:in full|full amount|full balance|entire balance"
            + "|whole (?:amount|balance|thing)|everything we owe|all of it|pay (?:it )?all)\\b");
    private static final Map<String, BigDecimal> SHARES = Map.of(
            "half", new BigDecimal("0.50"),
            "a third", new BigDecimal("0.3333"),
            "one third", new BigDecimal("0.3333"),
            "two thirds", new BigDecimal("0.6667"),
            "a quarter", new BigDecimal("0.25"),
            "one quarter", new BigDecimal("0.25"),
            "three quarters", new BigDecimal("0.75"),
            "la mitad", new BigDecimal("0.50"),
            "la moitié", new BigDecimal("0.50"),
            "die hälfte", new BigDecimal("0.50"));

    private Amounts() {}

    private static final Predicate<String> SYMBOLS = Needles.anyOf("$", "€", "£");
    private static final Predicate<String> CODES = Needles.anyOf("usd", "eur", "gbp", "cad", "aud");
    private static final Predicate<String> WORDS_AFTER =
            Needles.anyOf("dollar", "buck", "usd", "eur", "gbp", "pound", "cad", "aud", "€", "£", "$");
    private static final Predicate<String> PERCENT_WORDS = Needles.anyOf("%", "percent", "per cent");
    private static final Predicate<String> REST_WORDS = Needles.anyOf("rest", "remain", "other half", "left");
    private static final Predicate<String> SHARE_WORDS =
            Needles.anyOf("half", "third", "quarter", "mitad", "moitié", "hälfte");
    private static final Predicate<String> FULL_WORDS =
            Needles.anyOf("full", "entire balance", "whole", "everything we owe", "all of it", "pay all", "pay it all");

    static List<Amount> find(String text) {
        // each pattern runs only where the words it needs are in the text (figures need a digit)
        String lower = text.toLowerCase(Locale.ROOT);
        boolean digits = Needles.hasDigit(text);
        StringBuilder rest = new StringBuilder(text);
        List<Map.Entry<Integer, Amount>> found = new ArrayList<>();
        if (digits) {
            mask(rest, NOT_MONEY);
            if (SYMBOLS.test(lower)) {
                collect(
                        rest,
                        SYMBOL,
                        found,
                        m -> exact(m.group(2), m.group(3), Optional.of(currencyOfSymbol(m.group(1)))));
            }
            if (CODES.test(lower)) {
                collect(
                        rest,
                        CODE_BEFORE,
                        found,
                        m -> exact(
                                m.group(2), m.group(3), Optional.of(m.group(1).toUpperCase(Locale.ROOT))));
            }
            if (WORDS_AFTER.test(lower)) {
                collect(rest, CODE_AFTER, found, m -> exact(m.group(1), m.group(2), currencyOfWord(m.group(3))));
            }
            if (PERCENT_WORDS.test(lower)) {
                collect(rest, PERCENT, found, m -> {
                    BigDecimal pct = new BigDecimal(m.group(1));
                    return pct.signum() > 0 && pct.compareTo(BigDecimal.valueOf(100)) <= 0
                            ? Optional.of(Amount.share(pct.movePointLeft(2)))
                            : Optional.empty();
                });
            }
            if (lower.indexOf('k') >= 0) {
                collect(rest, THOUSANDS, found, m -> exact(m.group(1), "k", Optional.empty()));
            }
            collect(rest, AFTER_VERB, found, m -> exact(m.group(1), m.group(2), Optional.empty()));
        }
        if (REST_WORDS.test(lower)) {
            collect(rest, REST, found, m -> Optional.of(Amount.rest()));
        }
        if (SHARE_WORDS.test(lower)) {
            collect(
                    rest,
                    SHARE,
                    found,
                    m -> Optional.of(Amount.share(SHARES.get(m.group(1).toLowerCase(Locale.ROOT)))));
        }
        if (FULL_WORDS.test(lower)) {
            collect(rest, FULL, found, m -> Optional.of(Amount.full()));
        }
        return found.stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static void collect(
            StringBuilder text,
            Pattern pattern,
            List<Map.Entry<Integer, Amount>> found,
            java.util.function.Function<Matcher, Optional<Amount>> read) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            read.apply(m).ifPresent(a -> found.add(Map.entry(m.start(), a)));
            spans.add(new int[] {m.start(), m.end()});
        }
        blank(text, spans);
    }

    private static void mask(StringBuilder text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        blank(text, spans);
    }

    private static void blank(StringBuilder text, List<int[]> spans) {
        for (int[] s : spans) {
            for (int i = s[0]; i < s[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static Optional<Amount> exact(String number, String thousands, Optional<String> currency) {
        BigDecimal value = parse(number);
        if (thousands != null && !thousands.isBlank()) {
            value = value.multiply(BigDecimal.valueOf(1000));
        }
        if (value.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Amount.exact(value.setScale(2, RoundingMode.UNNECESSARY), currency));
    }

    /** "1,250.50" and "1.250,50" are both one thousand two hundred fifty and a half; "1,250" is 1250. */
    static BigDecimal parse(String number) {
        int last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
        if (last >= 0 && number.length() - last - 1 <= 2) {
            String whole = number.substring(0, last).replace(",", "").replace(".", "");
            return new BigDecimal(whole + "." + number.substring(last + 1));
        }
        return new BigDecimal(number.replace(",", "").replace(".", ""));
    }

    private static String currencyOfSymbol(String symbol) {
        return switch (symbol) {
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> "USD";
        };
    }

    private static Optional<String> currencyOfWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("eur") || w.equals("€")) {
            return Optional.of("EUR");
        }
        if (w.equals("gbp") || w.equals("pounds") || w.equals("£")) {
            return Optional.of("GBP");
        }
        if (w.equals("cad") || w.equals("aud")) {
            return Optional.of(w.toUpperCase(Locale.ROOT));
        }
        return Optional.of("USD");
    }
}
