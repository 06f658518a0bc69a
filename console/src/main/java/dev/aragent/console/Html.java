package dev.aragent.console;

/** Text into HTML: every page escapes what it did not write itself (debtors' names and words, people's names). */
public final class Html {
    private Html() {}

    public static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
