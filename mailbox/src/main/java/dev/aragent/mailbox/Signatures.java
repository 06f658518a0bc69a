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
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern DELIMITER =
            Pattern.compile("^\\s*(-{2,}|_{2,}|—+|={3,}|\\*{3,})\\s*$|^\\s*-\\s*\\p{L}[\\p{L}.' ]{0,25}$");
    private static final Pattern DEVICE = Pattern.compile(
            "^\\s*((sent|enviado|envoyé|gesendet|inviato|verzonden|verstuurd|skickat|sendt)\\s+(from|desde|depuis|de|von|vom|da|dal|"
                    + "vanaf|van|with|via|using|med|fra|från)\\b|get outlook for|download outlook for)",
            F);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(thanks|thank you|thanks again|many thanks|thx|ty|regards|best regards|kind regards|warm regards|warmest regards|"
                    + "best wishes|best|all the best|cheers|sincerely|yours sincerely|yours truly|respectfully|br|"
                    + "merci|cordialement|bien à vous|gracias|saludos|un saludo|danke|viele grüße|beste grüße|"
                    + "mit freundlichen grüßen|met vriendelijke groet|groeten|med vänliga hälsningar|hälsningar|mvh|obrigado|"
                    + "atenciosamente|grazie|cordiali saluti|с уважением|спасибо)[\\s!.,:;)]*$",
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
        if (DELIMITER.matcher(line).matches()
                || DEVICE.matcher(line).lookingAt() && line.strip().length() <= SHORT + 20) {
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
