package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JWZ threading cases of rth/jwzthreading, read from ../shared/testdata/threading. */
class ThreaderTest {

    private static JsonNode cases() throws IOException {
        return new ObjectMapper()
                .readTree(Files.readString(TestData.dir("threading").resolve("jwz_unit_cases.json")))
                .get("cases");
    }

    private static List<Threader.Item> items(JsonNode c) {
        List<Threader.Item> items = new ArrayList<>();
        for (JsonNode m : c.get("messages")) {
            List<String> refs = new ArrayList<>();
            m.get("references").forEach(r -> refs.add(r.asText()));
            items.add(new Threader.Item(
                    m.get("message_id").asText(), m.get("subject").asText(), refs));
        }
        return items;
    }

    /** A tree as the corpus writes it: {message_id (null for a placeholder), children}. */
    private static String render(List<Threader.Node> nodes) {
        StringBuilder b = new StringBuilder("[");
        for (Threader.Node n : nodes) {
            b.append('{')
                    .append(n.item().map(Threader.Item::messageId).orElse("null"))
                    .append(':')
                    .append(render(n.children()))
                    .append('}');
        }
        return b.append(']').toString();
    }

    private static String renderExpected(JsonNode nodes) {
        StringBuilder b = new StringBuilder("[");
        for (JsonNode n : nodes) {
            b.append('{')
                    .append(
                            n.get("message_id").isNull()
                                    ? "null"
                                    : n.get("message_id").asText())
                    .append(':')
                    .append(renderExpected(n.get("children")))
                    .append('}');
        }
        return b.append(']').toString();
    }

    @Test
    void everyCaseWithExpectedRootsShouldMatch() throws IOException {
        int checked = 0;
        for (JsonNode c : cases()) {
            if (!c.has("expected_roots")) {
                continue;
            }
            List<Threader.Node> roots =
                    Threader.thread(items(c), c.get("group_by_subject").asBoolean());
            assertThat(render(roots)).as(c.get("id").asText()).isEqualTo(renderExpected(c.get("expected_roots")));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aLyingMessageShouldNotOverrideTheRealOnesReferences() throws IOException {
        JsonNode lying = null;
        for (JsonNode c : cases()) {
            if (c.get("id").asText().equals("lying_message")) {
                lying = c;
            }
        }
        assertThat(lying).isNotNull();
        List<Threader.Node> roots =
                Threader.thread(items(lying), lying.get("group_by_subject").asBoolean());

        Threader.Node first = roots.get(1);
        assertThat(first.item().map(Threader.Item::messageId)).contains("First");
        assertThat(first.children()).singleElement().satisfies(second -> {
            assertThat(second.item().map(Threader.Item::messageId)).contains("Second");
            assertThat(second.children())
                    .singleElement()
                    .satisfies(third -> assertThat(third.item().map(Threader.Item::messageId))
                            .contains("Third"));
        });
    }

    @Test
    void headerCasesShouldYieldReferencesAndDecodedSubjects() throws IOException {
        for (JsonNode c : cases()) {
            if (!c.has("headers")) {
                continue;
            }
            ParseResult result = MailParser.parse(
                    c.get("headers").asText().replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonNode expected = c.get("expected");
            Mail mail = ((ParseResult.Parsed) result).mail();
            if (expected.has("references_sorted_unique")) {
                List<String> want = new ArrayList<>();
                expected.get("references_sorted_unique").forEach(r -> want.add(r.asText()));
                assertThat(mail.references().stream().distinct().sorted().toList())
                        .isEqualTo(want);
            }
            if (expected.has("subject_decoded")) {
                assertThat(mail.subject())
                        .isEqualTo(expected.get("subject_decoded").asText());
            }
            if (expected.has("error")) {
                // we do not reject a message without Message-ID: it is kept, deduplicated by content hash instead
                assertThat(mail.messageId()).isEqualTo(Optional.empty());
            }
        }
    }

    @Test
    void repliesWithoutReferencesShouldJoinTheirSubjectWhenGrouping() {
        List<Threader.Item> items = List.of(
                new Threader.Item("a", "Invoice INV-1041 overdue", List.of()),
                new Threader.Item("b", "RE: Invoice INV-1041 overdue", List.of()),
                new Threader.Item("c", "Something else", List.of()));

        assertThat(Threader.parents(items, true))
                .extracting(e -> e.getKey() + ">" + e.getValue())
                .containsExactly("a>", "b>a", "c>");
        assertThat(Threader.parents(items, false))
                .extracting(e -> e.getKey() + ">" + e.getValue())
                .containsExactly("a>", "b>", "c>");
        assertThat(Threader.base("Re: [ar] Fwd: AW: Invoice  4471")).isEqualTo("invoice 4471");
    }
}
