package dev.aragent.mailbox;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML mail rendered as readable plain text with jsoup: paragraphs and line breaks kept, links as their text, and
 * quoted history (blockquote, Gmail, Thunderbird, Outlook and Yahoo quote containers) prefixed with {@code >} so the
 * plain-text quotation rules apply to it.
 */
final class HtmlText {
    private HtmlText() {}

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address",
            "section", "article", "header", "footer", "hr", "dl", "dt", "dd", "center");
    private static final Set<String> SKIP = Set.of("head", "style", "script", "title", "meta", "xml", "base");
    private static final Set<String> QUOTE_CLASSES =
            Set.of("gmail_quote", "moz-cite-prefix", "yahoo_quoted", "ecxgmail_quote");
    private static final Set<String> QUOTE_IDS = Set.of("olk_src_body_section", "divrplyfwdmsg", "appendonsend");

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder out = new StringBuilder();
        render(body, out, 0);
        return tidy(out.toString());
    }

    /** Deeper than this, an element's text is taken flat (jsoup walks it without recursion): no stack to exhaust. */
    static final int MAX_DEPTH = 200;

    private static void render(Node node, StringBuilder out, int depth) {
        if (node instanceof TextNode text) {
            String t = text.getWholeText().replace('\u00a0', ' ').replaceAll("\\s+", " ");
            if (!(t.isBlank() && (out.isEmpty() || out.charAt(out.length() - 1) == '\n'))) {
                out.append(t);
            }
            return;
        }
        if (!(node instanceof Element el)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            out.append(el.text());
            return;
        }
        String tag = el.normalName();
        if (SKIP.contains(tag)) {
            return;
        }
        if (tag.equals("br")) {
            out.append('\n');
            return;
        }
        if (isQuote(el)) {
            StringBuilder inner = new StringBuilder();
            for (Node child : el.childNodes()) {
                render(child, inner, depth + 1);
            }
            newline(out);
            for (String line : tidy(inner.toString()).split("\n", -1)) {
                out.append("> ").append(line).append('\n');
            }
            return;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) {
            newline(out);
        }
        for (Node child : el.childNodes()) {
            render(child, out, depth + 1);
        }
        if (block) {
            newline(out);
        }
    }

    private static boolean isQuote(Element el) {
        if (el.normalName().equals("blockquote")) {
            return true;
        }
        for (String c : el.classNames()) {
            if (QUOTE_CLASSES.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return QUOTE_IDS.contains(el.id().toLowerCase(java.util.Locale.ROOT));
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Trims each line and keeps at most one blank line in a row. */
    private static String tidy(String text) {
        StringBuilder b = new StringBuilder();
        int blanks = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                if (++blanks > 1) {
                    continue;
                }
            } else {
                blanks = 0;
            }
            b.append(l).append('\n');
        }
        return b.toString().strip();
    }
}
