package dev.aragent.agent.spi;

import dev.aragent.agent.intent.IncomingText;
import dev.aragent.agent.intent.Understanding;

/**
 * Reads what a debtor wrote: intent, confidence and entities. Adapters: agent ({@code RuleIntentReader}: rules plus
 * nearest examples, no LLM), prompts ({@code SpringAiIntentReader}: an LLM's structured output, its entities checked by
 * the rules).
 */
public interface IntentReader {
    Understanding read(IncomingText text);
}
