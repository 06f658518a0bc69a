package dev.aragent.mailbox;

import java.util.List;
import java.util.Optional;

/**
 * Scores reply extraction on labelled cases (mailgun/talon's format): each case runs through the stage its task names
 * and is compared as the case says. Shared by the test that gates accuracy and by {@code ./ar-agent bench mail}.
 */
public final class ReplyCases {
    private ReplyCases() {}

    /** One labelled case. {@code task}: quotation_removal, signature_removal or quotation_removal_html. */
    public record Case(String id, String task, String compare, String raw, String expected, Optional<String> sender) {}

    /** A case's result. */
    public record Outcome(Case c, String actual, boolean pass) {}

    public static List<Outcome> run(List<Case> cases) {
        return cases.stream().map(ReplyCases::run).toList();
    }

    static Outcome run(Case c) {
        String actual =
                switch (c.task()) {
                    case "quotation_removal" -> ReplyExtractor.withoutQuotation(c.raw());
                    case "signature_removal" -> ReplyExtractor.withoutSignature(c.raw(), c.sender());
                    case "reply" -> ReplyExtractor.newText(c.raw(), c.sender());
                    case "quotation_removal_html" ->
                        ReplyExtractor.withoutQuotation(ReplyExtractor.htmlToText(c.raw()));
                    default -> throw new IllegalArgumentException("unknown task " + c.task() + " in case " + c.id());
                };
        boolean pass =
                switch (c.compare()) {
                    case "exact" ->
                        actual.equals(c.expected())
                                || actual.equals(c.expected().strip());
                    case "strip_both" -> actual.strip().equals(c.expected().strip());
                    default -> actual.replaceAll("\\s+", "").equals(c.expected().replaceAll("\\s+", ""));
                };
        return new Outcome(c, actual, pass);
    }

    /** Share of passing outcomes. */
    public static double accuracy(List<Outcome> outcomes) {
        return outcomes.isEmpty()
                ? 0
                : (double) outcomes.stream().filter(Outcome::pass).count() / outcomes.size();
    }

    /** Reads labelled cases from a JSON-lines file in talon's format (see ../shared/testdata/reply-talon/MANIFEST.md). */
    public static List<Case> load(java.nio.file.Path jsonl) throws java.io.IOException {
        return parse(java.nio.file.Files.readAllLines(jsonl));
    }

    /**
     * The project's own multilingual sets, in this package's {@code eval/} folder: {@code replies-tuned.jsonl} (tuned
     * on) or {@code replies-heldout.jsonl} (written independently before tuning, never tuned on). Each case also names
     * its language and mail client ({@link #label}).
     */
    public static List<Case> resource(String name) {
        try (java.io.InputStream in = ReplyCases.class.getResourceAsStream("eval/" + name)) {
            if (in == null) {
                throw new IllegalStateException("eval/" + name + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A case's language or client, from its id ({@code set/lang/client/n}); empty for talon's cases. */
    public static String label(Case c, int part) {
        String[] p = c.id().split("/");
        return p.length == 4 ? p[part] : "";
    }

    private static List<Case> parse(List<String> lines) throws com.fasterxml.jackson.core.JsonProcessingException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Case> cases = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode c = json.readTree(line);
            if (!excluded(c.path("notes").asText())) {
                cases.add(new Case(
                        c.get("id").asText(),
                        c.get("task").asText(),
                        c.get("compare").asText(),
                        c.get("raw").asText(),
                        c.get("expected_reply").asText(),
                        Optional.ofNullable(c.get("sender"))
                                .map(com.fasterxml.jackson.databind.JsonNode::asText)
                                .map(String::strip)));
            }
        }
        return cases;
    }

    /**
     * Whether a case is left out: two upstream tests force a crash inside talon's own code with a mock, so they have
     * no behaviour to compare against.
     */
    static boolean excluded(String notes) {
        return notes.contains("side_effect=Exception") || notes.contains("has_signature");
    }
}
