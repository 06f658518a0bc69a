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
 * {@code >}-quoted block is kept. A note above a forwarded message is the reply; a message that is only a forward is
 * kept whole: what was forwarded is the content.
 */
final class Quotations {
    private Quotations() {}

    /**
     * Case-blind in every script, and Unicode-aware classes: since Java 19 {@code \\b} and {@code \\w} are ASCII
     * unless asked, so "пн," or "på" would have no word boundary and a Russian or Danish header would go unseen.
     */
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final int MAX_HEADER_LINE = 400;
    /** Fewer letters than this above a forwarded message ("FYI", "see below") and the forward is the content. */
    private static final int NOTE_CHARACTERS = 25;

    private static final String WROTE =
            "(wrote|sent|schreef|a [ée]crit|napisał|napisała|pisze|skrev|skrivit|geschreven|đã viết|написал[аи]?|"
                    + "пишет|писал\\(а\\)|escribió|va escriure|ha escrit|scrisse|escreveu|kirjoitti|schrieb|"
                    + "ha scritto|yazdı|napsal|írta|kirjutas|写道|寫道|님이 작성|작성)";
    private static final Pattern WROTE_END = Pattern.compile(WROTE + "\\s*:?\\s*-*\\s*$", F);
    private static final Pattern ANDROID = Pattern.compile("^\\s*+-{2,}+\\s*+\\S.*\\s" + WROTE + "\\s*-{2,}\\s*$", F);
    private static final Pattern WROTE_ANY = Pattern.compile("(^|\\s)" + WROTE + "(\\s|$)", F);
    /** A line that may begin a quotation header wrapped over several lines ("On Tue, Apr 11, 2017 at 10:07 PM John"). */
    private static final Pattern STARTER = Pattern.compile(
            "^\\s*(>\\s*)?-*\\s*((on|le|op|am|el|il|il giorno|em|den|på|w dniu|vào|dne|в|вт|пн|ср|чт|пт|сб|вс|"
                    + "ma|ti|ke|to|pe|la|su)\\b|\\d|在)",
            F);

    private static final Pattern MID_LINE =
            Pattern.compile("^(.*?\\S)\\s*-*\\s*\\bOn\\s.{0,200}\\b(wrote|sent):\\s*$", F);
    private static final Pattern DATE_START = Pattern.compile("^\\s*(>\\s*)?\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b");
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*+[-_]{2,}+\\s*+(original message|reply message|ursprüngliche nachricht|original-nachricht|"
                    + "originalnachricht|antwort nachricht|oprindelig meddelelse|opprinnelig melding|"
                    + "ursprungligt meddelande|message d'origine|message original|mensaje original|missatge original|"
                    + "messaggio originale|mensagem original|oorspronkelijk bericht|origineel bericht|alkuperäinen viesti|"
                    + "původní zpráva|oryginalna wiadomość|wiadomość oryginalna|исходное сообщение|"
                    + "original message \\(.*\\)|原始邮件|元のメッセージ|원본 메시지)\\s*[-_]{2,}\\s*$",
            F);
    private static final Pattern FORWARDED = Pattern.compile(
            "^\\s*+-{2,}+\\s*+(forwarded message|begin forwarded message|weitergeleitete nachricht|message transféré|"
                    + "message transfere|mensaje reenviado|doorgestuurd bericht|messaggio inoltrato|mensagem encaminhada|"
                    + "missatge reenviat|videresendt melding|videresendt meddelelse|vidarebefordrat meddelande|"
                    + "välitetty viesti|przekazana wiadomość|wiadomość przekazana|пересылаемое сообщение|"
                    + "пересланное сообщение|перенаправленное сообщение|转发的邮件|已转发邮件|転送されたメッセージ|전달된 메시지)\\s*-*\\s*:?\\s*$"
                    + "|^\\s*(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|"
                    + "inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|"
                    + "início da mensagem reencaminhada|начало переадресованного сообщения|vidarebefordrat brev|"
                    + "videresendt besked|转发的邮件开始)\\s*[:：]\\s*$",
            F);
    private static final String HEADER_NAMES =
            "from|sent|date|to|cc|subject|von|gesendet|an|betreff|datum|de|envoyé|envoye|à|a|objet|para|enviado|"
                    + "asunto|fecha|da|inviato|oggetto|data|assunto|enviat el|enviat|per a|assumpte|"
                    + "fra|sendt|til|emne|från|skickat|till|ämne|van|verzonden|aan|onderwerp|od|wysłano|do|temat|от|отправлено|"
                    + "кому|тема|дата|копия|lähettäjä|lähetetty|vastaanottaja|aihe|päivämäärä|kopio|"
                    + "发件人|发送时间|收件人|主题|抄送|日期|差出人|送信日時|宛先|件名|보낸 사람|보낸 날짜|받는 사람|제목|참조";
    private static final Pattern HEADER = Pattern.compile("^\\s*>?\\s*\\*?(" + HEADER_NAMES + ")\\s*\\*?\\s*[:：]", F);
    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*>?\\s*\\*?(from|von|de|fra|från|van|od|от|da|lähettäjä|date|datum|дата|发件人|差出人|보낸 사람)"
                    + "\\s*\\*?\\s*[:：]",
            F);
    private static final Pattern SENDER_HEADER = Pattern.compile(
            "^\\s*>?\\s*\\*?(from|von|de|fra|från|van|od|от|da|lähettäjä|发件人|差出人|보낸 사람|to|an|à|a|para|per a|til|"
                    + "till|aan|do|кому|vastaanottaja|收件人|宛先|받는 사람|subject|betreff|objet|asunto|oggetto|assunto|"
                    + "assumpte|emne|ämne|onderwerp|temat|тема|aihe|主题|件名|제목)\\s*\\*?\\s*[:：]",
            F);

    /**
     * A header in any language: a time of day, then an address in angle brackets (or parentheses), then a colon to end
     * the line — a reply's own sentences do not take that shape.
     */
    private static final Pattern DATED_ADDRESS = Pattern.compile(
            "^(>\\s*)?.{0,80}\\b\\d{1,2}[:.]\\d{2}\\b.{0,120}[<((\\[]\\s*(mailto:)?[^\\s<>@]+@[^\\s<>]+\\s*[>)\\]].{0,40}[:：]$");

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
                    && (lines[i].contains("--")
                            || lines[i].stripTrailing().endsWith(":")
                            || lines[i].stripTrailing().endsWith("："))
                    && FORWARDED.matcher(lines[i]).lookingAt()) {
                // a note above a forward is the reply; a bare forward ("FYI") is about what was forwarded
                String above = join(Arrays.asList(lines).subList(0, i)).strip();
                return above.replaceAll("\\s+", "").length() < NOTE_CHARACTERS ? body.strip() : above;
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
        if ((line.indexOf(':') > 0 || line.indexOf('：') > 0)
                && BLOCK_START.matcher(line).lookingAt()
                && headerBlock(lines, i)) {
            return new Splitter(i, i, "");
        }
        int wraps = STARTER.matcher(line).lookingAt() && !line.strip().matches(".*[.!?]$") ? 1 : 0;
        for (int j = i, n = Math.min(lines.length - 1, i + wraps); j <= n; j++) {
            String joined = j == i ? line.strip() : line.strip() + " " + lines[j].strip();
            if (joined.length() < 300 && DATED_ADDRESS.matcher(joined).matches()) {
                return new Splitter(i, j, ""); // "2026年3月3日(火) 10:14 Name <a@b.com>:", "вт, 3 мар. 2026 г. в 10:14, …:"
            }
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
        "kirjutas",
        "pisze",
        "пишет",
        "писал",
        "escriure",
        "escrit",
        "写道",
        "寫道",
        "작성"
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
