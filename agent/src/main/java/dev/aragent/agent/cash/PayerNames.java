package dev.aragent.agent.cash;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A payer's name as banks write it and as the book does: {@link #normalize} folds case, accents, punctuation and legal
 * forms ("ACME CORP.", "Acme Corporation", "Acme, Inc." are all {@code acme}); {@link #similarity} compares two names
 * by their words, forgiving a truncated or misspelt word (banks cut names at 35 or 70 characters).
 */
public final class PayerNames {
    private static final Set<String> LEGAL = Set.of(
            "group", // not a legal form, but banks and payers drop it as they drop one
            "grp",
            "inc",
            "incorporated",
            "llc",
            "l",
            "lc",
            "ltd",
            "limited",
            "co",
            "corp",
            "corporation",
            "company",
            "plc",
            "gmbh",
            "ag",
            "kg",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "oy",
            "ab",
            "as",
            "aps",
            "pty",
            "lp",
            "llp",
            "the",
            "and",
            "of",
            "dba",
            "gbr",
            "ug",
            "se");

    private PayerNames() {}

    /** Lower case, no accents or punctuation, no legal form, words in order, single spaces. */
    public static String normalize(String name) {
        return String.join(" ", words(name));
    }

    private static java.util.List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        return Arrays.stream(plain.split(" "))
                .filter(w -> !w.isEmpty() && !LEGAL.contains(w))
                .toList();
    }

    /**
     * 0 to 1: how alike two names are, word by word — each word of the shorter name finding its best partner in the
     * other (equal, one a prefix of the other of at least four letters, or one edit apart), weighted by length.
     */
    public static double similarity(String a, String b) {
        Set<String> x = new LinkedHashSet<>(words(a));
        Set<String> y = new LinkedHashSet<>(words(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        Set<String> small = x.size() <= y.size() ? x : y;
        Set<String> large = small == x ? y : x;
        double found = 0;
        double total = 0;
        for (String w : small) {
            double best = 0;
            for (String v : large) {
                best = Math.max(best, wordLikeness(w, v));
            }
            found += best * w.length();
            total += w.length();
        }
        int extra = large.stream()
                .filter(v -> small.stream().noneMatch(w -> wordLikeness(w, v) > 0))
                .mapToInt(String::length)
                .sum();
        return found / (total + extra * 0.5);
    }

    private static double wordLikeness(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (Math.min(a.length(), b.length()) >= 4 && (a.startsWith(b) || b.startsWith(a))) {
            return 0.9;
        }
        if (Math.min(a.length(), b.length()) >= 5 && edits(a, b) == 1) {
            return 0.85;
        }
        if (abbreviates(a, b) || abbreviates(b, a)) {
            return 0.8;
        }
        return 0;
    }

    /** "grp" for "group", "mfg" for "manufacturing": the same first letter, then the short word's letters in order. */
    private static boolean abbreviates(String shortWord, String word) {
        if (shortWord.length() < 3 || shortWord.length() >= word.length() || shortWord.charAt(0) != word.charAt(0)) {
            return false;
        }
        int at = 1;
        for (int k = 1; k < word.length() && at < shortWord.length(); k++) {
            if (word.charAt(k) == shortWord.charAt(at)) {
                at++;
            }
        }
        return at == shortWord.length();
    }

    /** Levenshtein distance, stopping early past 1. */
    private static int edits(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The words of a name, for an index: those of four letters or more. */
    public static Set<String> keyWords(String name) {
        return words(name).stream().filter(w -> w.length() >= 4).collect(Collectors.toSet());
    }
}
