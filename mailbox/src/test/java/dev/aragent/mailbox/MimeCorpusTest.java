package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.junit.jupiter.api.Test;

/** Every message of the third-party MIME corpora parses or is quarantined with a reason; decoded parts match. */
class MimeCorpusTest {
    private static final Pattern PART_NAME = Pattern.compile("name=\"([^\"]+)\"");

    static List<Path> corpus() throws IOException {
        Path mime = TestData.dir("mime");
        try (Stream<Path> files = Files.walk(mime)) {
            return files.filter(p -> p.toString().endsWith(".msg")
                            || p.getParent().getFileName().toString().equals("python_email_data")
                                    && p.getFileName().toString().startsWith("msg_"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyMessageShouldParseOrBeQuarantinedWithAReason() throws IOException {
        List<Path> files = corpus();
        int parsed = 0;
        List<String> quarantined = new ArrayList<>();
        for (Path file : files) {
            switch (MailParser.parse(Files.readAllBytes(file))) {
                case ParseResult.Parsed p -> parsed++;
                case ParseResult.Quarantined q -> {
                    assertThat(q.reason()).as(file.toString()).isNotBlank();
                    quarantined.add(file.getFileName() + ": " + q.reason());
                }
            }
        }
        System.out.printf(
                "mime corpus: %d messages, %d parsed, %d quarantined %s%n",
                files.size(), parsed, quarantined.size(), quarantined);
        assertThat(files).hasSizeGreaterThanOrEqualTo(125);
        // the only messages without a header section are quarantined, and nothing else is
        assertThat(quarantined).allSatisfy(q -> assertThat(q).contains("no header section"));
    }

    /**
     * mime4j's expected trees ({@code X_decoded.xml}) name the decoded file of each leaf part. Messages whose names
     * contain "malformedHeaderStartsBody" are expected under a non-default mime4j option and are left out.
     */
    @Test
    void decodedPartsShouldMatchMime4jsExpectedOutputs() throws IOException {
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path msg : corpus()) {
            String stem = msg.getFileName().toString().replaceFirst("\\.msg$", "");
            Path tree = msg.resolveSibling(stem + "_decoded.xml");
            if (!msg.toString().endsWith(".msg") || !Files.exists(tree) || stem.contains("malformedHeaderStartsBody")) {
                continue;
            }
            Map<String, byte[]> bytes = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            Message message = MailParser.builder().parseMessage(new ByteArrayInputStream(Files.readAllBytes(msg)));
            MailParser.walk(message, "1", null, (path, body) -> {
                try {
                    bytes.put(path, MailParser.bytes(body));
                    if (body instanceof TextBody t) {
                        texts.put(path, MailParser.text(t));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Matcher named = PART_NAME.matcher(Files.readString(tree));
            while (named.find()) {
                String name = named.group(1);
                if (!name.startsWith(stem + "_decoded_")) {
                    continue;
                }
                String path = name.substring(stem.length() + "_decoded_".length(), name.lastIndexOf('.'));
                byte[] want = Files.readAllBytes(msg.resolveSibling(name));
                String text = texts.get(path);
                boolean same = Arrays.equals(want, bytes.get(path))
                        || text != null && text.equals(new String(want, StandardCharsets.UTF_8))
                        || text != null && text.equals(new String(want, StandardCharsets.ISO_8859_1));
                compared++;
                if (!same) {
                    mismatches.add(name);
                }
            }
        }
        System.out.printf(
                "mime decoded parts: %d compared, %d mismatched %s%n", compared, mismatches.size(), mismatches);
        assertThat(compared).isGreaterThan(100);
        assertThat(mismatches).isEmpty();
    }
}
