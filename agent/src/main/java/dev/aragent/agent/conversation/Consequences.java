package dev.aragent.agent.conversation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a tenant's configured consequences may be stated to one account. A consequence states its own condition in
 * words ("accounts more than 60 days past due may be placed on credit hold"), and it is stated only to an account
 * whose oldest open invoice meets it; one that names no number of days holds for any account past due. So a message
 * never says "may be placed on credit hold" to an account 33 days late under a 60-day rule.
 */
final class Consequences {
    private static final Pattern MORE_THAN = Pattern.compile(
            "(?i)\\b(?:more than|over|beyond|longer than|past)\\s+(\\d{1,3})\\s+(?:calendar\\s+)?days\\b");
    private static final Pattern AT_LEAST =
            Pattern.compile("(?i)\\b(?:(\\d{1,3})\\s*\\+\\s*days|(\\d{1,3})\\s+(?:or more|and more|and over)\\s+days"
                    + "|(?:at least|after)\\s+(\\d{1,3})\\s+days)\\b");

    private Consequences() {}

    /** The consequences whose condition holds for an account whose oldest open invoice is {@code daysPastDue} late. */
    static List<String> holding(List<String> configured, long daysPastDue) {
        return configured.stream().filter(c -> holds(c, daysPastDue)).toList();
    }

    static boolean holds(String consequence, long daysPastDue) {
        Matcher more = MORE_THAN.matcher(consequence);
        if (more.find()) {
            return daysPastDue > Long.parseLong(more.group(1));
        }
        Matcher least = AT_LEAST.matcher(consequence);
        if (least.find()) {
            for (int g = 1; g <= 3; g++) {
                if (least.group(g) != null) {
                    return daysPastDue >= Long.parseLong(least.group(g));
                }
            }
        }
        return daysPastDue > 0;
    }
}
