/**
 * Grounding: every fact of a debtor's account as a readable, citable document; chunking; indexing and hybrid
 * retrieval always scoped to one tenant (and one account when writing to a debtor). Start with {@link
 * dev.aragent.agent.grounding.Grounding} and {@link dev.aragent.agent.grounding.Documents}.
 */
@NullMarked
package dev.aragent.agent.grounding;

import org.jspecify.annotations.NullMarked;
