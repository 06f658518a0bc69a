package dev.aragent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.queue.Reach;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueRulesFileTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    @Test
    void theExampleFileReadsEveryRule() {
        QueueRules r = QueueRulesFile.load(Path.of("../queue-rules.example.yaml"), NY);
        assertThat(r.window().from()).isEqualTo(LocalTime.of(8, 0));
        assertThat(r.caps().get(Reach.CALL)).isEqualTo(new QueueRules.Cap(7, 7));
        assertThat(r.cadence()).containsExactly(-7, 0, 7, 14, 30);
        assertThat(r.highValueMinor()).isEqualTo(2_500_000);
        assertThat(r.runDays()).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
        assertThat(r.segments().get("restaurants").priority()).isEqualTo(0.7);
        assertThat(r.cadenceFor("restaurants")).containsExactly(0, 10, 20, 40);
        assertThat(r.customers().get(CustomerKey.of("C-10001")).channel()).contains(Reach.HUMAN);
        assertThat(r.recoverable(20)).isCloseTo(0.67, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMissingFileGivesTheDefaultsInTheTenantsZone(@TempDir Path dir) {
        QueueRules r = QueueRulesFile.load(dir.resolve("none.yaml"), ZoneId.of("America/Chicago"));
        assertThat(r.defaultZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(r.cadence()).isEqualTo(QueueRules.defaults().cadence());
    }

    @Test
    void badRulesNameTheKey(@TempDir Path dir) throws Exception {
        for (var c : List.of(
                List.of("caps:\n  fax: {max: 1, days: 7}\n", "unknown channel 'fax'"),
                List.of("exclude-auto-pay: maybe\n", "exclude-auto-pay must be true or false"),
                List.of("weights: {amount: heavy}\n", "weights.amount must be a number"),
                List.of("contact-window: {from: \"21:00\", to: \"08:00\"}\n", "must start before it ends"),
                List.of("segmants:\n  bistro: {priority: 0.5}\n", "unknown rule 'segmants.bistro.priority'"))) {
            Path f = dir.resolve("rules.yaml");
            Files.writeString(f, c.get(0));
            assertThatThrownBy(() -> QueueRulesFile.load(f, NY))
                    .hasMessageContaining(f.toString())
                    .hasMessageContaining(c.get(1));
        }
    }
}
