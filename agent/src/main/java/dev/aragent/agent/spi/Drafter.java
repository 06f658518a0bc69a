package dev.aragent.agent.spi;

import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;

/**
 * Words a reply the playbook has already decided. Adapters: prompts ({@code TemplateDrafter}, the default;
 * {@code SpringAiDrafter}, an LLM). A drafter chooses words only: every draft passes the guardrails, and a failing
 * LLM draft is replaced by the template's.
 */
public interface Drafter {
    Draft draft(DraftRequest request);
}
