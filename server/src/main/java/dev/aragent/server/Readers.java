package dev.aragent.server;

import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.ragindex.OnnxEmbedder;

/** Which intent reader the settings ask for: the LLM's when one is configured, else the rules and example bank. */
public final class Readers {
    private Readers() {}

    public static IntentReader intentReader(Settings settings) {
        return RuleIntentReader.create(OnnxEmbedder.create());
    }
}
