package dev.aragent.mailbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Removes the signature from the end of a reply: a delimiter line ("--", "-- ", "___", "-Name"), a "Sent from my
 * phone" line, a sign-off ("Thanks,", "Best regards") followed by a few short lines, a block naming the sender, or a
 * legal disclaimer. Only the last {@value #MAX_LINES} non-empty lines are considered, and never the first line.
 */
final class Signatures {
    private Signatures() {}

    static final int MAX_LINES = 11;
    private static final int SHORT = 60;
    /**
     * Case-blind in every script, and Unicode-aware classes: since Java 19 {@code \\b} and {@code \\w} are ASCII
     * unless asked, so "пн," or "på" would have no word boundary and a Russian or Danish header would go unseen.
     */
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern DELIMITER =
            Pattern.compile("^\\s*(-{2,}|_{2,}|—+|={3,}|\\*{3,})\\s*$|^\\s*-\\s*\\p{L}[\\p{L}.' ]{0,25}$");
    private static final Pattern DEVICE = Pattern.compile(
            "^\\s*((sent|skickades|enviado|envoyé|envoye|gesendet|inviato|verzonden|verstuurd|skickat|sendt|lähetetty|wysłano|"
                    + "отправлено|enviat)\\s+(from|desde|depuis|de|von|vom|da|dal|do|vanaf|van|met|with|via|using|med|fra|"
                    + "från|z|с|minun|des de)\\b|von meinem\\b.*\\bgesendet|(get|download|obtenir|holen sie sich|obtener|scarica|"
                    + "baixar|descargar|hämta|hent|hanki|pobierz|скачать|downloaden)\\s+outlook\\b|outlook (for|pour|für|para|"
                    + "per|voor|för|til|dla|для) (ios|android)|.*iphone(から送信|에서 보냄)|从我的|發自我的|来自我的|发自我的|寄自我的"
                    // Latin product names inside other scripts ("iOS용 Outlook"): bounded by what is not a Latin letter
                    + "|.*(?<![a-z])outlook(?![a-z]).*(?<![a-z])(ios|android)(?![a-z])"
                    + "|.*(?<![a-z])(ios|android)(?![a-z]).*(?<![a-z])outlook(?![a-z]))",
            F);
    /** What a device footer names: a phone, a tablet, a mail app ("Sent via ACH today" is a payment, not a footer). */
    private static final Pattern DEVICE_WORD = Pattern.compile(
            "(?iu)iphone|ipad|android|samsung|galaxy|outlook|mobile|phone|handy|m[oó]vil|portable|blackberry|tablet|"
                    + "\\bios\\b|\\bmail\\b|pixel|huawei|xiaomi|から送信|에서 보냄|从我的|發自我的|来自我的|发自我的|寄自我的");
    /** The Outlook-for-iOS/Android footer in any language is a few words ("iOS 版 Outlook を入手"), not a sentence. */
    private static final Pattern OUTLOOK_ANYWHERE =
            Pattern.compile("(?iu).*\\boutlook\\b.*\\b(ios|android)\\b.*|.*\\b(ios|android)\\b.*\\boutlook\\b.*");
    /** A device footer is a short phrase, not a sentence that happens to start with "Sent from my …". */
    private static final int DEVICE_WORDS = 9;

    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(thanks|thank you|thanks again|many thanks|thanks in advance|thx|ty|regards|best regards|kind regards|"
                    + "warm regards|warmest regards|best wishes|best|all the best|cheers|sincerely|yours sincerely|yours truly|"
                    + "respectfully|br|merci|merci beaucoup|merci d'avance|cordialement|bien cordialement|bien à vous|"
                    + "salutations|meilleures salutations|gracias|muchas gracias|saludos|un saludo|saludos cordiales|"
                    + "un cordial saludo|atentamente|danke|vielen dank|viele grüße|beste grüße|liebe grüße|freundliche grüße|"
                    + "mit freundlichen grüßen|mit besten grüßen|grüße|gruß|lg|mfg|met vriendelijke groet(en)?|"
                    + "vriendelijke groet(en)?|groeten|groet|bedankt|alvast bedankt|med vänliga hälsningar|med vänlig hälsning|"
                    + "vänliga hälsningar|hälsningar|tack|mvh|med venlig hilsen|venlig hilsen|vennlig hilsen|med vennlig hilsen|"
                    + "hilsen|kh|kærlig hilsen|bedste hilsner|de bedste hilsner|venlige hilsner|vänligen|mvh\\.|"
                    + "ystävällisin terveisin|terveisin|kiitos|pozdrawiam|z poważaniem|dziękuję|obrigado|obrigada|"
                    + "atenciosamente|cumprimentos|abraços|grazie|grazie mille|cordiali saluti|distinti saluti|saluti|"
                    + "salutacions|gràcies|moltes gràcies|с уважением|спасибо|此致|此致敬礼|谢谢|感謝|감사합니다|"
                    + "よろしくお願いいたします|よろしくお願いします|un abrazo|abrazos|una abraçada|cordialmente|"
                    + "un saludo cordial|saludos cordiales|besos|bisous|amitiés|bien amicalement|hartelijke groet(en)?|"
                    + "祝好|顺祝商祺|此致敬礼|敬上|謝謝|수고하세요|드림|"
                    // the Nordic thanks and closings, and other languages' common variants
                    + "tak|mange tak|tak på forhånd|på forhånd tak|takk|tusen takk|takk på forhånd|på forhånd takk|"
                    + "tack på förhand|tack så mycket|stort tack|tusen tack|bästa hälsningar|med bästa hälsningar|"
                    + "vänlig hälsning|vennlige hilsener|vennlig hilsen|beste hilsen|beste hilsener|bedste hilsner|"
                    + "med venlige hilsner|mange hilsner|parhain terveisin|kiittäen|yst\\. terv\\.|pozdrawiam serdecznie|"
                    + "serdecznie pozdrawiam|z wyrazami szacunku|herzliche grüße|schöne grüße|mit freundlichem gruß|"
                    + "freundliche grüsse|mit freundlichen grüssen|un saluto|sincères salutations|atte\\.?|groetjes|mvg|"
                    + "всего доброго|с наилучшими пожеланиями|com os melhores cumprimentos|"
                    // a wish for the day or the weekend closes a letter too
                    + "trevlig helg|ha en bra dag|ha en fin dag|ha en fin helg|god helg|hav en god dag|god weekend|"
                    + "god dag|schönes wochenende|schönen tag noch|bon week-end|bonne journée|buen fin de semana|"
                    + "buon fine settimana|fijn weekend|fijne dag|mukavaa viikonloppua|miłego dnia|хорошего дня)[\\s!.,:;)。！]*$",
            F);
    private static final Pattern DISCLAIMER = Pattern.compile(
            "^\\s*(confidentiality notice|disclaimer|this (e-?mail|message)( and any (attachments?|files?)( transmitted with it)?)? "
                    + "(is|are|may be) (confidential|intended)|the information (contained )?in this (e-?mail|message)|"
                    + "if you (have )?received this (e-?mail|message) in error)",
            F);

    static String remove(String body, Optional<String> sender) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                nonEmpty.add(i);
            }
        }
        if (nonEmpty.size() < 2) {
            return body.strip();
        }
        int cut = disclaimer(lines, nonEmpty).orElse(lines.length);
        List<Integer> region = nonEmpty.stream().filter(i -> i < cut).toList();
        List<Integer> tail = region.subList(Math.max(1, region.size() - MAX_LINES), region.size());
        List<String> names = nameTokens(sender);
        int at = cut;
        for (int i : tail) {
            if (signatureStartsAt(lines, i, cut, names)) {
                at = i;
                break;
            }
        }
        return String.join("\n", Arrays.asList(lines).subList(0, at)).strip();
    }

    private static boolean signatureStartsAt(String[] lines, int i, int end, List<String> names) {
        String line = lines[i];
        if (DELIMITER.matcher(line).matches() && !framesABlock(lines, i, end) || device(line)) {
            return true;
        }
        if (!restIsShort(lines, i, end)) {
            return false;
        }
        if (SIGN_OFF.matcher(line).matches()) {
            return nonEmptyBetween(lines, i + 1, end) <= 6;
        }
        return !names.isEmpty()
                && line.strip().length() <= SHORT
                && mentions(line, names)
                && nonEmptyBetween(lines, i + 1, end) <= 8;
    }

    /** A rule of five or more dashes with another below it frames details the sender set off, not a signature. */
    private static boolean framesABlock(String[] lines, int i, int end) {
        String rule = lines[i].strip();
        if (rule.length() < 5) {
            return false;
        }
        for (int j = i + 1; j < end; j++) {
            if (lines[j].strip().equals(rule)) {
                return true;
            }
        }
        return false;
    }

    private static boolean device(String line) {
        String s = line.strip().replaceAll("<[^>]*>|https?://\\S+", "");
        int colon = s.indexOf(':');
        int words = s.split("\\s+").length;
        return s.length() <= SHORT + 20
                && words <= DEVICE_WORDS
                && (DEVICE_WORD.matcher(s).find() || words <= 3)
                && !(OUTLOOK_ANYWHERE.matcher(s).matches() && words > 5)
                && (colon < 0 || colon == s.length() - 1 || !Character.isWhitespace(s.charAt(colon + 1)))
                && DEVICE.matcher(line).lookingAt();
    }

    /**
     * The reply as a reader sees it: like {@link #remove}, but the closing ("Thanks,", "Mit freundlichen Grüßen") and
     * the name line under it stay — they are part of what the sender wrote — and the block of title, company, numbers
     * or a device footer below them goes.
     */
    static String removeKeepingSignOff(String body, Optional<String> sender) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Integer> nonEmpty = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                nonEmpty.add(i);
            }
        }
        int cut =
                nonEmpty.isEmpty() ? lines.length : disclaimer(lines, nonEmpty).orElse(lines.length);
        List<Integer> region = nonEmpty.stream().filter(i -> i < cut).toList();
        // the last closing wins ("Thanks! We'll pay Friday … Best, Gina"), and a closing is one only when what
        // follows it is a name, a signature block or nothing: "As discussed,\nwe'll pay …" is a sentence
        for (int k = region.size() - 1; k >= Math.max(1, region.size() - MAX_LINES); k--) {
            int i = region.get(k);
            String line = lines[i].strip();
            if (line.length() > SHORT || !restIsShort(lines, i, cut) || !closing(line)) {
                continue;
            }
            String next = k + 1 < region.size() ? lines[region.get(k + 1)].strip() : "";
            boolean nameNext = NAME_LINE.matcher(next).matches()
                    && !device(next)
                    && !SIGN_OFF.matcher(next).matches()
                    && next.split("\\s+").length <= 4;
            // a closing that names the sender ("Mvh Emma") may have the signature block right under it
            if (!next.isEmpty()
                    && !nameNext
                    && !device(next)
                    && !DELIMITER.matcher(next).matches()
                    && !namedInLine(line)) {
                continue;
            }
            int last = !namedInLine(line) && nameNext ? region.get(k + 1) : i;
            return String.join("\n", Arrays.asList(lines).subList(0, last + 1)).strip();
        }
        String without = remove(body, sender);
        // a lone name line the signature search took (it names the sender) stays when only a footer follows it
        String[] all = body.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n", -1);
        int kept = without.isEmpty() ? 0 : without.split("\n", -1).length;
        List<String> rest =
                Arrays.stream(all).skip(kept).filter(l -> !l.isBlank()).toList();
        if (!rest.isEmpty()
                && NAME_LINE.matcher(rest.getFirst().strip()).matches()
                && !device(rest.getFirst())
                && rest.getFirst().strip().split("\\s+").length <= 3
                && (rest.size() == 1
                        || device(rest.get(1))
                        || DELIMITER.matcher(rest.get(1)).matches())) {
            return (without + "\n\n" + rest.getFirst().strip()).strip();
        }
        return without;
    }

    /** Words that close a letter, in a short line of their own ("Vielen Dank und viele Grüße", "Hilsen Erik"). */
    private static final Pattern CLOSING = Pattern.compile(
            "(?U)\\b(mvh|mvg|regards|grüße|grüssen|gruß|gruss|groet|groeten|hilsen|hilsner|hilsener|hälsning|hälsningar|terveisin|saludos|saludo|"
                    + "salutations|cordialement|cordiali|saluti|pozdrawiam|poważaniem|уважением|cumprimentos|abraços|"
                    + "salutacions|bonne journée|bonne fin de journée|schönen tag|buen día|buena tarde|buona giornata|cheers|"
                    + "감사합니다|드림|よろしくお願い|此致|谢谢|谢谢您)(?!\\p{L})",
            F);

    /** "Hilsen Erik", "Gr. Bram": the closing words, then the name on the same line. */
    private static boolean namedInLine(String line) {
        if (SIGN_OFF.matcher(line).matches()) {
            return false;
        }
        java.util.regex.Matcher m = CLOSING.matcher(line);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        if (end < 0) {
            return false;
        }
        // what follows the closing words is a name: capitalised ("Hilsen Erik", "Gr. Bram"), not more words
        String after = line.substring(end).replaceAll("^[\\s\\p{P}]+", "");
        return !after.isEmpty() && !Character.isLowerCase(after.codePointAt(0));
    }

    private static boolean closing(String line) {
        if (SIGN_OFF.matcher(line).matches()) {
            return true;
        }
        java.util.regex.Matcher m = CLOSING.matcher(line);
        boolean word = false;
        while (m.find()) {
            if (m.group(1) != null) {
                word = true;
                break;
            }
        }
        return word && line.split("\\s+").length <= 6 && !line.endsWith("?") && !line.endsWith(":")
                || line.endsWith(",") && line.split("\\s+").length <= 3;
    }

    /** A line that is a person's name: a few words, no digits, no address or link. */
    private static final Pattern NAME_LINE = Pattern.compile("^[\\p{L}][\\p{L}.'’ -]{0,40}$", Pattern.UNICODE_CASE);

    private static boolean restIsShort(String[] lines, int from, int end) {
        for (int j = from; j < end; j++) {
            if (lines[j].strip().length() > SHORT) {
                return false;
            }
        }
        return true;
    }

    private static int nonEmptyBetween(String[] lines, int from, int end) {
        int n = 0;
        for (int j = from; j < end; j++) {
            if (!lines[j].isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static Optional<Integer> disclaimer(String[] lines, List<Integer> nonEmpty) {
        for (int i : nonEmpty.subList(1, nonEmpty.size())) {
            if (DISCLAIMER.matcher(lines[i]).lookingAt()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Words of the sender's name and mailbox that a signature would repeat ("Gina Smith <gina@x.com>" → gina, smith). */
    static List<String> nameTokens(Optional<String> sender) {
        if (sender.isEmpty()) {
            return List.of();
        }
        String s = sender.get().toLowerCase(Locale.ROOT).replaceAll("@.*?(>|$)", " ");
        return Arrays.stream(s.split("[^\\p{L}]+"))
                .filter(t -> t.length() >= 3)
                .distinct()
                .toList();
    }

    private static boolean mentions(String line, List<String> names) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String n : names) {
            if (Pattern.compile("(^|[^\\p{L}])" + Pattern.quote(n) + "($|[^\\p{L}])")
                    .matcher(lower)
                    .find()) {
                return true;
            }
        }
        return false;
    }
}
