package dev.aragent.agent.spi;

import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Intent;
import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.intent.Understanding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * An {@link IntentReader} in memory, for core tests that need a given intent whatever the classifier makes of the
 * text; {@link IntentReaderContract} checks it behaves as the real ones. It reads as a reader with a model does, the
 * model scripted: a reading scripted with {@link #next} has that intent and confidence and the entities the rules find
 * in the text; unscripted, or scripted with {@link #nextByTheRules} (what a model reader falls back to when its model
 * fails), it is the rules reader's reading.
 */
public final class InMemoryIntentReader implements IntentReader {
    private record Scripted(Intent intent, double confidence) {}

    private final IntentReader rules = RuleIntentReader.create(new HashingEmbedder());
    /** The next readings, in order; an empty one is the rules'. */
    private final Deque<Optional<Scripted>> next = new ArrayDeque<>();

    private final List<IncomingText> texts = new ArrayList<>();

    @Override
    public synchronized Understanding read(IncomingText text) {
        texts.add(text);
        Optional<Scripted> scripted = next.isEmpty() ? Optional.empty() : next.pop();
        if (scripted.isEmpty()) {
            return rules.read(text);
        }
        Understanding entities = RuleIntentReader.entities(text);
        return entities.withIntent(
                RuleIntentReader.overriding(text, entities)
                        .orElse(scripted.get().intent()),
                scripted.get().confidence(),
                List.of(),
                "in-memory");
    }

    /** The next reading has {@code intent} with {@code confidence} (in [0, 1]). */
    public synchronized InMemoryIntentReader next(Intent intent, double confidence) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        next.add(Optional.of(new Scripted(intent, confidence)));
        return this;
    }

    /** The next reading is the rules reader's, as a model reader's is when its model fails or answers nonsense. */
    public synchronized InMemoryIntentReader nextByTheRules() {
        next.add(Optional.empty());
        return this;
    }

    /** Every message it read, in order. */
    public synchronized List<IncomingText> texts() {
        return List.copyOf(texts);
    }
}
