/**
 * Drafting replies and checking them: what a reply must say ({@link dev.aragent.agent.drafting.DraftRequest}, built
 * from the policy decision and the account), the {@code Drafter} port that words it (templates or an LLM), and the
 * {@link dev.aragent.agent.drafting.Guardrails} every draft passes, whoever wrote it.
 */
@NullMarked
package dev.aragent.agent.drafting;

import org.jspecify.annotations.NullMarked;
