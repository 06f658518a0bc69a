package dev.aragent.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.ragindex.OnnxEmbedder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default reader (rules + MiniLM example bank) on the labelled evaluation set and the untuned hold-out set. */
class NluEvalIT {
    private static final RuleIntentReader READER = RuleIntentReader.create(OnnxEmbedder.create());

    @Test
    void readsTheEvaluationSet() {
        List<NluEval.Case> cases = NluEval.load(Optional.empty());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        List<NluEval.Case> unseen = NluEval.resource(NluEval.UNSEEN);
        assertThat(unseen).hasSizeGreaterThanOrEqualTo(200);
        assertThat(unseen.stream().map(NluEval.Case::lang).distinct()).contains("en", "es", "fr", "de");
        assertThat(java.util.stream.Stream.concat(cases.stream(), unseen.stream())
                        .map(NluEval.Case::intent)
                        .distinct())
                .hasSize(Intent.values().length);
        List<NluEval.Outcome> outcomes = NluEval.run(READER, cases);
        assertThat(NluEval.accuracy(outcomes)).isGreaterThanOrEqualTo(0.92);
        long datesRight = outcomes.stream()
                .flatMap(o -> o.datesRight().stream())
                .filter(b -> b)
                .count();
        long datesGiven =
                outcomes.stream().filter(o -> o.datesRight().isPresent()).count();
        assertThat(datesRight).isGreaterThanOrEqualTo(datesGiven - 2);
    }

    @Test
    void readsUnseenWordingAlmostAsWell() {
        List<NluEval.Outcome> outcomes = NluEval.run(READER, NluEval.resource(NluEval.HOLDOUT));
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(48);
        assertThat(NluEval.accuracy(outcomes)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void injectionAttemptsAreFlaggedAndNeverReadAsAnAgreement() {
        List<NluEval.Outcome> outcomes = NluEval.run(READER, NluEval.load(Optional.empty()));
        List<NluEval.Outcome> injections = outcomes.stream()
                .filter(o -> o.c().text().text().matches("(?is).*(ignore|disregard).*(instructions|rules).*|SYSTEM:.*"))
                .toList();
        assertThat(injections).hasSizeGreaterThanOrEqualTo(3);
        assertThat(injections).allSatisfy(o -> assertThat(o.got().injection()).isTrue());
    }
}
