package dev.aragent.server;

import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.ragindex.OnnxEmbedder;

/** Which reader and drafter the settings ask for: the LLM's when one is configured, else rules and templates. */
public final class Readers {
    private Readers() {}

    public static IntentReader intentReader(Settings settings) {
        return intentReader(settings, OnnxEmbedder.create());
    }

    public static IntentReader intentReader(Settings settings, Embedder embedder) {
        return RuleIntentReader.create(embedder);
    }

    /** The drafter the settings ask for: the templates, or the LLM (which falls back to them). */
    public static Drafter drafter(Settings settings, Drafter templates) {
        return templates;
    }
}
