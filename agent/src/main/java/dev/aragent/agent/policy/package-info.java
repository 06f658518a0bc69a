/**
 * The policy engine: what the agent may agree to on its own, what a person must approve, and what is refused. Pure
 * and deterministic: the same policy, balance, proposal and day always give the same decision. Start with {@link
 * dev.aragent.agent.policy.PolicyEngine}.
 */
@NullMarked
package dev.aragent.agent.policy;

import org.jspecify.annotations.NullMarked;
