package dev.aragent.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {
    @Test
    void aPassageIsNamedAsAPersonKnowsItAndAnythingElseIsShownAsItCame() {
        assertThat(Citations.words(List.of(
                        "[invoice INV-1041, 2026-09-01]",
                        "[credit memo CM-9, 2026-10-02]",
                        "[message e1071f04-1795446000-in, 2026-11-23]",
                        "[message e1071f04-1795446000-out, 2026-11-23]",
                        "a note without brackets")))
                .containsExactly(
                        "invoice INV-1041 of 2026-09-01",
                        "credit memo CM-9 of 2026-10-02",
                        "their message of 2026-11-23",
                        "our reply of 2026-11-23",
                        "a note without brackets");
    }
}
