/**
 * Words: the message templates (per strategy, tone, channel and cadence step), prohibited phrases and the
 * {@link dev.aragent.prompts.TemplateDrafter}; the LLM adapters that read intents and draft replies through an
 * OpenAI-compatible endpoint. Nothing here decides terms: drafts are checked by the core's guardrails.
 */
@NullMarked
package dev.aragent.prompts;

import org.jspecify.annotations.NullMarked;
