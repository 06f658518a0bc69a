package dev.aragent.agent.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the dates a debtor writes against the day they wrote it, in their time zone: "Friday" and "next Friday"
 * (the first Friday after today), "this Friday" (today if it is Friday), "the 15th" (the next 15th, today included),
 * "end of the month", "next week", "in two weeks", "3/25" (US order), "March 20th", "20 March", ISO dates, and
 * weekday names in Spanish, French and German. A date without a year is the nearest such date not more than six
 * months back. The libraries we tried resolve "next Friday" a week late and miss "the 15th" (ADR 0010).
 */
final class Dates {
    private static final String MONTHS =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
                    + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Predicate<String> MONTH_WORDS =
            Needles.anyOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final String WEEKDAY = "(" + String.join("|", WEEKDAYS.keySet()) + ")";
    /** A weekday written before a full date ("Monday, December 7"): part of that date, not a date of its own. */
    private static final Pattern WEEKDAY_BEFORE = lead("\\b(?:" + String.join("|", WEEKDAYS.keySet()) + "),?\\s+");
    /** "next", "this", "el" … before a weekday. */
    private static final Pattern QUALIFIER_BEFORE =
            lead("\\b(this |next |coming |el |le |am |nächsten |naechsten |próximo |proximo )");

    private static final String NUMBER_WORDS =
            "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|couple of"
                    + "|few)";
    private static final String UNITS = "\\b(days?|weeks?|months?)";
    /** The longest words a lead can have ("within a couple of ", "naechsten "). */
    private static final int LEAD_CHARS = 24;

    /**
     * A pattern, the words it may take from just before its match (a lead: "next" before "Friday"; required or not),
     * how its match resolves, and what the text must contain for it to match at all. Most texts name few kinds of
     * date, and looking for a word is far cheaper than trying a pattern at every position: a rule whose words are
     * absent is not tried, and a rule's pattern starts at its distinctive word (the month, the weekday, the unit) with
     * the words before it read back from there, instead of trying every optional lead at every position. The text is
     * lower-cased before any rule runs.
     */
    private record Rule(
            Pattern pattern,
            Optional<Pattern> lead,
            boolean leadRequired,
            Resolver resolver,
            Predicate<String> possible) {}

    @FunctionalInterface
    private interface Resolver {
        /** {@code lead}: the words read before the match, when the rule has a lead and it was there. */
        Optional<LocalDate> resolve(MatchResult m, Optional<MatchResult> lead, LocalDate today);
    }

    @FunctionalInterface
    private interface Plain {
        Optional<LocalDate> resolve(MatchResult m, LocalDate today);
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", (m, t) -> of(num(m, 1), num(m, 2), num(m, 3)), Needles.anyOf("-")),
            new Rule(
                    pattern("\\b(?=[adfjmnos])" + MONTHS + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4}))?"),
                    Optional.of(WEEKDAY_BEFORE),
                    false,
                    (m, lead, t) -> monthDay(t, month(m.group(1)), num(m, 2), Optional.ofNullable(m.group(3))),
                    MONTH_WORDS),
            new Rule(
                    pattern("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + "\\b\\.?(?:,?\\s*(\\d{4}))?"),
                    Optional.of(WEEKDAY_BEFORE),
                    false,
                    (m, lead, t) -> monthDay(t, month(m.group(2)), num(m, 1), Optional.ofNullable(m.group(3))),
                    MONTH_WORDS),
            rule(
                    "(?<![\\d/])(?!24/7)(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?![\\d/%])",
                    (m, t) -> num(m, 1) > 12
                            ? monthDay(t, num(m, 2), num(m, 1), Optional.ofNullable(m.group(3)))
                            : monthDay(t, num(m, 1), num(m, 2), Optional.ofNullable(m.group(3))),
                    Needles.anyOf("/")),
            rule(
                    "\\bend of (?:the |this )?week\\b|\\bby the weekend\\b|\\bthis weekend\\b",
                    (m, t) -> Optional.of(
                            t.getDayOfWeek().getValue() >= 6
                                    ? t.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                                    : t.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))),
                    Needles.anyOf("week")),
            rule(
                    "\\bend of next month\\b",
                    (m, t) -> Optional.of(t.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())),
                    Needles.anyOf("end of next month")),
            rule(
                    "\\b(?:end of (?:the |this )?month|month[- ]end|eom|fin de mes|fin du mois|ende des monats"
                            + "|monatsende)\\b",
                    (m, t) -> Optional.of(t.with(TemporalAdjusters.lastDayOfMonth())),
                    Needles.anyOf("month", "eom", "fin de mes", "fin du mois", "monat")),
            rule(
                    "\\b(?:beginning of|start of|first of|1st of|early) next month\\b|\\bnext month\\b",
                    (m, t) -> Optional.of(t.plusMonths(1).withDayOfMonth(1)),
                    Needles.anyOf("next month")),
            rule(
                    "\\b(?:early |beginning of |start of )?next week\\b",
                    (m, t) -> Optional.of(t.with(TemporalAdjusters.next(DayOfWeek.MONDAY))),
                    Needles.anyOf("next week")),
            // "in two weeks" (the count and the preposition read back from the unit); then "two weeks from now"
            new Rule(
                    pattern(UNITS + "\\b"),
                    Optional.of(lead("\\b(?:in|within|after) " + NUMBER_WORDS + " ")),
                    true,
                    Dates::relative,
                    Needles.anyOf("day", "week", "month")),
            new Rule(
                    pattern(UNITS + " from (?:now|today)\\b"),
                    Optional.of(lead("\\b" + NUMBER_WORDS + " ")),
                    true,
                    Dates::relative,
                    Needles.anyOf(" from now", " from today")),
            rule("\\bday after tomorrow\\b", (m, t) -> Optional.of(t.plusDays(2)), Needles.anyOf("day after tomorrow")),
            rule(
                    "\\b(?:tomorrow|tmrw|tmr|mañana|demain|morgen)\\b",
                    (m, t) -> Optional.of(t.plusDays(1)),
                    Needles.anyOf("tomorrow", "tmr", "mañana", "demain", "morgen")),
            rule(
                    "\\b(?:today|tonight|end of (?:the )?day|eod|hoy|aujourd'hui|heute)\\b",
                    (m, t) -> Optional.of(t),
                    Needles.anyOf("today", "tonight", "end of", "eod", "hoy", "aujourd'hui", "heute")),
            new Rule(
                    pattern("\\b(?=[dfjlmstvw])" + WEEKDAY + "\\b(?: prochain| que viene)?"),
                    Optional.of(QUALIFIER_BEFORE),
                    false,
                    Dates::weekday,
                    Needles.anyOf(WEEKDAYS.keySet().toArray(String[]::new))),
            rule(
                    "\\b(?:on|by|before|until|till|til)\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b|\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b"
                            + "|\\b(?:on|by|before|until)\\s+(\\d{1,2})(?:st|nd|rd|th)\\b",
                    Dates::dayOfMonth,
                    Dates::hasOrdinal));

    private Dates() {}

    /** The dates in {@code text}, in the order written, each once. */
    static List<LocalDate> find(String text, LocalDate today) {
        // each rule reads what the earlier ones left: a date's words are blanked once a rule has taken them
        String rest = text.toLowerCase(Locale.ROOT);
        List<Map.Entry<Integer, LocalDate>> found = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.possible().test(rest)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(rest);
            char[] blanked = null;
            int taken = 0; // the end of this rule's previous match: a lead never reaches into it
            while (m.find()) {
                int start = m.start();
                Optional<MatchResult> lead = Optional.empty();
                if (rule.lead().isPresent()) {
                    Matcher l = rule.lead()
                            .get()
                            .matcher(rest)
                            .region(Math.max(taken, start - LEAD_CHARS), start)
                            .useTransparentBounds(true);
                    if (l.find()) {
                        lead = Optional.of(l.toMatchResult());
                        start = l.start();
                    } else if (rule.leadRequired()) {
                        continue;
                    }
                }
                final int at = start;
                rule.resolver().resolve(m.toMatchResult(), lead, today).ifPresent(d -> found.add(Map.entry(at, d)));
                if (blanked == null) {
                    blanked = rest.toCharArray();
                }
                java.util.Arrays.fill(blanked, start, m.end(), ' ');
                taken = m.end();
            }
            if (blanked != null) {
                rest = new String(blanked);
            }
        }
        return found.stream()
                .sorted(Comparator.comparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
    }

    private static Rule rule(String regex, Plain resolver, Predicate<String> possible) {
        return new Rule(pattern(regex), Optional.empty(), false, (m, lead, t) -> resolver.resolve(m, t), possible);
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Words that must end exactly where a rule's match starts (searched in a short region before it). */
    private static Pattern lead(String regex) {
        return pattern(regex + "\\z");
    }

    /** A digit followed by an ordinal's letters ("15th", "the 1st"): what {@link #dayOfMonth} needs. */
    private static boolean hasOrdinal(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                char a = text.charAt(i + 1);
                char b = text.charAt(i + 2);
                if ((a == 's' && b == 't')
                        || (a == 'n' && b == 'd')
                        || (a == 'r' && b == 'd')
                        || (a == 't' && b == 'h')) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<LocalDate> relative(MatchResult m, Optional<MatchResult> lead, LocalDate today) {
        int n = Mentions.count(lead.orElseThrow().group(1));
        String unit = m.group(1);
        if (n > 400) {
            return Optional.empty();
        }
        return Optional.of(
                unit.startsWith("day")
                        ? today.plusDays(n)
                        : unit.startsWith("week") ? today.plusWeeks(n) : today.plusMonths(n));
    }

    private static Optional<LocalDate> weekday(MatchResult m, Optional<MatchResult> lead, LocalDate today) {
        DayOfWeek day = WEEKDAYS.get(m.group(1));
        String qualifier = lead.map(l -> l.group(1).trim()).orElse("");
        if (qualifier.equals("this")) {
            return Optional.of(today.with(TemporalAdjusters.nextOrSame(day)));
        }
        return Optional.of(today.with(TemporalAdjusters.next(day)));
    }

    private static Optional<LocalDate> dayOfMonth(MatchResult m, LocalDate today) {
        String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        int day = Integer.parseInt(g);
        if (day < 1 || day > 31) {
            return Optional.empty();
        }
        LocalDate month = today.withDayOfMonth(1);
        LocalDate candidate = month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
        if (candidate.isBefore(today)) {
            LocalDate next = month.plusMonths(1);
            candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
        }
        return Optional.of(candidate);
    }

    private static Optional<LocalDate> monthDay(LocalDate today, int month, int day, Optional<String> year) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        if (year.isPresent()) {
            int y = Integer.parseInt(year.get());
            return of(y < 100 ? 2000 + y : y, month, day);
        }
        Optional<LocalDate> same = of(today.getYear(), month, day);
        if (same.isPresent() && same.get().isBefore(today.minusMonths(6))) {
            return of(today.getYear() + 1, month, day);
        }
        if (same.isPresent() && same.get().isAfter(today.plusMonths(6))) {
            return of(today.getYear() - 1, month, day);
        }
        return same;
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(MatchResult m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(String name) {
        String[] prefixes = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < prefixes.length; i++) {
            if (name.startsWith(prefixes[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> m = new java.util.LinkedHashMap<>();
        Function<String, String[]> split = s -> s.split(",");
        String[][] names = {
            split.apply("monday,lunes,lundi,montag"),
            split.apply("tuesday,tues,tue,martes,mardi,dienstag"),
            split.apply("wednesday,weds,miércoles,miercoles,mercredi,mittwoch"),
            split.apply("thursday,thurs,thu,jueves,jeudi,donnerstag"),
            split.apply("friday,fri,viernes,vendredi,freitag"),
            split.apply("saturday,sábado,sabado,samedi,samstag"),
            split.apply("sunday,domingo,dimanche,sonntag")
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, DayOfWeek.of(i + 1));
            }
        }
        return m;
    }
}
