package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply extraction on mailgun/talon's 101 cases, each run through the stage its task names: at least 95% must match. */
class TalonCasesTest {

    @Test
    void atLeast95PercentOfCasesShouldMatch() throws IOException {
        List<ReplyCases.Outcome> outcomes =
                ReplyCases.run(ReplyCases.load(TestData.dir("reply-talon").resolve("cases.jsonl")));

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
