package dev.aragent.server;

import dev.aragent.agent.intent.RuleIntentReader;
import dev.aragent.agent.spi.Drafter;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.agent.spi.IntentReader;
import dev.aragent.prompts.LlmEndpoint;
import dev.aragent.prompts.SpringAiDrafter;
import dev.aragent.prompts.SpringAiIntentReader;
import dev.aragent.ragindex.OnnxEmbedder;

/**
 * Which reader and drafter the settings ask for: with {@code llm.url} set, the LLM's (its entities checked by the
 * rules, its drafts by the guardrails, the rules and templates taking over when it fails); otherwise rules, MiniLM
 * nearest examples and templates. Part of the composition root with {@link App}: the only other place in the service
 * where an adapter is created.
 */
public final class Readers {
    private Readers() {}

    public static IntentReader intentReader(Settings settings) {
        return intentReader(settings, OnnxEmbedder.create());
    }

    public static IntentReader intentReader(Settings settings, Embedder embedder) {
        RuleIntentReader rules = RuleIntentReader.create(embedder);
        return settings.llm()
                .<IntentReader>map(llm -> SpringAiIntentReader.create(endpoint(llm), rules))
                .orElse(rules);
    }

    public static Drafter drafter(Settings settings, Drafter templates) {
        return settings.llm()
                .<Drafter>map(llm -> SpringAiDrafter.create(endpoint(llm)))
                .orElse(templates);
    }

    private static LlmEndpoint endpoint(LlmConfig llm) {
        return LlmEndpoint.create(llm.baseUrl(), llm.apiKey(), llm.model(), llm.timeout());
    }
}
