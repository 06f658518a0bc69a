package dev.aragent.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A passage the agent rested on, as a person reads it: {@code [invoice INV-1041, 2026-09-01]} stays "invoice INV-1041
 * of 2026-09-01"; a message, known to the index by an internal key ({@code [message e1071f04-1795446000-in,
 * 2026-11-23]}), becomes "their message of 2026-11-23" or "our reply of 2026-11-23". Anything else is shown as it came.
 */
final class Citations {
    private static final Pattern CITATION = Pattern.compile("\\[([a-z ]+) (.+), (\\d{4}-\\d{2}-\\d{2})]");

    private Citations() {}

    static List<String> words(List<String> citations) {
        return citations.stream().map(Citations::words).toList();
    }

    static String words(String citation) {
        Matcher m = CITATION.matcher(citation.strip());
        if (!m.matches()) {
            return citation;
        }
        String type = m.group(1);
        String id = m.group(2);
        String date = m.group(3);
        if (type.equals("message")) {
            return (id.endsWith("-out") ? "our reply of " : "their message of ") + date;
        }
        return type + " " + id + " of " + date;
    }
}
