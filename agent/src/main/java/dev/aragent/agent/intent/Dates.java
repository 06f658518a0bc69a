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
    private static final Pattern QUALIFIER_BEFORE = lead(
            "\\b(every other |every |each |cada |chaque |jeden |this |next |coming |last |past |el |le |am |nächsten |naechsten "
                    + "|kommenden |próximo |proximo |diesen |ce "
                    + "|este |letzten |vergangenen |el pasado |le dernier )");

    private static final String NUMBER_WORDS =
            "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|a couple of|a few"
                    + "|couple of|few|un|una|une|ein|eine|einer|einem|dos|deux|zwei|tres|trois|drei|cuatro|quatre|vier|cinco"
                    + "|cinq|fünf|seis|sechs|siete|sept|sieben|ocho|huit|acht|diez|dix|zehn|quince|quinze|fünfzehn)";
    private static final String UNITS =
            "\\b(days?|weeks?|wks?|months?|d[ií]as?|semanas?|mes(?:es)?|jours?|semaines?|mois|tagen?|wochen?|monaten?|monat)";
    /** Month names in Spanish, French and German, with the month each names. */
    private static final Map<String, Integer> MONTHS_ML = monthsInOtherLanguages();

    private static final String MONTH_ML = "(" + String.join("|", MONTHS_ML.keySet()) + ")";
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

    private static final List<Rule> MONTH_FIRST = rules(false);
    private static final List<Rule> DAY_FIRST = rules(true);

    /** The rules, reading "3/4" as March 4 ({@code dayFirst} false: the US and Canada) or as 3 April. */
    private static List<Rule> rules(boolean dayFirst) {
        return List.of(
                rule(
                        "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
                        (m, t) -> of(num(m, 1), num(m, 2), num(m, 3)), Needles.anyOf("-")),
                // "le 15 mars", "el 15 de marzo (de 2026)", "am 15. März 2026", "den 12. August" (German months
                // spelt as in English, after a day with its dot); a weekday before it is part of it ("le lundi 3 août")
                new Rule(
                        pattern("\\b(\\d{1,2})(?:\\.|er|º|°)?\\s*(?:de\\s+)?" + MONTH_ML
                                + "\\b\\.?(?:,?\\s*(?:de\\s+)?(\\d{4}))?"),
                        Optional.of(WEEKDAY_BEFORE),
                        false,
                        (m, lead, t) ->
                                monthDay(t, MONTHS_ML.get(m.group(2)), num(m, 1), Optional.ofNullable(m.group(3))),
                        Dates::hasOtherLanguageMonth),
                // "Ende März", "fin de marzo", "fin mars": the month's last day
                rule(
                        "\\b(?:ende|fin de|fin|finales de|a finales de|à la fin de|a fines de)\\s+(?:" + MONTH_ML + "|"
                                + MONTHS + ")\\b",
                        (m, t) -> endOf(t, m.group(1) != null ? MONTHS_ML.get(m.group(1)) : month(m.group(2))),
                        Needles.anyOf("ende ", "fin ", "finales ")),
                // "15.03.", "15.03.2026", "15.3.26": day first, with the dot after the month
                rule(
                        "(?<![\\d.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})?(?![\\d,]|\\.\\d)",
                        (m, t) -> monthDay(t, num(m, 2), num(m, 1), Optional.ofNullable(m.group(3))),
                        Needles.anyOf(".")),
                new Rule(
                        pattern("\\b(?=[adfjmnos])" + MONTHS
                                + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4}))?"),
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
                        "(?<![\\d/])(?!24/7)(?!(?:1/[234]|2/3|3/4)\\s+(?:now|today|of|up|down|upfront|ahora|maintenant|jetzt|de|du|"
                                + "des)\\b)(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?![\\d/%])",
                        (m, t) -> num(m, 1) > 12 || dayFirst && num(m, 2) <= 12
                                ? monthDay(t, num(m, 2), num(m, 1), Optional.ofNullable(m.group(3)))
                                : monthDay(t, num(m, 1), num(m, 2), Optional.ofNullable(m.group(3))),
                        Needles.anyOf("/")),
                rule(
                        "\\bend of (?:the |this )?week\\b|\\bby the weekend\\b|\\bthis weekend\\b|\\bfin de (?:la )?semaine\\b"
                                + "|\\bfin de (?:la |esta )?semana\\b|\\bende (?:der|dieser) woche\\b",
                        (m, t) -> Optional.of(
                                t.getDayOfWeek().getValue() >= 6
                                        ? t.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                                        : t.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))),
                        Needles.anyOf("week", "semaine", "semana", "woche")),
                rule(
                        "\\bend of next week\\b|\\bfin de la semaine prochaine\\b|\\bfinales de la (?:próxima|proxima) semana\\b"
                                + "|\\bende (?:der )?(?:nächsten|naechsten|kommenden) woche\\b",
                        (m, t) -> Optional.of(
                                t.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(4)),
                        Needles.anyOf("next week", "semaine prochaine", "semana", "woche")),
                // "mid-April", "mid month": the 15th; "early April", "début avril", "Anfang April": the 1st
                rule(
                        "\\bmid[- ]?(?:" + MONTHS + ")\\b|\\bmid[- ]?month\\b|\\bmediados de (?:" + MONTH_ML + ")\\b"
                                + "|\\bmi-(?:" + MONTH_ML + ")\\b|\\bmitte (?:" + MONTH_ML + "|" + MONTHS + ")\\b",
                        Dates::middle,
                        Needles.anyOf("mid", "mediados", "mi-", "mitte")),
                rule(
                        "\\b(?:early|beginning of|start of) (?:" + MONTHS
                                + ")\\b|\\b(?:début|debut|principios de|comienzos de|" + "anfang) (?:" + MONTH_ML + "|"
                                + MONTHS + ")\\b",
                        Dates::firstOf,
                        Needles.anyOf(
                                "early",
                                "beginning",
                                "start of",
                                "début",
                                "debut",
                                "principios",
                                "comienzos",
                                "anfang")),
                rule(
                        "\\bend of next month\\b",
                        (m, t) -> Optional.of(t.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())),
                        Needles.anyOf("end of next month")),
                rule(
                        "\\b(?:end of (?:the |this )?month|month[- ]end|eom|fin de mes|fin del mes|fin du mois"
                                + "|fin de ce mois|ende des monats|ende dieses monats|ende monat|monatsende)\\b",
                        (m, t) -> Optional.of(t.with(TemporalAdjusters.lastDayOfMonth())),
                        Needles.anyOf("month", "eom", "fin de mes", "fin du mois", "monat")),
                rule(
                        "\\b(?:beginning of|start of|first of|1st of|early) next month\\b|\\bnext month\\b"
                                + "|\\b(?:(?:au )?début du |le )mois prochain\\b|\\b(?:a principios del |el )mes que viene\\b"
                                + "|\\bel (?:próximo|proximo) mes\\b|\\b(?:anfang )?(?:nächsten|naechsten|kommenden) monats?\\b",
                        (m, t) -> Optional.of(t.plusMonths(1).withDayOfMonth(1)),
                        Needles.anyOf("next month", "mois prochain", "mes que viene", "mo mes", "monat")),
                rule(
                        "\\b(?:early |beginning of |start of )?next week\\b|\\b(?:la |en la )?semaine prochaine\\b"
                                + "|\\b(?:la |en la )?(?:próxima|proxima) semana\\b|\\b(?:la )?semana que viene\\b"
                                + "|\\b(?:nächste|naechste|kommende|nächster|kommender) woche\\b",
                        (m, t) -> Optional.of(t.with(TemporalAdjusters.next(DayOfWeek.MONDAY))),
                        Needles.anyOf("next week", "semaine prochaine", "semana", "woche")),
                // "in two weeks" (the count and the preposition read back from the unit); then "two weeks from now"
                new Rule(
                        pattern(UNITS + "\\b"),
                        Optional.of(
                                lead("\\b(?:in|within|after|en|dentro de|dans|d'ici|innerhalb von|nach|give us|give me"
                                        + "|need|another|otras?|encore|weitere) "
                                        + NUMBER_WORDS + " ")),
                        true,
                        Dates::relative,
                        Needles.anyOf(
                                "day", "week", "wk", "month", "día", "dia", "semana", "mes", "jour", "semaine", "mois",
                                "tag", "woche", "monat")),
                new Rule(
                        pattern(UNITS + " from (?:now|today)\\b"),
                        Optional.of(lead("\\b" + NUMBER_WORDS + " ")),
                        true,
                        Dates::relative,
                        Needles.anyOf(" from now", " from today")),
                rule(
                        "\\bday after tomorrow\\b|\\bpasado mañana\\b|\\baprès-demain\\b|\\bübermorgen\\b",
                        (m, t) -> Optional.of(t.plusDays(2)),
                        Needles.anyOf("day after tomorrow", "pasado mañana", "après-demain", "übermorgen")),
                rule(
                        "\\b(?:yesterday|ayer|gestern)\\b",
                        (m, t) -> Optional.of(t.minusDays(1)),
                        Needles.anyOf("yesterday", "ayer", "gestern")),
                rule(
                        // "en la mañana", "guten Morgen", "heute Morgen": in the morning, not tomorrow
                        "\\b(?:tomorrow|tommorow|tommorrow|tomorow|tmrw|tmw|tmr|(?<!la |esta |guten |heute |am |jeden )(?:mañana|morgen)|demain)\\b",
                        (m, t) -> Optional.of(t.plusDays(1)),
                        Needles.anyOf("tomorrow", "tommor", "tomor", "tmr", "tmw", "mañana", "demain", "morgen")),
                rule(
                        "\\b(?:today|tonight|this morning|this afternoon|this am|this a\\.m\\.|end of (?:the )?day|eod|hoy|esta mañana|esta tarde"
                                + "|aujourd'hui|ce soir|ce matin|cet après-midi|heute)\\b",
                        (m, t) -> Optional.of(t),
                        Needles.anyOf(
                                "today",
                                "tonight",
                                "this morning",
                                "this afternoon",
                                "this a",
                                "end of",
                                "eod",
                                "hoy",
                                "esta ",
                                "aujourd'hui",
                                "ce soir",
                                "ce matin",
                                "après-midi",
                                "heute")),
                // French "hier" is yesterday; German "hier" is here: only in a French text
                rule("\\bhier\\b", (m, t) -> Optional.of(t.minusDays(1)), Dates::frenchYesterday),
                new Rule(
                        pattern("\\b(?=[dfjlmstvw])" + WEEKDAY + "\\b(?: prochain| que viene| pasado| dernier)?"),
                        Optional.of(QUALIFIER_BEFORE),
                        false,
                        Dates::weekday,
                        Needles.anyOf(WEEKDAYS.keySet().toArray(String[]::new))),
                // "the 3rd of this month": this month's, past or not
                rule(
                        "\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\s+of\\s+(?:this|the)\\s+month\\b",
                        (m, t) -> num(m, 1) >= 1 && num(m, 1) <= 31
                                ? Optional.of(t.withDayOfMonth(Math.min(num(m, 1), t.lengthOfMonth())))
                                : Optional.empty(),
                        Dates::hasOrdinal),
                rule(
                        "\\b(?:on|by|before|until|till|til)\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b|\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b"
                                + "|\\b(?:on|by|before|until)\\s+(\\d{1,2})(?:st|nd|rd|th)\\b",
                        Dates::dayOfMonth,
                        Dates::hasOrdinal),
                // "el día 15", "bis zum 15.", "am 15.": the next such day of the month
                rule(
                        "\\b(?:el día|el dia|bis zum|zum|am)\\s+(\\d{1,2})\\b\\.?(?!\\s*(?:%|€|eur|\\d))",
                        Dates::dayOfMonth, Needles.anyOf("el día", "el dia", "zum ", "am ")),
                // "500 $ le 1er et 500 $ le 15", "el 15", "ab dem 15.": a day of the month after an article
                rule(
                        "\\b(?:le|el|au|al|del|dem|ab dem|ab)\\s+(\\d{1,2})(?:er|º|°|\\.)?(?!\\d|\\p{L}|[.,:/]\\d|\\s+\\d|\\s+(?:pago|pagos|abono|plazo|cuota|versement|"
                                + "paiement|acompte|rate|zahlung|tranche)\\b|\\s*(?:%|€|\\$|eur|"
                                + "usd|h\\b|uhr|heures?|horas?|d[ií]as|jours|tage|semanas|semaines|wochen|mois|meses|monate|"
                                + "ans|años|jahre|pour|por|prozent))",
                        Dates::dayOfMonth, Needles.anyOf("le ", "el ", "au ", "al ", "del ", "dem ", "ab ")));
    }

    private Dates() {}

    /** The dates in {@code text}, in the order written, each once. */
    static List<LocalDate> find(String text, LocalDate today) {
        return find(text, today, false);
    }

    /**
     * As {@link #find(String, LocalDate)}; {@code dayFirst} reads "3/4" as 3 April, as everywhere but the US and
     * Canada.
     */
    static List<LocalDate> find(String text, LocalDate today, boolean dayFirst) {
        // each rule reads what the earlier ones left: a date's words are blanked once a rule has taken them
        String rest = text.toLowerCase(Locale.ROOT);
        List<Map.Entry<Integer, LocalDate>> found = new ArrayList<>();
        for (Rule rule : dayFirst ? DAY_FIRST : MONTH_FIRST) {
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
        // Unicode word boundaries: "übermorgen" and "février" are words
        return Pattern.compile(
                regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
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
        if (unit.matches("days?|d[ií]as?|jours?|tagen?")) {
            return Optional.of(today.plusDays(n));
        }
        if (unit.matches("weeks?|wks?|semanas?|semaines?|wochen?")) {
            return Optional.of(today.plusWeeks(n));
        }
        return Optional.of(today.plusMonths(n));
    }

    private static boolean frenchYesterday(String text) {
        String padded = " " + text + " ";
        return text.contains("hier")
                && Needles.anyOf(" nous ", " avons ", " vous ", " été ", " est ", " le ", " la ", " je ", "c'est")
                        .test(padded)
                && !Needles.anyOf(" ist ", " die ", " der ", " wir ", " sie ", " und ")
                        .test(padded);
    }

    /** The month a match names, in English or another language; 0 when it names none. */
    private static int namedMonth(MatchResult m) {
        String all = m.group().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Integer> e : MONTHS_ML.entrySet()) {
            if (pattern("\\b" + Pattern.quote(e.getKey()) + "\\b").matcher(all).find()) {
                return e.getValue();
            }
        }
        Matcher en = pattern("\\b" + MONTHS + "\\b").matcher(all);
        return en.find() ? month(en.group(1)) : 0;
    }

    private static Optional<LocalDate> middle(MatchResult m, LocalDate today) {
        int month = namedMonth(m);
        if (month == 0) {
            return Optional.of(
                    today.getDayOfMonth() <= 15
                            ? today.withDayOfMonth(15)
                            : today.plusMonths(1).withDayOfMonth(15));
        }
        return monthDay(today, month, 15, Optional.empty());
    }

    private static Optional<LocalDate> firstOf(MatchResult m, LocalDate today) {
        int month = namedMonth(m);
        return month == 0 ? Optional.empty() : monthDay(today, month, 1, Optional.empty());
    }

    private static Optional<LocalDate> endOf(LocalDate today, int month) {
        return monthDay(today, month, 1, Optional.empty()).map(d -> d.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private static boolean hasOtherLanguageMonth(String text) {
        for (String name : MONTHS_ML.keySet()) {
            if (text.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> monthsInOtherLanguages() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        String[] names = {
            "enero,janvier,januar,jänner",
            "febrero,février,fevrier,févr,februar",
            "marzo,mars,märz,maerz",
            "abril,avril,april",
            "mayo,mai",
            "junio,juin,juni",
            "julio,juillet,juli",
            "agosto,août,aout,august",
            "septiembre,setiembre,septembre,september",
            "octubre,octobre,oktober",
            "noviembre,novembre,november",
            "diciembre,décembre,decembre,dezember"
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i].split(",")) {
                m.put(n, i + 1);
            }
        }
        // longest first, so "févr" does not take "février" and "juli" not "juillet"
        return m.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Optional<LocalDate> weekday(MatchResult m, Optional<MatchResult> lead, LocalDate today) {
        DayOfWeek day = WEEKDAYS.get(m.group(1));
        String qualifier = lead.map(l -> l.group(1).trim()).orElse("");
        String after = m.group().strip();
        if (qualifier.matches("every other|every|each|cada|chaque|jeden")) {
            return Optional.empty(); // "our check run is every other Thursday": a habit, not a date
        }
        if (qualifier.matches("last|past|letzten|vergangenen|el pasado|le dernier")
                || after.endsWith(" pasado")
                || after.endsWith(" dernier")) {
            return Optional.of(today.with(TemporalAdjusters.previous(day)));
        }
        if (qualifier.equals("this")
                || qualifier.equals("diesen")
                || qualifier.equals("ce")
                || qualifier.equals("este")) {
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
