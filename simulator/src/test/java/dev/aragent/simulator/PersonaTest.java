package dev.aragent.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonaTest {
    @Test
    void theMixFollowsTheWeightsAndTheWordingVaries() {
        Random random = new Random(1);
        Map<Persona, Integer> n = new EnumMap<>(Persona.class);
        for (int i = 0; i < 10_000; i++) {
            n.merge(Persona.draw(random), 1, Integer::sum);
        }
        assertThat(n).hasSize(Persona.values().length);
        assertThat(n.get(Persona.PAYS_ON_REMINDER)).isBetween(2_100, 2_700); // weight 24 of 100
        Set<String> said = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            said.add(Persona.PAYS_AFTER_PLAN.firstAnswer(random, Map.of()));
        }
        assertThat(said).hasSizeGreaterThan(10); // wordings × greetings × sign-offs
        assertThat(Persona.DISPUTES.firstAnswer(random, Map.of("invoice", "INV-7")))
                .contains("INV-7");
    }

    @Test
    void bothArmsDrawTheSameDebtorAndTheSameDecisions() {
        Debtor a = new Debtor(CustomerKey.of("C-1"), "Pat", "pat@x.example", List.of(), List.of(), List.of(), 42, 7);
        Debtor b = new Debtor(CustomerKey.of("C-1"), "Pat", "pat@x.example", List.of(), List.of(), List.of(), 42, 7);
        assertThat(a.persona).isEqualTo(b.persona);
        LocalDate day = LocalDate.of(2026, 11, 23);
        a.read(day, "pat@x.example");
        b.read(day, "pat@x.example");
        assertThat(a.replies).isEqualTo(b.replies);
        assertThat(a.payments).isEqualTo(b.payments);
        assertThat(new Debtor(CustomerKey.of("C-1"), "Pat", "pat@x.example", List.of(), List.of(), List.of(), 43, 7)
                        .random.nextLong())
                .isNotEqualTo(new Debtor(
                                CustomerKey.of("C-1"), "Pat", "pat@x.example", List.of(), List.of(), List.of(), 42, 7)
                        .random.nextLong());
    }
}
