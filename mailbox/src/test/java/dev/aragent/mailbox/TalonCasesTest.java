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

/** Reply extraction on mailgun/talon's 101 cases, each run through the stage its task names: at least 95% must match. */
class TalonCasesTest {

    static List<ReplyCases.Case> cases() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ReplyCases.Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.dir("reply-talon").resolve("cases.jsonl"))) {
            JsonNode c = json.readTree(line);
            if (!ReplyCases.excluded(c.path("notes").asText())) {
                cases.add(new ReplyCases.Case(
                        c.get("id").asText(),
                        c.get("task").asText(),
                        c.get("compare").asText(),
                        c.get("raw").asText(),
                        c.get("expected_reply").asText(),
                        Optional.ofNullable(c.get("sender"))
                                .map(JsonNode::asText)
                                .map(String::strip)));
            }
        }
        return cases;
    }

    @Test
    void atLeast95PercentOfCasesShouldMatch() throws IOException {
        List<ReplyCases.Outcome> outcomes = ReplyCases.run(cases());

        outcomes.stream()
                .filter(o -> !o.pass())
                .forEach(o -> System.out.printf(
                        "talon case failed: %s%n  expected: %s%n  actual:   %s%n",
                        o.c().id(),
                        o.c().expected().replace("\n", "\\n"),
                        o.actual().replace("\n", "\\n")));
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(99);
        assertThat(ReplyCases.accuracy(outcomes)).isGreaterThanOrEqualTo(0.95);
    }
}
