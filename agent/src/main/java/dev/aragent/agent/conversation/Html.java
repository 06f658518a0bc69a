package dev.aragent.agent.conversation;

/** The simple HTML of outbound email: the text's paragraphs, escaped. */
final class Html {
    private Html() {}

    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n\n")) {
            out.append("<p>").append(escape(para).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
