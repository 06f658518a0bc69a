/**
 * A tenant's rules as people edit them: the queue rules and the negotiation policy as one sheet of named settings
 * ({@link dev.aragent.agent.rules.RuleSheet}), read, validated key by key, compared, and kept as numbered versions
 * with who saved them ({@link dev.aragent.agent.rules.RuleVersion}).
 */
@NullMarked
package dev.aragent.agent.rules;

import org.jspecify.annotations.NullMarked;
