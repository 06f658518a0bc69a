package dev.aragent.voicebridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on its way to and from speech. For a synthesizer that reads symbols literally: "$9,152.36" becomes "9152 dollars
 * and 36 cents", a dash a pause. From a recognizer that writes words: "five hundred dollars" becomes "$500", "november
 * thirtieth" "November 30", as cloud recognizers format them, so the agent reads a debtor's words the same way whichever
 * recognizer heard them.
 */
public final class SpeechText {
    private static final Pattern MONEY = Pattern.compile("\\$(\\d{1,3}(?:,\\d{3})*|\\d+)(?:\\.(\\d{2}))?");
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10),
            Map.entry("eleventh", 11),
            Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14),
            Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17),
            Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20),
            Map.entry("thirtieth", 30));
    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private SpeechText() {}

    /** Text as a synthesizer that reads symbols literally should get it. */
    public static String forSpeaking(String text) {
        Matcher m = MONEY.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String dollars = m.group(1).replace(",", "");
            String cents = m.group(2) == null || m.group(2).equals("00") ? "" : " and " + m.group(2) + " cents";
            m.appendReplacement(
                    b, Matcher.quoteReplacement(dollars + (dollars.equals("1") ? " dollar" : " dollars") + cents));
        }
        m.appendTail(b);
        return b.toString()
                .replace("—", ",")
                .replace("–", ",")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static final String[] SMALL = {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };

    /** A number in words as a synthesizer says it: 9152 is "nine thousand one hundred and fifty two". */
    public static String words(long n) {
        if (n < 20) {
            return SMALL[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : " " + SMALL[(int) (n % 10)]);
        }
        if (n < 1000) {
            return SMALL[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " and " + words(n % 100));
        }
        if (n < 1_000_000) {
            return words(n / 1000) + " thousand"
                    + (n % 1000 == 0 ? "" : (n % 1000 < 100 ? " and " : " ") + words(n % 1000));
        }
        return words(n / 1_000_000) + " million" + (n % 1_000_000 == 0 ? "" : " " + words(n % 1_000_000));
    }

    /** Text as the words a listener hears: lower case, amounts and figures spelled out, no punctuation. */
    public static String heard(String text) {
        Matcher m = Pattern.compile("\\d+").matcher(forSpeaking(text).toLowerCase(Locale.ROOT));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, words(Long.parseLong(m.group())));
        }
        m.appendTail(b);
        return b.toString().replaceAll("[^a-z' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** A recognizer's lower-case words as text: amounts and dates in figures, the first letter capitalized. */
    public static String fromSpeech(String words) {
        List<String> in = List.of(words.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); ) {
            int end = numberEnd(in, i);
            if (end > i && end < in.size() && in.get(end).startsWith("dollar")) {
                String amount = "$" + number(in.subList(i, end));
                i = end + 1;
                if (i + 1 < in.size() && in.get(i).equals("and")) {
                    int centsEnd = numberEnd(in, i + 1);
                    if (centsEnd > i + 1
                            && centsEnd < in.size()
                            && in.get(centsEnd).startsWith("cent")) {
                        amount += String.format(Locale.ROOT, ".%02d", number(in.subList(i + 1, centsEnd)) % 100);
                        i = centsEnd + 1;
                    }
                }
                out.add(amount);
                continue;
            }
            String w = in.get(i);
            if (MONTHS.contains(w) && i + 1 < in.size()) {
                int day = ordinal(in, i + 1);
                if (day > 0) {
                    out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1) + " " + day);
                    i += in.get(i + 1).equals("twenty") || in.get(i + 1).equals("thirty") ? 3 : 2;
                    continue;
                }
            }
            out.add(w);
            i++;
        }
        String text = String.join(" ", out).strip();
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The index after the number words starting at {@code from} ({@code from} when there are none). */
    private static int numberEnd(List<String> words, int from) {
        int i = from;
        while (i < words.size()) {
            String w = words.get(i);
            boolean joiner = w.equals("and") && i > from && i + 1 < words.size() && UNITS.containsKey(words.get(i + 1));
            if (!UNITS.containsKey(w) && !w.equals("hundred") && !w.equals("thousand") && !joiner) {
                break;
            }
            i++;
        }
        return i;
    }

    private static long number(List<String> words) {
        long total = 0;
        long current = 0;
        for (String w : words) {
            switch (w) {
                case "and" -> {}
                case "hundred" -> current = Math.max(current, 1) * 100;
                case "thousand" -> {
                    total += Math.max(current, 1) * 1000;
                    current = 0;
                }
                default -> current += UNITS.get(w);
            }
        }
        return total + current;
    }

    /** "twenty seventh" at {@code i} is 27, "thirtieth" 30; 0 when no ordinal starts there. */
    private static int ordinal(List<String> words, int i) {
        String w = words.get(i);
        if ((w.equals("twenty") || w.equals("thirty"))
                && i + 1 < words.size()
                && ORDINALS.getOrDefault(words.get(i + 1), 10) < 10) {
            return UNITS.get(w) + ORDINALS.get(words.get(i + 1));
        }
        return ORDINALS.getOrDefault(w, 0);
    }
}
