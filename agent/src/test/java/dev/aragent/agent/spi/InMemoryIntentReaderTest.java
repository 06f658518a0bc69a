package dev.aragent.agent.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.Understanding;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory reader as a model reader: a usable proposal is scripted, anything else falls back to the rules. */
class InMemoryIntentReaderTest implements IntentReaderContract {
    private final InMemoryIntentReader reader = new InMemoryIntentReader();

    @Override
    public IntentReader reader() {
        return reader;
    }

    /** A known intent with a confidence in range is what the next reading says; the entities are always the rules'. */
    @Override
    public void modelProposes(Proposal proposal) {
        Optional<Intent> intent = Arrays.stream(Intent.values())
                .filter(i -> i.code().equals(proposal.intent()))
                .findFirst();
        if (intent.isPresent() && proposal.confidence() >= 0 && proposal.confidence() <= 1) {
            reader.next(intent.get(), proposal.confidence());
        } else {
            reader.nextByTheRules();
        }
    }

    @Override
    public void modelAnswers(String content) {
        reader.nextByTheRules();
    }

    @Override
    public void modelFails() {
        reader.nextByTheRules();
    }

    /** A fake has no clock to wait on: a model that never answers is one that failed. */
    @Override
    public void modelTimesOut() {
        reader.nextByTheRules();
    }

    @Test
    void aScriptedReadingShouldSayWhatItWasToldAndKeepWhatItRead() {
        IncomingText text = new IncomingText(PROMISE, NOW, NEW_YORK);

        Understanding scripted = reader.next(Intent.HARDSHIP, 0.42).read(text);
        Understanding unscripted = reader.read(text);

        assertThat(scripted.intent()).isEqualTo(Intent.HARDSHIP);
        assertThat(scripted.confidence()).isEqualTo(0.42);
        assertThat(scripted.invoiceNumbers()).containsExactly("INV-1041");
        assertThat(scripted.reader()).isEqualTo("in-memory");
        assertThat(unscripted.reader()).as("the rules reader's reading").isNotEqualTo("in-memory");
        assertThat(reader.texts()).containsExactly(text, text);
    }
}
