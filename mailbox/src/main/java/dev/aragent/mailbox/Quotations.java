package dev.aragent.mailbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes quoted history from a plain-text reply: the first quotation header ("On … wrote:" in many languages and
 * wrapped over several lines, Outlook-style From/Sent/To/Subject blocks, "-----Original Message-----", a date and
 * address line) and what it introduces; a trailing block of {@code >} lines. Text the sender wrote below a
 * {@code >}-quoted block is kept. A message whose first marker is a forwarded message is kept whole: what was
 * forwarded is the content.
 */
final class Quotations {
    private Quotations() {}

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final int MAX_HEADER_LINE = 400;
    private static final String WROTE =
            "(wrote|sent|schreef|a [ée]crit|napisał|skrev|skrivit|geschreven|đã viết|написал[аи]?|"
                    + "escribió|scrisse|escreveu|kirjoitti|schrieb|ha scritto|yazdı|napsal|írta|kirjutas)";
    private static final Pattern WROTE_END = Pattern.compile(WROTE + "\\s*:?\\s*-*\\s*$", F);
    private static final Pattern ANDROID = Pattern.compile("^\\s*+-{2,}+\\s*+\\S.*\\s" + WROTE + "\\s*-{2,}\\s*$", F);
    private static final Pattern WROTE_ANY = Pattern.compile("(^|\\s)" + WROTE + "(\\s|$)", F);
    /** A line that may begin a quotation header wrapped over several lines ("On Tue, Apr 11, 2017 at 10:07 PM John"). */
    private static final Pattern STARTER =
            Pattern.compile("^\\s*(>\\s*)?-*\\s*((on|le|op|am|el|il|em|den|på|w dniu|vào|dne)\\b|\\d)", F);

    private static final Pattern MID_LINE =
            Pattern.compile("^(.*?\\S)\\s*-*\\s*\\bOn\\s.{0,200}\\b(wrote|sent):\\s*$", F);
    private static final Pattern DATE_START = Pattern.compile("^\\s*(>\\s*)?\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*+[-_]{2,}+\\s*+(original message|reply message|ursprüngliche nachricht|antwort nachricht|oprindelig meddelelse|"
                    + "message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|"
                    + "alkuperäinen viesti|původní zpráva|oryginalna wiadomość|исходное сообщение)\\s*[-_]{2,}\\s*$",
            F);
    private static final Pattern FORWARDED = Pattern.compile(
            "^\\s*+-{2,}+\\s*+(forwarded message|begin forwarded message|weitergeleitete nachricht|message transféré|"
                    + "mensaje reenviado|doorgestuurd bericht)\\s*-*\\s*:?\\s*$|^\\s*begin forwarded message:\\s*$",
            F);
    private static final String HEADER_NAMES =
            "from|sent|date|to|cc|subject|von|gesendet|an|betreff|datum|de|envoyé|à|objet|"
                    + "fra|sendt|til|emne|från|skickat|till|ämne|van|verzonden|aan|onderwerp|od|wysłano|do|temat|от|отправлено|"
                    + "кому|тема|дата";
    private static final Pattern HEADER = Pattern.compile("^\\s*>?\\s*\\*?(" + HEADER_NAMES + ")\\s*\\*?\\s*:", F);
    private static final Pattern BLOCK_START =
            Pattern.compile("^\\s*>?\\s*\\*?(from|von|de|fra|från|van|od|от|date|datum|дата)\\s*\\*?\\s*:", F);
    private static final Pattern SENDER_HEADER = Pattern.compile(
            "^\\s*>?\\s*\\*?(from|von|de|fra|från|van|od|от|to|an|à|til|till|aan|do|кому|subject|betreff|objet|emne|ämne|onderwerp|temat|тема)\\s*\\*?\\s*:",
            F);

    /** Where the quotation starts: lines {@code [start, end]} are its header; {@code prefix} is reply text on line start. */
    private record Splitter(int start, int end, String prefix) {}

    static String remove(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean[] wrote = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            wrote[i] = mentionsWrote(lines[i]);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() <= MAX_HEADER_LINE
                    && (lines[i].contains("--") || lines[i].regionMatches(true, 0, "begin", 0, 5))
                    && FORWARDED.matcher(lines[i]).lookingAt()) {
                return body.strip();
            }
            Splitter s = splitterAt(lines, wrote, i);
            if (s != null) {
                return join(cut(lines, s)).strip();
            }
        }
        return join(withoutTrailingQuote(Arrays.asList(lines))).strip();
    }

    private static Splitter splitterAt(String[] lines, boolean[] wrote, int i) {
        String line = lines[i];
        if (line.isBlank() || line.length() > MAX_HEADER_LINE) {
            return null; // a quotation header is a short line; long ones (boundaries, encoded data) cannot be one
        }
        boolean dashes = line.contains("--") || line.contains("__");
        if (dashes
                && (ORIGINAL.matcher(line).matches()
                        || wrote[i] && ANDROID.matcher(line).matches())) {
            return new Splitter(i, i, "");
        }
        boolean wrapped = line.length() < 300 && STARTER.matcher(line).lookingAt();
        boolean colonEnd = line.stripTrailing().endsWith(":");
        String end = line.stripTrailing().toLowerCase(java.util.Locale.ROOT);
        if (colonEnd && !wrapped && (end.endsWith("wrote:") || end.endsWith("sent:"))) {
            Matcher mid = MID_LINE.matcher(line);
            if (mid.matches()) {
                return new Splitter(i, i, mid.group(1).replaceAll("-+$", "").strip());
            }
        }
        int last = wrapped ? Math.min(lines.length - 1, i + 5) : i;
        if ((wrapped || line.contains("@")) && anyTrue(wrote, i, last)) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j <= last && joined.length() < 400; j++) {
                joined.append(' ').append(lines[j].strip());
                String text = joined.toString().strip();
                String tail = text.length() > 48 ? text.substring(text.length() - 48) : text;
                boolean said = WROTE_END.matcher(tail).find()
                        || text.endsWith(":")
                                && text.contains("@")
                                && WROTE_ANY.matcher(text).find();
                if (said && (text.contains("@") || hasDigit(text))) {
                    return new Splitter(i, j, "");
                }
            }
        }
        if (DATE_START.matcher(line).lookingAt()) {
            String joined = line;
            for (int j = i; j <= Math.min(lines.length - 1, i + 2); j++) {
                joined = j == i ? line : joined + " " + lines[j].strip();
                if (joined.contains("@") && (joined.strip().endsWith(":") || quoteFollows(lines, j + 1))) {
                    return new Splitter(i, j, "");
                }
            }
        }
        if (line.indexOf(':') > 0 && BLOCK_START.matcher(line).lookingAt() && headerBlock(lines, i)) {
            return new Splitter(i, i, "");
        }
        return null;
    }

    private static final String[] WROTE_WORDS = {
        "wrote",
        "sent",
        "schreef",
        "crit",
        "napisa",
        "skrev",
        "skrivit",
        "geschreven",
        "viết",
        "написал",
        "escribi",
        "scrisse",
        "escreveu",
        "kirjoitti",
        "schrieb",
        "scritto",
        "yazd",
        "napsal",
        "írta",
        "kirjutas"
    };

    /** A cheap test, before any regular expression, that a line could hold the verb of a quotation header. */
    private static boolean mentionsWrote(String line) {
        if (line.length() > MAX_HEADER_LINE) {
            return false;
        }
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String w : WROTE_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyTrue(boolean[] flags, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (flags[k]) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isDigit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** At least two header lines within the next lines, one of them naming a sender, recipient or subject. */
    private static boolean headerBlock(String[] lines, int i) {
        int headers = 0;
        boolean party = false;
        for (int j = i; j < Math.min(lines.length, i + 8); j++) {
            if (HEADER.matcher(lines[j]).lookingAt()) {
                headers++;
                party |= SENDER_HEADER.matcher(lines[j]).lookingAt() && j > i
                        || SENDER_HEADER.matcher(lines[i]).lookingAt();
            }
        }
        return headers >= 2 && party;
    }

    private static boolean quoteFollows(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return lines[j].stripLeading().startsWith(">");
            }
        }
        return false;
    }

    /** The reply above the splitter, and any text below a {@code >}-quoted block that follows it. */
    private static List<String> cut(String[] lines, Splitter s) {
        List<String> reply =
                new ArrayList<>(withoutTrailingQuote(Arrays.asList(lines).subList(0, s.start())));
        if (!s.prefix().isEmpty()) {
            reply.add(s.prefix());
        }
        int j = s.end() + 1;
        while (j < lines.length && lines[j].isBlank()) {
            j++;
        }
        if (j >= lines.length || !lines[j].stripLeading().startsWith(">")) {
            return reply;
        }
        int end = quoteEnd(lines, j);
        List<String> after = new ArrayList<>(Arrays.asList(lines).subList(end, lines.length));
        while (!after.isEmpty() && after.getFirst().isBlank()) {
            after.removeFirst();
        }
        if (!after.isEmpty()) {
            reply.addAll(withoutTrailingQuote(after));
        }
        return reply;
    }

    /** The index after a {@code >} block starting at {@code from}; a stray line between quoted ones (a wrapped link) belongs to it. */
    private static int quoteEnd(String[] lines, int from) {
        int end = from;
        for (int j = from; j < lines.length; j++) {
            String l = lines[j].stripLeading();
            if (l.startsWith(">")) {
                end = j + 1;
            } else if (!l.isEmpty() && !(nextQuoted(lines, j + 1, 2))) {
                break;
            }
        }
        return end;
    }

    private static boolean nextQuoted(String[] lines, int from, int within) {
        for (int j = from; j < Math.min(lines.length, from + within); j++) {
            if (lines[j].stripLeading().startsWith(">")) {
                return true;
            }
        }
        return false;
    }

    /** Drops a block of {@code >} lines that ends the message, and a header line ending in ':' just above it. */
    private static List<String> withoutTrailingQuote(List<String> lines) {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        if (last < 0 || !lines.get(last).stripLeading().startsWith(">")) {
            return lines;
        }
        int start = last;
        while (start > 0) {
            String prev = lines.get(start - 1).stripLeading();
            if (prev.startsWith(">")
                    || prev.isEmpty()
                    || start - 2 >= 0 && lines.get(start - 2).stripLeading().startsWith(">")) {
                start--;
            } else {
                break;
            }
        }
        while (start < lines.size() && !lines.get(start).stripLeading().startsWith(">")) {
            start++;
        }
        int header = start - 1;
        while (header >= 0 && lines.get(header).isBlank()) {
            header--;
        }
        if (header >= 0) {
            String h = lines.get(header).strip();
            if (h.endsWith(":") && (h.contains("@") || h.matches(".*\\d.*"))) {
                start = header;
            }
        }
        return lines.subList(0, start);
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
