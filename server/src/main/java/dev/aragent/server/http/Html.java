package dev.aragent.server.http;

/** Text into HTML: every page escapes what it did not write itself (debtors' names and words, people's names). */
final class Html {
    private Html() {}

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
