package dev.aragent.agent.intent;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a text must contain for a pattern to match at all. Looking for a word is far cheaper than trying a pattern at
 * every position of a long message, and most messages name few kinds of date or sum: a pattern whose words are absent
 * is not tried.
 */
final class Needles {
    private Needles() {}

    /** True when the text (lower-cased by the caller) contains one of {@code words}. */
    static Predicate<String> anyOf(String... words) {
        List<String> all = List.of(words);
        return text -> {
            for (String w : all) {
                if (text.contains(w)) {
                    return true;
                }
            }
            return false;
        };
    }

    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
