/**
 * Running independent pieces of work side by side without reordering what belongs together. Start with {@link
 * dev.aragent.agent.work.ByAccount}.
 */
@NullMarked
package dev.aragent.agent.work;

import org.jspecify.annotations.NullMarked;
